import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { scheduleJob } from '@talkoot/outbox';
import { APP_CONFIG, type AppConfig } from '@talkoot/platform';
import type { Queue } from 'bullmq';
import { LENDING_QUEUE } from './lending.queues.js';
import { LoanSweepService } from './loan-sweep.service.js';

export const LOAN_SWEEP_JOB = 'loans.sweep';

// Every half minute, once across all workers: expire unanswered requests, remind of pick-ups and
// returns the day before, notice overdue loans.
@Processor(LENDING_QUEUE, { concurrency: 1 })
export class LoanSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('LoanSweepProcessor');

  constructor(
    private readonly sweeper: LoanSweepService,
    @InjectQueue(LENDING_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleJob(
      this.queue,
      { id: LOAN_SWEEP_JOB },
      { everyMs: Math.max(this.config.OUTBOX_POLL_MS, 1000) * 30 },
      this.logger,
    );
  }

  async process(): Promise<void> {
    await this.sweeper.sweep();
  }

  // Without a listener an 'error' event (queue store unreachable) would crash the process.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`lending worker: ${error.message}`);
  }
}
