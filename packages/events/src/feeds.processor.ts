import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { HELSINKI, queueNames } from '@talkoot/platform';
import type { Job, Queue } from 'bullmq';
import { FeedService } from './feed.service.js';

export const DAILY_FEED_JOB = 'feeds.daily';

// Rebuilds stale calendar feeds. Jobs come from the outbox (an event changed, a second later so a
// burst is one rebuild: later jobs find nothing stale) and from a daily schedule, because a feed's
// window ("30 days back") moves with the date even when nothing changes.
@Processor(queueNames.feeds, { concurrency: 1 })
export class FeedsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('FeedsProcessor');

  constructor(
    private readonly feeds: FeedService,
    private readonly orm: MikroORM,
    @InjectQueue(queueNames.feeds) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .upsertJobScheduler('feeds-daily', { pattern: '30 3 * * *', tz: HELSINKI }, { name: DAILY_FEED_JOB })
      .catch((error: Error) => this.logger.warn(`daily feed schedule not set: ${error.message}`));
  }

  async process(job: Job): Promise<{ rebuilt: number }> {
    if (job.name === DAILY_FEED_JOB) {
      await this.orm.em.fork().getConnection().execute('update feed_snapshots set stale_since = now() where stale_since is null');
    }
    return { rebuilt: await this.feeds.rebuildStale() };
  }

  // Without a listener an 'error' event (queue store unreachable) would crash the process.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`feeds worker: ${error.message}`);
  }
}
