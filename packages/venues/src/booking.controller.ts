import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams, type RouteQuery } from '@talkoot/platform';
import {
  acceptOfferRoute,
  approveBookingRoute,
  assistedBookingRoute,
  cancelBookingRoute,
  denyBookingRoute,
  myBookingsRoute,
  ownerBookingRoute,
  ownerBookingsRoute,
  paymentRoute,
  quoteRoute,
  requestBookingRoute,
  residentCancellationRoute,
} from './booking.routes.js';
import { BookingService } from './booking.service.js';

// Bookings: requests and the owners' answers, residents' bookings, payments and waiting-list offers.
@Controller()
export class BookingController {
  constructor(private readonly bookings: BookingService) {}

  @Route(requestBookingRoute)
  async requestBooking(@Body() body: RouteBody<typeof requestBookingRoute>, @CurrentAuth() auth: AuthContext) {
    return { booking: await this.bookings.requestBooking({ ...body, requesterId: auth.user.id, requester: auth.user }) };
  }

  @Route(approveBookingRoute)
  async approve(
    @Param() params: RouteParams<typeof approveBookingRoute>,
    @Body() body: RouteBody<typeof approveBookingRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { booking: await this.bookings.decide(params.id, params.bookingId, 'approved', auth.user.id, body.reason) };
  }

  @Route(denyBookingRoute)
  async deny(
    @Param() params: RouteParams<typeof denyBookingRoute>,
    @Body() body: RouteBody<typeof denyBookingRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { booking: await this.bookings.decide(params.id, params.bookingId, 'denied', auth.user.id, body.reason) };
  }

  @Route(cancelBookingRoute)
  async cancel(@Param() params: RouteParams<typeof cancelBookingRoute>, @CurrentAuth() auth: AuthContext) {
    return { booking: await this.bookings.cancel(params.id, auth.user.id) };
  }

  @Route(myBookingsRoute)
  myBookings(@CurrentAuth() auth: AuthContext) {
    return this.bookings.listMine(auth.user.id);
  }

  @Route(ownerBookingsRoute)
  ownerBookings(@Param() params: RouteParams<typeof ownerBookingsRoute>, @Query() query: RouteQuery<typeof ownerBookingsRoute>) {
    return this.bookings.listForOwner(params.id, query.status);
  }

  @Route(ownerBookingRoute)
  ownerBooking(@Param() params: RouteParams<typeof ownerBookingRoute>) {
    return this.bookings.getForOwner(params.id, params.bookingId);
  }

  @Route(quoteRoute)
  quote(
    @Param() params: RouteParams<typeof quoteRoute>,
    @Query() query: RouteQuery<typeof quoteRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return this.bookings.quote(params.id, query, auth.user.id);
  }

  @Route(assistedBookingRoute)
  async bookForResident(
    @Param() params: RouteParams<typeof assistedBookingRoute>,
    @Body() body: RouteBody<typeof assistedBookingRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return { booking: await this.bookings.bookForResident(params.id, body, auth.user.id) };
  }

  @Route(residentCancellationRoute)
  async cancelForResident(@Param() params: RouteParams<typeof residentCancellationRoute>) {
    return { booking: await this.bookings.cancelForResident(params.id, params.bookingId) };
  }

  @Route(paymentRoute)
  async markPaid(@Param() params: RouteParams<typeof paymentRoute>, @Body() body: RouteBody<typeof paymentRoute>) {
    return { booking: await this.bookings.markPaid(params.id, params.bookingId, body.paid) };
  }

  @Route(acceptOfferRoute)
  async acceptOffer(@Param() params: RouteParams<typeof acceptOfferRoute>, @CurrentAuth() auth: AuthContext) {
    return { booking: await this.bookings.acceptOffer(params.id, auth.user.id) };
  }
}
