import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { queueNames } from '@talkoot/platform';
import { FeedService } from './feed.service.js';
import { FeedsProcessor } from './feeds.processor.js';

// The worker side of events. Needs CoreModule (config + ORM) and the BullMQ root (notifications'
// worker module) from the composition root.
@Module({
  imports: [BullModule.registerQueue({ name: queueNames.feeds })],
  providers: [FeedService, FeedsProcessor],
  exports: [FeedService],
})
export class EventsWorkerModule {}
