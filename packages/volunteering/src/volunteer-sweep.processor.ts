import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { scheduleJob } from '@talkoot/outbox';
import type { Queue } from 'bullmq';
import { VOLUNTEERING_QUEUE } from './volunteering.queues.js';
import { VolunteerSweepService } from './sweep.service.js';

export const VOLUNTEER_SWEEP_JOB = 'volunteering.sweep';

// Every five minutes, once across all workers (a BullMQ job scheduler): expire unconfirmed holds,
// send the reminders that are due. Running twice sends nothing twice (volunteer_reminders' unique key).
@Processor(VOLUNTEERING_QUEUE, { concurrency: 1 })
export class VolunteerSweepProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('VolunteerSweepProcessor');

  constructor(
    private readonly sweeper: VolunteerSweepService,
    @InjectQueue(VOLUNTEERING_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleJob(this.queue, { id: VOLUNTEER_SWEEP_JOB }, { everyMs: 5 * 60_000 }, this.logger);
  }

  async process(): Promise<void> {
    await this.sweeper.sweep();
  }

  // Without a listener an 'error' event (queue store unreachable) would crash the process.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`volunteering worker: ${error.message}`);
  }
}
