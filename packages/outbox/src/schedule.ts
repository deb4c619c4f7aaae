import type { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

// Periodic work is a BullMQ job scheduler on the domain's own queue, set up by its processor on
// bootstrap: one job per period across all worker replicas, and it survives restarts. (Not a
// setInterval per process: with two workers that would run twice.) Cron times are Helsinki's.
export type Schedule = { everyMs: number } | { cron: string };

export interface ScheduledJob {
  // The scheduler's id; also the job's name unless `jobName` says otherwise.
  id: string;
  jobName?: string;
  data?: Record<string, unknown>;
}

export async function scheduleJob(queue: Queue, job: ScheduledJob, schedule: Schedule, logger: Logger): Promise<void> {
  // The first run comes one period after start, not at once: a restart is not a reason to run.
  const repeat =
    'everyMs' in schedule
      ? { every: schedule.everyMs, startDate: Date.now() + schedule.everyMs }
      : { pattern: schedule.cron, tz: 'Europe/Helsinki' };
  await queue
    .upsertJobScheduler(job.id, repeat, {
      name: job.jobName ?? job.id,
      data: job.data ?? {},
      opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    })
    .catch((error: Error) => logger.warn(`schedule ${job.id} not set: ${error.message}`));
}
