import { Body, Controller, Param } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams } from '@talkoot/platform';
import { approveSeriesRoute, cancelSeriesRoute, createSeriesRoute, denySeriesRoute } from './booking-series.routes.js';
import { BookingSeriesService } from './booking-series.service.js';

// Recurring bookings, made, answered and cancelled as one.
@Controller()
export class BookingSeriesController {
  constructor(private readonly series: BookingSeriesService) {}

  @Route(createSeriesRoute)
  createSeries(@Body() body: RouteBody<typeof createSeriesRoute>, @CurrentAuth() auth: AuthContext) {
    return this.series.create(body, auth.user.id);
  }

  @Route(cancelSeriesRoute)
  cancelSeries(@Param() params: RouteParams<typeof cancelSeriesRoute>, @CurrentAuth() auth: AuthContext) {
    return this.series.cancel(params.id, auth.user.id);
  }

  @Route(approveSeriesRoute)
  approveSeries(
    @Param() params: RouteParams<typeof approveSeriesRoute>,
    @Body() body: RouteBody<typeof approveSeriesRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return this.series.decide(params.id, params.seriesId, 'approved', auth.user.id, body.reason);
  }

  @Route(denySeriesRoute)
  denySeries(
    @Param() params: RouteParams<typeof denySeriesRoute>,
    @Body() body: RouteBody<typeof denySeriesRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return this.series.decide(params.id, params.seriesId, 'denied', auth.user.id, body.reason);
  }
}
