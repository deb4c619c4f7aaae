import { Module } from '@nestjs/common';
import { BookingSeriesController } from './booking-series.controller.js';
import { BookingSeriesService } from './booking-series.service.js';
import { BookingController } from './booking.controller.js';
import { BookingService } from './booking.service.js';
import { VenueSearchService } from './venue-search.service.js';
import { WaitlistController } from './waitlist.controller.js';
import { WaitlistService } from './waitlist.service.js';
import { VenueController } from './venue.controller.js';
import { VenueService } from './venue.service.js';
import { VenueAdminController } from './venue-admin.controller.js';
import { VenueAdminService } from './venue-admin.service.js';
import { PhotoController } from './photo.controller.js';
import { PhotoService } from './photo.service.js';
import { VenueFeedController } from './venue-feed.controller.js';
import { VenueFeedService } from './venue-feed.service.js';
import { VenueLinkService } from './venue-links.service.js';

// Needs CoreModule (config + ORM) and IdentityModule (access guard) from the composition root.
@Module({
  controllers: [
    VenueController,
    BookingController,
    BookingSeriesController,
    WaitlistController,
    VenueAdminController,
    PhotoController,
    VenueFeedController,
  ],
  providers: [
    VenueService,
    BookingService,
    BookingSeriesService,
    WaitlistService,
    VenueSearchService,
    VenueAdminService,
    PhotoService,
    VenueFeedService,
    VenueLinkService,
  ],
  exports: [VenueLinkService],
})
export class VenuesModule {}
