import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { BookingExpiryService } from './booking-expiry.service.js';
import { BookingSweepProcessor } from './booking-sweep.processor.js';
import { BookingService } from './booking.service.js';
import { VENUES_QUEUE } from './venues.queues.js';
import { WaitlistService } from './waitlist.service.js';

// The worker side of venues. Needs CoreModule (config + ORM) and the queue root
// (OutboxWorkerModule) from the composition root.
@Module({
  imports: [BullModule.registerQueue({ name: VENUES_QUEUE })],
  providers: [BookingService, WaitlistService, BookingExpiryService, BookingSweepProcessor],
  exports: [BookingExpiryService, WaitlistService],
})
export class VenuesWorkerModule {}
