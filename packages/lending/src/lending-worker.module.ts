import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LENDING_QUEUE } from './lending.queues.js';
import { LoanSweepProcessor } from './loan-sweep.processor.js';
import { LoanSweepService } from './loan-sweep.service.js';

// The worker side of lending. Needs CoreModule (config + ORM) and the queue root
// (OutboxWorkerModule) from the composition root.
@Module({
  imports: [BullModule.registerQueue({ name: LENDING_QUEUE })],
  providers: [LoanSweepService, LoanSweepProcessor],
  exports: [LoanSweepService],
})
export class LendingWorkerModule {}
