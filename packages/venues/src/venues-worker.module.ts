import { Module } from '@nestjs/common';
import { BookingExpiryService } from './booking-expiry.service.js';

// The worker side of venues. Needs CoreModule (config + ORM) from the composition root.
@Module({ providers: [BookingExpiryService], exports: [BookingExpiryService] })
export class VenuesWorkerModule {}
