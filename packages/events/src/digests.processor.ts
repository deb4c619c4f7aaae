import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { scheduleJob } from '@talkoot/outbox';
import type { Job, Queue } from 'bullmq';
import { DigestService } from './digest.service.js';
import { DIGESTS_QUEUE } from './events.queues.js';

// The email digests, on a schedule in Helsinki time: weekly on Monday mornings, monthly on the 1st.
@Processor(DIGESTS_QUEUE, { concurrency: 1 })
export class DigestsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('DigestsProcessor');

  constructor(
    private readonly digests: DigestService,
    @InjectQueue(DIGESTS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleJob(
      this.queue,
      { id: 'digest-weekly', jobName: 'digests.send', data: { frequency: 'weekly' } },
      { cron: '0 6 * * 1' },
      this.logger,
    );
    await scheduleJob(
      this.queue,
      { id: 'digest-monthly', jobName: 'digests.send', data: { frequency: 'monthly' } },
      { cron: '0 6 1 * *' },
      this.logger,
    );
  }

  async process(job: Job<{ frequency: 'weekly' | 'monthly' }>): Promise<{ queued: number }> {
    return { queued: await this.digests.sendDigests(job.data.frequency) };
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`digests worker: ${error.message}`);
  }
}
