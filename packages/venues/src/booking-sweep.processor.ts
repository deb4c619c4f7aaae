import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { scheduleJob } from '@talkoot/outbox';
import { APP_CONFIG, type AppConfig } from '@talkoot/platform';
import type { Queue } from 'bullmq';
import { BookingExpiryService } from './booking-expiry.service.js';
import { VENUES_QUEUE } from './venues.queues.js';

export const BOOKING_SWEEP_JOB = 'bookings.sweep';

// Every half minute, once across all workers: expire unanswered requests and offers, offer freed
// slots to the waiting list, send the reminders.
@Processor(VENUES_QUEUE, { concurrency: 1 })
export class BookingSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('BookingSweepProcessor');

  constructor(
    private readonly expiry: BookingExpiryService,
    @InjectQueue(VENUES_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleJob(
      this.queue,
      { id: BOOKING_SWEEP_JOB },
      { everyMs: Math.max(this.config.OUTBOX_POLL_MS, 1000) * 30 },
      this.logger,
    );
  }

  async process(): Promise<void> {
    await this.expiry.sweep();
  }

  // Without a listener an 'error' event (queue store unreachable) would crash the process.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`venues worker: ${error.message}`);
  }
}
