import { Body, Controller, Inject, Param, Query, Res } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import {
  APP_CONFIG,
  type AppConfig,
  notFound,
  type RawReply,
  Route,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
} from '@talkoot/platform';
import {
  approveHoursRoute,
  logHoursRoute,
  myVolunteeringRoute,
  organisationHoursCsvRoute,
  organisationHoursRoute,
  personalFeedFileRoute,
  personalFeedRoute,
  revokePersonalFeedRoute,
  rotatePersonalFeedRoute,
} from './hours.routes.js';
import { HoursService } from './hours.service.js';

// My tasks and hours, the personal feed, an organisation's hours (summary and CSV).
@Controller()
export class HoursController {
  constructor(
    private readonly hours: HoursService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(myVolunteeringRoute)
  mine(@CurrentAuth() auth: AuthContext) {
    return this.hours.mine(auth.user);
  }

  @Route(logHoursRoute)
  async log(@Body() body: RouteBody<typeof logHoursRoute>, @CurrentAuth() auth: AuthContext) {
    return { entry: await this.hours.log(body, auth.user) };
  }

  @Route(personalFeedRoute)
  feedState(@CurrentAuth() auth: AuthContext) {
    return this.hours.feedState(auth.user);
  }

  @Route(rotatePersonalFeedRoute)
  rotateFeed(@CurrentAuth() auth: AuthContext) {
    return this.hours.rotateFeed(auth.user, this.config.publicOrigin);
  }

  @Route(revokePersonalFeedRoute)
  async revokeFeed(@CurrentAuth() auth: AuthContext) {
    await this.hours.revokeFeed(auth.user);
  }

  @Route(personalFeedFileRoute)
  async feedFile(@Param() params: RouteParams<typeof personalFeedFileRoute>, @Res({ passthrough: true }) reply: RawReply) {
    const body = await this.hours.feed(params.file.replace(/\.ics$/, ''), this.config.publicOrigin);
    if (body === null) throw notFound('The calendar');
    // Personal: never kept by shared caches.
    void reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store');
    return body;
  }

  @Route(organisationHoursRoute)
  summary(
    @Param() params: RouteParams<typeof organisationHoursRoute>,
    @Query() query: RouteQuery<typeof organisationHoursRoute>,
  ) {
    return this.hours.summary(params.id, query);
  }

  @Route(organisationHoursCsvRoute)
  async csv(
    @Param() params: RouteParams<typeof organisationHoursCsvRoute>,
    @Query() query: RouteQuery<typeof organisationHoursCsvRoute>,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const body = await this.hours.csv(params.id, query, query.language ?? 'fi');
    void reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="talkootunnit.csv"')
      .header('cache-control', 'private, no-store');
    return body;
  }

  @Route(approveHoursRoute)
  async approve(
    @Param() params: RouteParams<typeof approveHoursRoute>,
    @Body() body: RouteBody<typeof approveHoursRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { entry: await this.hours.decide(params.id, params.hoursId, body.approve, auth.user) };
  }
}
