import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DigestService } from './digest.service.js';
import { DigestsProcessor } from './digests.processor.js';
import { FeedService } from './feed.service.js';
import { FeedsProcessor } from './feeds.processor.js';
import { DIGESTS_QUEUE, FEEDS_QUEUE } from './events.queues.js';

// The worker side of events. Needs CoreModule (config + ORM) and the queue root (OutboxWorkerModule)
// from the composition root.
@Module({
  imports: [BullModule.registerQueue({ name: FEEDS_QUEUE }, { name: DIGESTS_QUEUE })],
  providers: [FeedService, FeedsProcessor, DigestService, DigestsProcessor],
  exports: [FeedService, DigestService],
})
export class EventsWorkerModule {}
