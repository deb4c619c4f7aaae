import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { queueNames } from '@talkoot/platform';
import { DigestService } from './digest.service.js';
import { DigestsProcessor } from './digests.processor.js';
import { FeedService } from './feed.service.js';
import { FeedsProcessor } from './feeds.processor.js';

// The worker side of events. Needs CoreModule (config + ORM) and the BullMQ root (notifications'
// worker module) from the composition root.
@Module({
  imports: [BullModule.registerQueue({ name: queueNames.feeds }, { name: queueNames.digests })],
  providers: [FeedService, FeedsProcessor, DigestService, DigestsProcessor],
  exports: [FeedService, DigestService],
})
export class EventsWorkerModule {}
