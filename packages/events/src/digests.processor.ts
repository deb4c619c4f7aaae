import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HELSINKI, queueNames } from '@talkoot/platform';
import type { Job, Queue } from 'bullmq';
import { DigestService } from './digest.service.js';

// The email digests, on a schedule in Helsinki time: weekly on Monday mornings, monthly on the 1st.
@Processor(queueNames.digests, { concurrency: 1 })
export class DigestsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('DigestsProcessor');

  constructor(
    private readonly digests: DigestService,
    @InjectQueue(queueNames.digests) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const schedule = async (id: string, pattern: string, frequency: 'weekly' | 'monthly') =>
      this.queue.upsertJobScheduler(id, { pattern, tz: HELSINKI }, { name: 'digests.send', data: { frequency } });
    await Promise.all([schedule('digest-weekly', '0 6 * * 1', 'weekly'), schedule('digest-monthly', '0 6 1 * *', 'monthly')]).catch((error: Error) =>
      this.logger.warn(`digest schedules not set: ${error.message}`),
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
