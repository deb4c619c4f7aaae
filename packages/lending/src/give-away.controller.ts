import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams, type RouteQuery } from '@talkoot/platform';
import {
  claimGiveAwayRoute,
  confirmGiveAwayRoute,
  declineGiveAwayRoute,
  listGiveAwaysRoute,
  offerGiveAwayRoute,
  organisationGiveAwaysRoute,
  withdrawGiveAwayRoute,
} from './give-away.routes.js';
import { GiveAwayService } from './give-away.service.js';

// Giving away: the region's list, the owner's offers and answers, a coordinator's claim.
@Controller()
export class GiveAwayController {
  constructor(private readonly giveAways: GiveAwayService) {}

  @Route(listGiveAwaysRoute)
  async list(@Query() query: RouteQuery<typeof listGiveAwaysRoute>) {
    return { offers: await this.giveAways.listOpen(query) };
  }

  @Route(organisationGiveAwaysRoute)
  forOrganisation(@Param() params: RouteParams<typeof organisationGiveAwaysRoute>) {
    return this.giveAways.listForOrganisation(params.id);
  }

  @Route(offerGiveAwayRoute)
  async offer(
    @Param() params: RouteParams<typeof offerGiveAwayRoute>,
    @Body() body: RouteBody<typeof offerGiveAwayRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { offer: await this.giveAways.offer(params.id, params.itemId, body, auth.user.id) };
  }

  @Route(claimGiveAwayRoute)
  async claim(
    @Param() params: RouteParams<typeof claimGiveAwayRoute>,
    @Body() body: RouteBody<typeof claimGiveAwayRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { offer: await this.giveAways.claim(params.id, params.offerId, body.message, auth.user) };
  }

  @Route(confirmGiveAwayRoute)
  confirm(@Param() params: RouteParams<typeof confirmGiveAwayRoute>) {
    return this.giveAways.confirm(params.id, params.offerId);
  }

  @Route(declineGiveAwayRoute)
  async decline(@Param() params: RouteParams<typeof declineGiveAwayRoute>, @Body() body: RouteBody<typeof declineGiveAwayRoute>) {
    return { offer: await this.giveAways.decline(params.id, params.offerId, body.reason) };
  }

  @Route(withdrawGiveAwayRoute)
  async withdraw(@Param() params: RouteParams<typeof withdrawGiveAwayRoute>) {
    return { offer: await this.giveAways.withdraw(params.id, params.offerId) };
  }
}
