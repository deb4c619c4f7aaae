import { type INestApplicationContext, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type Job, Queue } from 'bullmq';
import { Counter, Gauge } from 'prom-client';

// The worker's metrics (docs/operations.md, "Metrics"). Job counters are this process's own; the
// queue depth, outbox and mail figures are read from the queue store and the database when scraped,
// so every worker replica reports the same values for them (aggregate with max, not sum).
const scrapeTimeoutMs = 1_000;

function within<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), scrapeTimeoutMs).unref()),
  ]);
}

const jobLogger = new Logger('Jobs');

// One JSON line per job outcome, with the id of the api request that caused it (x-request-id,
// carried by the outbox row into the job): the request's own log line has the same id.
function logJob(level: 'log' | 'warn', message: string, queue: string, job: Job | undefined): void {
  const data = (job?.data ?? {}) as { requestId?: unknown; outboxMessageId?: unknown };
  jobLogger[level]({
    message,
    queue,
    job: job?.name,
    jobId: job?.id,
    attempt: job?.attemptsMade,
    requestId: typeof data.requestId === 'string' ? data.requestId : null,
    outboxMessageId: data.outboxMessageId ?? null,
    ms: job?.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : undefined,
  });
}

// Returns the metrics it registered (prom-client's default registry serves them).
export function instrumentWorker(app: INestApplicationContext, orm: MikroORM) {
  const instances = app
    .get(DiscoveryService)
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown);
  const hosts = instances.filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
  const queues = [
    ...new Map(
      instances.filter((instance): instance is Queue => instance instanceof Queue).map((queue) => [queue.name, queue]),
    ).values(),
  ];

  const completed = new Counter({
    name: 'talkoot_jobs_completed_total',
    help: 'Jobs this worker finished, by queue',
    labelNames: ['queue'],
  });
  const failed = new Counter({
    name: 'talkoot_jobs_failed_total',
    help: 'Job attempts that failed in this worker, by queue (retried with backoff until their attempts are used up)',
    labelNames: ['queue'],
  });
  for (const host of hosts) {
    const worker = host.worker;
    completed.inc({ queue: worker.name }, 0);
    failed.inc({ queue: worker.name }, 0);
    worker.on('completed', (job: Job) => {
      completed.inc({ queue: worker.name });
      logJob('log', 'job completed', worker.name, job);
    });
    worker.on('failed', (job: Job | undefined, error: Error) => {
      failed.inc({ queue: worker.name });
      logJob('warn', `job attempt failed: ${error.message}`, worker.name, job);
    });
  }

  const queueJobs = new Gauge({
    name: 'talkoot_queue_jobs',
    help: 'Jobs in the queue store, by queue and state (waiting, active, delayed, failed); absent while the store does not answer',
    labelNames: ['queue', 'state'],
    async collect() {
      this.reset();
      await Promise.all(
        queues.map(async (queue) => {
          const counts = await within(queue.getJobCounts('waiting', 'active', 'delayed', 'failed')).catch(() => undefined);
          for (const [state, count] of Object.entries(counts ?? {})) this.set({ queue: queue.name, state }, count);
        }),
      );
    },
  });

  const outboxLag = new Gauge({
    name: 'talkoot_outbox_lag_seconds',
    help: 'Age of the oldest outbox row not yet relayed to the queue store (0 when none waits)',
  });
  const outboxUnrelayed = new Gauge({
    name: 'talkoot_outbox_unrelayed',
    help: 'Outbox rows not yet relayed to the queue store',
    async collect() {
      const [row] = await within(
        orm.em.fork().execute<{ n: number; lag: number }[]>(
          `select count(*)::int as n, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as lag
               from outbox_messages where relayed_at is null`,
        ),
      ).catch(() => []);
      if (!row) return;
      this.set(row.n);
      outboxLag.set(row.lag);
    },
  });

  const mailDeliveries = new Gauge({
    name: 'talkoot_mail_deliveries',
    help: 'Mail by delivery state since the start (sent, failed for good, sending): increase(...[1h]) shows the rate',
    labelNames: ['status'],
    async collect() {
      const rows = await within(
        orm.em
          .fork()
          .execute<{ status: string; n: number }[]>('select status, count(*)::int as n from mail_deliveries group by status'),
      ).catch(() => undefined);
      if (!rows) return;
      this.reset();
      for (const status of ['sent', 'failed', 'sending']) this.set({ status }, rows.find((row) => row.status === status)?.n ?? 0);
    },
  });
  return { completed, failed, queueJobs, outboxUnrelayed, outboxLag, mailDeliveries };
}
