import type { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { QueueConnection } from '@talkoot/platform';
import { type ConnectionOptions, type JobsOptions, Queue } from 'bullmq';
import { outboxJobId } from './message.js';
import { OUTBOX_BACKOFF_TYPE } from './outbox-backoff.js';
import {
  OUTBOX_ORM,
  OUTBOX_QUEUE_CONNECTION,
  OUTBOX_QUEUE_PREFIX,
  OUTBOX_RELAY_SETTINGS,
  type OutboxRelaySettings,
  withQuickReconnect,
} from './outbox.tokens.js';

interface OutboxRow {
  id: string;
  topic: string;
  queue: string;
  payload: Record<string, unknown>;
  request_id: string | null;
}

export interface RelayTickResult {
  relayed: number;
  failed: number;
  error?: string;
}

// At most this many batches per tick, so one tick cannot run forever on a huge backlog.
const maxBatchesPerTick = 20;

// MikroORM's execute() spreads an array parameter into a list, so `in (?, ?, …)` it is.
function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

// Redis as the queue store: fail at once while it is down instead of queueing commands in
// memory (ioredis' offline queue) until it is back.
function producerConnection(connection: QueueConnection): ConnectionOptions {
  const quick = withQuickReconnect(connection);
  return ('host' in quick ? { ...quick, enableOfflineQueue: false } : quick) as ConnectionOptions;
}

// Moves committed outbox rows to their BullMQ queues. Several workers may run it at once:
// `for update skip locked` gives each row to one of them. A row is marked relayed only in the
// transaction that added its job; when the queue store is down the transaction rolls back,
// the failure is noted on the rows, and the next tick tries again. Nothing is lost.
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private readonly queues = new Map<string, Queue>();
  private timer: NodeJS.Timeout | undefined;
  private currentTick: Promise<unknown> | undefined;
  private isRunning = false;
  private isWakeRequested = false;

  constructor(
    @Inject(OUTBOX_ORM) private readonly orm: MikroORM,
    @Inject(OUTBOX_QUEUE_CONNECTION) private readonly connection: QueueConnection,
    @Inject(OUTBOX_RELAY_SETTINGS) private readonly settings: OutboxRelaySettings,
    @Inject(OUTBOX_QUEUE_PREFIX) private readonly queuePrefix: string | null,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.schedule(0);
  }

  // Relay now instead of at the next poll (e.g. right after a row was committed).
  wake(): void {
    if (!this.isRunning) return;
    if (this.currentTick) {
      this.isWakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.isRunning = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.currentTick;
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((queue) => queue.close()));
  }

  // One pass over everything that is due. Public so tests and tools can relay on demand.
  async relayDue(): Promise<RelayTickResult> {
    const total: RelayTickResult = { relayed: 0, failed: 0 };
    for (let batch = 0; batch < maxBatchesPerTick; batch++) {
      const result = await this.relayBatch();
      total.relayed += result.relayed;
      total.failed += result.failed;
      if (result.error) total.error = result.error;
      if (result.error || result.relayed < this.settings.batchSize) break;
    }
    return total;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const tick = this.relayDue().catch((error: unknown) => {
      // The database itself is unreachable: nothing to record, try again next tick.
      this.logger.error(`outbox relay failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.currentTick = tick;
    await tick;
    this.currentTick = undefined;
    if (!this.isRunning) return;
    const isWakeRequested = this.isWakeRequested;
    this.isWakeRequested = false;
    this.schedule(isWakeRequested ? 0 : this.settings.pollMs);
  }

  private async relayBatch(): Promise<RelayTickResult> {
    let rows: OutboxRow[] = [];
    try {
      await this.orm.em.fork().transactional(async (em) => {
        rows = await em.execute<OutboxRow[]>(
          `select id, topic, queue, payload, request_id from outbox_messages
           where relayed_at is null and available_at <= now()
           order by id limit ? for update skip locked`,
          [this.settings.batchSize],
        );
        if (rows.length === 0) return;
        await this.addJobs(rows);
        const ids = rows.map((row) => row.id);
        await em.execute(`update outbox_messages set relayed_at = now() where id in (${placeholders(ids.length)})`, ids);
      });
      return { relayed: rows.length, failed: 0 };
    } catch (error) {
      if (rows.length === 0) throw error;
      // The transaction rolled back; note why on the rows (outside it) so operators can see it.
      const message = error instanceof Error ? error.message : String(error);
      const ids = rows.map((row) => row.id);
      await this.orm.em
        .fork()
        .execute(
          `update outbox_messages set relay_attempts = relay_attempts + 1, last_error = ? where id in (${placeholders(ids.length)})`,
          [message.slice(0, 2000), ...ids],
        );
      this.logger.warn(`could not relay ${ids.length} outbox rows (will retry): ${message}`);
      return { relayed: 0, failed: ids.length, error: message };
    }
  }

  private async addJobs(rows: OutboxRow[]): Promise<void> {
    const byQueue = new Map<string, { name: string; data: Record<string, unknown>; opts: JobsOptions }[]>();
    for (const row of rows) {
      const jobs = byQueue.get(row.queue) ?? [];
      jobs.push({
        name: row.topic,
        data: { ...row.payload, outboxMessageId: row.id, ...(row.request_id ? { requestId: row.request_id } : {}) },
        opts: this.jobOptions(row.id),
      });
      byQueue.set(row.queue, jobs);
    }
    for (const [queueName, jobs] of byQueue) {
      await this.withTimeout(this.queue(queueName).addBulk(jobs), `adding ${jobs.length} jobs to queue ${queueName}`);
    }
  }

  private jobOptions(outboxMessageId: string): JobsOptions {
    return {
      jobId: outboxJobId(outboxMessageId),
      attempts: this.settings.attempts,
      backoff: { type: OUTBOX_BACKOFF_TYPE, delay: this.settings.backoffMs },
      // Finished jobs are kept a while for inspection; the outbox (and each effect's own record) is the record.
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: producerConnection(this.connection),
        ...(this.queuePrefix ? { prefix: this.queuePrefix } : {}),
      });
      queue.on('error', (error: Error) => this.logger.error(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the queue store did not answer in ${this.settings.addTimeoutMs} ms (${what})`)),
        this.settings.addTimeoutMs,
      );
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
