import { Body, Controller, Param } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams } from '@talkoot/platform';
import { joinWaitlistRoute, leaveWaitlistRoute, myWaitlistRoute } from './waitlist.routes.js';
import { WaitlistService } from './waitlist.service.js';

// The waiting list for a taken time.
@Controller()
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Route(joinWaitlistRoute)
  joinWaitlist(@Body() body: RouteBody<typeof joinWaitlistRoute>, @CurrentAuth() auth: AuthContext) {
    return this.waitlist.join(body, auth.user.id);
  }

  @Route(myWaitlistRoute)
  myWaitlist(@CurrentAuth() auth: AuthContext) {
    return this.waitlist.listMine(auth.user.id);
  }

  @Route(leaveWaitlistRoute)
  leaveWaitlist(@Param() params: RouteParams<typeof leaveWaitlistRoute>, @CurrentAuth() auth: AuthContext) {
    return this.waitlist.withdraw(params.id, auth.user.id);
  }
}
