import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service.js';
import { DigestController } from './digest.controller.js';
import { DigestService } from './digest.service.js';
import { EventController } from './event.controller.js';
import { EventService } from './event.service.js';
import { FeedController } from './feed.controller.js';
import { FeedService } from './feed.service.js';

// Needs CoreModule (config + ORM) and IdentityModule (access guard) from the composition root.
@Module({ controllers: [EventController, FeedController, DigestController], providers: [EventService, CalendarService, FeedService, DigestService], exports: [FeedService] })
export class EventsModule {}
