import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ClaimService } from './claim.service.js';
import { VolunteerSweepService } from './sweep.service.js';
import { VolunteerSweepProcessor } from './volunteer-sweep.processor.js';
import { VOLUNTEERING_QUEUE } from './volunteering.queues.js';

// The worker side of volunteering. Needs CoreModule (config + ORM) and the queue root
// (OutboxWorkerModule) from the composition root.
@Module({
  imports: [BullModule.registerQueue({ name: VOLUNTEERING_QUEUE })],
  providers: [ClaimService, VolunteerSweepService, VolunteerSweepProcessor],
  exports: [VolunteerSweepService],
})
export class VolunteeringWorkerModule {}
