import { Module } from '@nestjs/common';
import { BookingExpiryService } from './booking-expiry.service.js';
import { BookingService } from './booking.service.js';
import { WaitlistService } from './waitlist.service.js';

// The worker side of venues. Needs CoreModule (config + ORM) from the composition root.
@Module({ providers: [BookingService, WaitlistService, BookingExpiryService], exports: [BookingExpiryService, WaitlistService] })
export class VenuesWorkerModule {}
