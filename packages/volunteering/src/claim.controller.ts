import { Body, Controller, Inject, Param } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, notFound, Route, type RouteBody, type RouteParams } from '@talkoot/platform';
import {
  acceptSwapRoute,
  behalfClaimRoute,
  cancelSwapRoute,
  claimShiftRoute,
  enterSheetResultsRoute,
  eventSheetRoute,
  getSwapRoute,
  guestClaimShiftRoute,
  markAttendanceRoute,
  offerSwapRoute,
  previewTokenRoute,
  removeClaimRoute,
  sendRemindersNowRoute,
  useTokenRoute,
  withdrawClaimRoute,
} from './claim.routes.js';
import { ClaimService } from './claim.service.js';
import { SheetService } from './sheet.service.js';
import { VolunteerSweepService } from './sweep.service.js';
import { SwapService } from './swap.service.js';

// Claiming places, the links in mails, swaps, the paper sheet and attendance: HTTP to the services.
@Controller()
export class ClaimController {
  constructor(
    private readonly claims: ClaimService,
    private readonly sheets: SheetService,
    private readonly swaps: SwapService,
    private readonly sweeper: VolunteerSweepService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(claimShiftRoute)
  async claim(
    @Param() params: RouteParams<typeof claimShiftRoute>,
    @Body() body: RouteBody<typeof claimShiftRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { claim: await this.claims.claimAsUser(params.shiftId, body, auth.user) };
  }

  @Route(guestClaimShiftRoute)
  guestClaim(@Param() params: RouteParams<typeof guestClaimShiftRoute>, @Body() body: RouteBody<typeof guestClaimShiftRoute>) {
    return this.claims.claimAsGuest(params.shiftId, body);
  }

  @Route(withdrawClaimRoute)
  async withdraw(@Param() params: RouteParams<typeof withdrawClaimRoute>, @CurrentAuth() auth: AuthContext) {
    return { claim: await this.claims.withdrawOwn(params.claimId, auth.user) };
  }

  @Route(previewTokenRoute)
  preview(@Body() body: RouteBody<typeof previewTokenRoute>) {
    return this.claims.previewToken(body.token);
  }

  @Route(useTokenRoute)
  use(@Body() body: RouteBody<typeof useTokenRoute>) {
    return this.claims.useToken(body.token);
  }

  @Route(behalfClaimRoute)
  async behalf(
    @Param() params: RouteParams<typeof behalfClaimRoute>,
    @Body() body: RouteBody<typeof behalfClaimRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { claim: await this.claims.claimOnBehalf(params.id, params.shiftId, body, auth.user) };
  }

  @Route(removeClaimRoute)
  async remove(@Param() params: RouteParams<typeof removeClaimRoute>) {
    return { claim: await this.claims.removeByCoordinator(params.id, params.claimId) };
  }

  @Route(eventSheetRoute)
  sheet(@Param() params: RouteParams<typeof eventSheetRoute>) {
    return this.sheets.sheet(params.id, params.eventId);
  }

  @Route(enterSheetResultsRoute)
  async results(
    @Param() params: RouteParams<typeof enterSheetResultsRoute>,
    @Body() body: RouteBody<typeof enterSheetResultsRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { claims: await this.sheets.enterResults(params.id, params.eventId, body.entries, auth.user) };
  }

  @Route(markAttendanceRoute)
  async attendance(
    @Param() params: RouteParams<typeof markAttendanceRoute>,
    @Body() body: RouteBody<typeof markAttendanceRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { claims: await this.sheets.markAttendance(params.id, params.shiftId, body, auth.user) };
  }

  @Route(offerSwapRoute)
  async offerSwap(
    @Param() params: RouteParams<typeof offerSwapRoute>,
    @Body() body: RouteBody<typeof offerSwapRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { swap: await this.swaps.offer(params.claimId, body.toEmail, auth.user) };
  }

  @Route(getSwapRoute)
  async getSwap(@Param() params: RouteParams<typeof getSwapRoute>) {
    return { swap: await this.swaps.get(params.swapId) };
  }

  @Route(acceptSwapRoute)
  acceptSwap(
    @Param() params: RouteParams<typeof acceptSwapRoute>,
    @Body() body: RouteBody<typeof acceptSwapRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return this.swaps.accept(params.swapId, body.confirmedRequirements, auth.user);
  }

  @Route(cancelSwapRoute)
  async cancelSwap(@Param() params: RouteParams<typeof cancelSwapRoute>, @CurrentAuth() auth: AuthContext) {
    return { swap: await this.swaps.cancel(params.swapId, auth.user) };
  }

  @Route(sendRemindersNowRoute)
  sendRemindersNow() {
    if (!this.config.isDevMailbox || this.config.NODE_ENV === 'production') throw notFound('This page');
    return this.sweeper.sweep();
  }
}
