import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service.js';
import { DigestController } from './digest.controller.js';
import { DigestService } from './digest.service.js';
import { EventController } from './event.controller.js';
import { EventImageController, EventImageService } from './event-image.js';
import { EventService } from './event.service.js';
import { FeedController } from './feed.controller.js';
import { FeedService } from './feed.service.js';

// Needs CoreModule (config + ORM) and IdentityModule (access guard) from the composition root.
@Module({ controllers: [EventController, FeedController, DigestController, EventImageController], providers: [EventService, CalendarService, FeedService, DigestService, EventImageService], exports: [FeedService] })
export class EventsModule {}
