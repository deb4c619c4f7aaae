import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { InvitationService } from './invitation.service.js';
import { MeController } from './me.controller.js';
import { MembershipController } from './membership.controller.js';
import { MembershipService } from './membership.service.js';
import { OrganisationController } from './organisation.controller.js';
import { OrganisationService } from './organisation.service.js';
import { PlaceService } from './place.service.js';
import { SessionService } from './session.service.js';
import { SignInService } from './sign-in.service.js';
import { UserService } from './user.service.js';

// Needs CoreModule (config + ORM) from the composition root. Installs the access guard for
// every route of the application.
@Module({
  controllers: [AuthController, MeController, OrganisationController, MembershipController],
  providers: [
    SessionService,
    SignInService,
    UserService,
    PlaceService,
    OrganisationService,
    MembershipService,
    InvitationService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionService, MembershipService],
})
export class IdentityModule {}
