import { Module } from '@nestjs/common';
import { BookingService } from './booking.service.js';
import { VenueController } from './venue.controller.js';
import { VenueService } from './venue.service.js';

// Needs CoreModule (config + ORM) and IdentityModule (access guard) from the composition root.
@Module({ controllers: [VenueController], providers: [VenueService, BookingService] })
export class VenuesModule {}
