import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { EVENT_LINK_LOOKUP, type EventLinkLookup } from './event-links.js';
import { CalendarService } from './calendar.service.js';
import { DigestController } from './digest.controller.js';
import { DigestService } from './digest.service.js';
import { EventController } from './event.controller.js';
import { EventImageController, EventImageService } from './event-image.js';
import { EventService } from './event.service.js';
import { FeedController } from './feed.controller.js';
import { FeedService } from './feed.service.js';

// Needs CoreModule (config + ORM) and IdentityModule (access guard) from the composition root,
// which also says who answers the event's links to venues and bookings (EventLinkLookup).
@Module({})
export class EventsModule {
  static forRoot(links: { imports: NonNullable<ModuleMetadata['imports']>; lookup: Type<EventLinkLookup> }): DynamicModule {
    return {
      module: EventsModule,
      imports: links.imports,
      controllers: [EventController, FeedController, DigestController, EventImageController],
      providers: [
        EventService,
        CalendarService,
        FeedService,
        DigestService,
        EventImageService,
        { provide: EVENT_LINK_LOOKUP, useExisting: links.lookup },
      ],
      exports: [FeedService],
    };
  }
}
