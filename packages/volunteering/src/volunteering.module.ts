import { Module } from '@nestjs/common';
import { ClaimController } from './claim.controller.js';
import { ClaimService } from './claim.service.js';
import { HoursController } from './hours.controller.js';
import { HoursService } from './hours.service.js';
import { SheetService } from './sheet.service.js';
import { VolunteerSweepService } from './sweep.service.js';
import { SwapService } from './swap.service.js';
import { TaskController } from './task.controller.js';
import { TaskService } from './task.service.js';

// Needs CoreModule (config + ORM) and IdentityModule (access guard) from the composition root.
@Module({
  controllers: [TaskController, ClaimController, HoursController],
  providers: [TaskService, ClaimService, SheetService, SwapService, HoursService, VolunteerSweepService],
})
export class VolunteeringModule {}
