import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { outboxStalledJobOptions, outboxWorkerSettings, readMessage, scheduleJob } from '@talkoot/outbox';
import type { Job, Queue } from 'bullmq';
import { FeedService } from './feed.service.js';
import { FEEDS_QUEUE } from './events.queues.js';
import { feedsRebuildMessage } from './feeds-rebuild.message.js';

export const DAILY_FEED_JOB = 'feeds.daily';

// Rebuilds stale calendar feeds. Jobs come from the outbox (an event changed, a second later so a
// burst is one rebuild: later jobs find nothing stale) and from a daily schedule, because a feed's
// window ("30 days back") moves with the date even when nothing changes.
@Processor(FEEDS_QUEUE, { concurrency: 1, settings: outboxWorkerSettings, ...outboxStalledJobOptions })
export class FeedsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('FeedsProcessor');

  constructor(
    private readonly feeds: FeedService,
    private readonly orm: MikroORM,
    @InjectQueue(FEEDS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleJob(this.queue, { id: 'feeds-daily', jobName: DAILY_FEED_JOB }, { cron: '30 3 * * *' }, this.logger);
  }

  async process(job: Job): Promise<{ rebuilt: number }> {
    if (job.name === DAILY_FEED_JOB) {
      await this.orm.em.fork().getConnection().execute('update feed_snapshots set stale_since = now() where stale_since is null');
    } else {
      readMessage(feedsRebuildMessage, job.data);
    }
    return { rebuilt: await this.feeds.rebuildStale() };
  }

  // Without a listener an 'error' event (queue store unreachable) would crash the process.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`feeds worker: ${error.message}`);
  }
}
