import { InjectQueue } from '@nestjs/bullmq';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { MAIL_QUEUE } from './mail-send.message.js';
import { NOTIFICATIONS_ORM } from './notifications.tokens.js';

const batch = 200;

// A mail job can fail without the mail processor ever deciding: a worker that crashed or hung
// too often makes BullMQ fail the job as stalled, and no delivery row says "sent" or "failed".
// The outbox row is relayed by then, so without this the mail would silently never go out.
// Jobs whose delivery reached a final state (sent, or refused for good) are left alone.
// Runs as a scheduled job (MailRedriveProcessor), once per period for all workers.
@Injectable()
export class MailRedriveService {
  private readonly logger = new Logger('MailRedrive');

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue,
    @Inject(NOTIFICATIONS_ORM) private readonly orm: MikroORM,
  ) {}

  // Returns the outbox ids whose jobs were put back in the queue.
  async redriveUndecided(): Promise<string[]> {
    const jobs = (await this.queue.getFailed(0, batch - 1)) as Job[];
    const byOutboxId = new Map<string, Job>();
    for (const job of jobs) {
      const id = (job.data as { outboxMessageId?: unknown } | undefined)?.outboxMessageId;
      if (id !== undefined && /^\d+$/.test(String(id))) byOutboxId.set(String(id), job);
    }
    if (!byOutboxId.size) return [];
    const ids = [...byOutboxId.keys()];
    const decided = await this.orm.em
      .fork()
      .execute<{ outbox_message_id: string }[]>(
        `select outbox_message_id from mail_deliveries where status in ('sent', 'failed') and outbox_message_id in (${ids.map(() => '?').join(', ')})`,
        ids,
      );
    const decidedIds = new Set(decided.map((row) => String(row.outbox_message_id)));
    const redriven: string[] = [];
    for (const [id, job] of byOutboxId) {
      if (decidedIds.has(id)) continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      this.logger.warn(`mail of outbox row ${id} failed without a decision (${job.failedReason}); queued again`);
      redriven.push(id);
    }
    return redriven;
  }
}
