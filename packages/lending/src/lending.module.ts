import { ItemPhotoController } from './item-photo.controller.js';
import { ItemPhotoService } from './item-photo.service.js';
import { Module } from '@nestjs/common';
import { AvailabilityService } from './availability.service.js';
import { GiveAwayController } from './give-away.controller.js';
import { GiveAwayService } from './give-away.service.js';
import { ItemController } from './item.controller.js';
import { ItemService } from './item.service.js';
import { LoanController } from './loan.controller.js';
import { LoanRequestService } from './loan-request.service.js';
import { LoanService } from './loan.service.js';

// Needs CoreModule (config + ORM) and IdentityModule (access guard) from the composition root.
@Module({
  controllers: [ItemController, LoanController, GiveAwayController, ItemPhotoController],
  providers: [ItemService, AvailabilityService, LoanRequestService, LoanService, GiveAwayService, ItemPhotoService],
})
export class LendingModule {}
