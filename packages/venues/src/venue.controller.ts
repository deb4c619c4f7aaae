import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams, type RouteQuery, access, defineRoute } from '@talkoot/platform';
import { z } from 'zod';
import { BookingSeriesService } from './booking-series.service.js';
import { BookingService } from './booking.service.js';
import {
  assistedBookingCreateSchema,
  availabilityQuerySchema,
  availabilitySchema,
  bookingCreateSchema,
  bookingDecisionSchema,
  bookingListItemSchema,
  bookingListQuerySchema,
  bookingSchema,
  paymentMarkSchema,
  quoteQuerySchema,
  quoteSchema,
  seriesCreateSchema,
  seriesResultSchema,
  spaceCreateSchema,
  venueCreateSchema,
  venueSchema,
  venueSearchQuerySchema,
  venueSearchResultSchema,
  waitlistCreateSchema,
  waitlistEntrySchema,
} from './venue.schemas.js';
import { VenueSearchService } from './venue-search.service.js';
import { VenueService } from './venue.service.js';
import { WaitlistService } from './waitlist.service.js';

const tag = 'Village halls';

export const listVenuesRoute = defineRoute({ method: 'GET', path: '/api/venues', summary: 'Village halls, huts and lean-tos of the region', tag, access: access.public, response: z.object({ venues: z.array(venueSchema) }) });

export const getVenueRoute = defineRoute({ method: 'GET', path: '/api/venues/:id', summary: 'One venue with its spaces', tag, access: access.public, params: z.object({ id: z.uuid() }), response: z.object({ venue: venueSchema }) });

export const createVenueRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/venues',
  summary: 'List a venue of the organisation',
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: z.object({ id: z.uuid() }),
  body: venueCreateSchema.omit({ organisationId: true }),
  response: z.object({ venue: venueSchema }),
});

export const addSpaceRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/venues/:venueId/spaces',
  summary: 'Add a bookable space (a room, or the whole hall) to a venue',
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: z.object({ id: z.uuid(), venueId: z.uuid() }),
  body: spaceCreateSchema,
  response: z.object({ venue: venueSchema }),
  errors: [422],
});

export const availabilityRoute = defineRoute({
  method: 'GET',
  path: '/api/spaces/:id/availability',
  summary: 'Busy times of a space (requested and booked, cleaning included)',
  tag,
  access: access.public,
  params: z.object({ id: z.uuid() }),
  query: availabilityQuerySchema,
  response: availabilitySchema,
});

export const requestBookingRoute = defineRoute({
  method: 'POST',
  path: '/api/bookings',
  summary: 'Request a space for a time (instant-confirmation spaces confirm at once)',
  tag,
  access: access.signedIn,
  body: bookingCreateSchema,
  response: z.object({ booking: bookingSchema }),
  errors: [409, 422],
});

const decisionParams = z.object({ id: z.uuid(), bookingId: z.uuid() });

export const approveBookingRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/bookings/:bookingId/approval',
  summary: "Approve a request for one of the organisation's spaces",
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: decisionParams,
  body: bookingDecisionSchema,
  response: z.object({ booking: bookingSchema }),
  status: 200,
  errors: [422],
});

export const denyBookingRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/bookings/:bookingId/denial',
  summary: "Deny a request for one of the organisation's spaces, with a reason",
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: decisionParams,
  body: bookingDecisionSchema,
  response: z.object({ booking: bookingSchema }),
  status: 200,
  errors: [422],
});

export const cancelBookingRoute = defineRoute({
  method: 'POST',
  path: '/api/bookings/:id/cancellation',
  summary: 'Cancel my booking or request',
  tag,
  access: access.signedIn,
  params: z.object({ id: z.uuid() }),
  response: z.object({ booking: bookingSchema }),
  status: 200,
  errors: [422],
});

export const ownerBookingsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/bookings',
  summary: "Bookings and requests of the organisation's venues",
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: z.object({ id: z.uuid() }),
  query: bookingListQuerySchema,
  response: z.object({ bookings: z.array(bookingListItemSchema) }),
});

export const myBookingsRoute = defineRoute({
  method: 'GET',
  path: '/api/me/bookings',
  summary: 'My bookings and requests',
  tag,
  access: access.signedIn,
  response: z.object({ bookings: z.array(bookingListItemSchema) }),
});

export const venueSearchRoute = defineRoute({
  method: 'GET',
  path: '/api/venue-search',
  summary: 'Free spaces of the region for a date and time, big enough for a group',
  tag,
  access: access.public,
  query: venueSearchQuerySchema,
  response: venueSearchResultSchema,
});

export const quoteRoute = defineRoute({
  method: 'GET',
  path: '/api/spaces/:id/quote',
  summary: 'Price, deposit and cancellation terms for a time, and whether the rules allow it',
  tag,
  access: access.signedIn,
  params: z.object({ id: z.uuid() }),
  query: quoteQuerySchema,
  response: z.object({ quote: quoteSchema }),
});

const ownerBookingParams = z.object({ id: z.uuid(), bookingId: z.uuid() });

export const ownerBookingRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/bookings/:bookingId',
  summary: "One booking of the organisation's venues (for the printable confirmation)",
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: ownerBookingParams,
  response: z.object({ booking: bookingListItemSchema }),
});

export const assistedBookingRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/assisted-bookings',
  summary: "Book one of the organisation's spaces for a resident without an account",
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: z.object({ id: z.uuid() }),
  body: assistedBookingCreateSchema,
  response: z.object({ booking: bookingSchema }),
  errors: [409, 422],
});

export const residentCancellationRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/bookings/:bookingId/cancellation',
  summary: "Cancel a booking made for a resident without an account, at the resident's request",
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: ownerBookingParams,
  response: z.object({ booking: bookingSchema }),
  status: 200,
  errors: [404, 422],
});

export const paymentRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/bookings/:bookingId/payment',
  summary: 'Mark a booking paid (the bank transfer arrived) or not paid',
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: ownerBookingParams,
  body: paymentMarkSchema,
  response: z.object({ booking: bookingSchema }),
  status: 200,
  errors: [422],
});

export const createSeriesRoute = defineRoute({
  method: 'POST',
  path: '/api/booking-series',
  summary: 'Request a recurring booking: free dates are booked, taken ones listed',
  tag,
  access: access.signedIn,
  body: seriesCreateSchema,
  response: seriesResultSchema,
  errors: [409, 422],
});

export const cancelSeriesRoute = defineRoute({
  method: 'POST',
  path: '/api/booking-series/:id/cancellation',
  summary: 'Cancel every date of my series that is still ahead',
  tag,
  access: access.signedIn,
  params: z.object({ id: z.uuid() }),
  response: z.object({ bookings: z.array(bookingSchema) }),
  status: 200,
  errors: [422],
});

const seriesDecisionParams = z.object({ id: z.uuid(), seriesId: z.uuid() });

export const approveSeriesRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/booking-series/:seriesId/approval',
  summary: 'Approve every waiting date of a recurring booking',
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: seriesDecisionParams,
  body: bookingDecisionSchema,
  response: z.object({ bookings: z.array(bookingSchema) }),
  status: 200,
  errors: [422],
});

export const denySeriesRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/booking-series/:seriesId/denial',
  summary: 'Deny every waiting date of a recurring booking, with a reason',
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: seriesDecisionParams,
  body: bookingDecisionSchema,
  response: z.object({ bookings: z.array(bookingSchema) }),
  status: 200,
  errors: [422],
});

export const acceptOfferRoute = defineRoute({
  method: 'POST',
  path: '/api/bookings/:id/acceptance',
  summary: 'Take up a waiting-list offer (it holds the slot for 48 hours)',
  tag,
  access: access.signedIn,
  params: z.object({ id: z.uuid() }),
  response: z.object({ booking: bookingSchema }),
  status: 200,
  errors: [422],
});

export const joinWaitlistRoute = defineRoute({
  method: 'POST',
  path: '/api/waitlist',
  summary: 'Queue for a taken time; the first in line gets an offer when it frees up',
  tag,
  access: access.signedIn,
  body: waitlistCreateSchema,
  response: z.object({ entry: waitlistEntrySchema }),
  errors: [409, 422],
});

export const myWaitlistRoute = defineRoute({
  method: 'GET',
  path: '/api/me/waitlist',
  summary: 'The times I am queueing for, and open offers',
  tag,
  access: access.signedIn,
  response: z.object({ entries: z.array(waitlistEntrySchema) }),
});

export const leaveWaitlistRoute = defineRoute({
  method: 'POST',
  path: '/api/waitlist/:id/withdrawal',
  summary: 'Leave the line (an open offer is declined)',
  tag,
  access: access.signedIn,
  params: z.object({ id: z.uuid() }),
  response: z.object({ entry: waitlistEntrySchema }),
  status: 200,
  errors: [422],
});

@Controller()
export class VenueController {
  constructor(
    private readonly venues: VenueService,
    private readonly bookings: BookingService,
    private readonly series: BookingSeriesService,
    private readonly waitlist: WaitlistService,
    private readonly search: VenueSearchService,
  ) {}

  @Route(venueSearchRoute)
  searchVenues(@Query() query: RouteQuery<typeof venueSearchRoute>) {
    return this.search.search(query);
  }

  @Route(quoteRoute)
  quote(@Param() params: RouteParams<typeof quoteRoute>, @Query() query: RouteQuery<typeof quoteRoute>, @CurrentAuth() auth: AuthContext) {
    return this.bookings.quote(params.id, query, auth.user.id);
  }

  @Route(ownerBookingRoute)
  ownerBooking(@Param() params: RouteParams<typeof ownerBookingRoute>) {
    return this.bookings.getForOwner(params.id, params.bookingId);
  }

  @Route(assistedBookingRoute)
  async bookForResident(@Param() params: RouteParams<typeof assistedBookingRoute>, @Body() body: RouteBody<typeof assistedBookingRoute>, @CurrentAuth() auth: AuthContext) {
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

  @Route(createSeriesRoute)
  createSeries(@Body() body: RouteBody<typeof createSeriesRoute>, @CurrentAuth() auth: AuthContext) {
    return this.series.create(body, auth.user.id);
  }

  @Route(cancelSeriesRoute)
  cancelSeries(@Param() params: RouteParams<typeof cancelSeriesRoute>, @CurrentAuth() auth: AuthContext) {
    return this.series.cancel(params.id, auth.user.id);
  }

  @Route(approveSeriesRoute)
  approveSeries(@Param() params: RouteParams<typeof approveSeriesRoute>, @Body() body: RouteBody<typeof approveSeriesRoute>, @CurrentAuth() auth: AuthContext) {
    return this.series.decide(params.id, params.seriesId, 'approved', auth.user.id, body.reason);
  }

  @Route(denySeriesRoute)
  denySeries(@Param() params: RouteParams<typeof denySeriesRoute>, @Body() body: RouteBody<typeof denySeriesRoute>, @CurrentAuth() auth: AuthContext) {
    return this.series.decide(params.id, params.seriesId, 'denied', auth.user.id, body.reason);
  }

  @Route(acceptOfferRoute)
  async acceptOffer(@Param() params: RouteParams<typeof acceptOfferRoute>, @CurrentAuth() auth: AuthContext) {
    return { booking: await this.bookings.acceptOffer(params.id, auth.user.id) };
  }

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

  @Route(listVenuesRoute)
  listVenues() {
    return this.venues.listVenues();
  }

  @Route(getVenueRoute)
  getVenue(@Param() params: RouteParams<typeof getVenueRoute>) {
    return this.venues.getVenue(params.id);
  }

  @Route(createVenueRoute)
  createVenue(@Param() params: RouteParams<typeof createVenueRoute>, @Body() body: RouteBody<typeof createVenueRoute>) {
    return this.venues.createVenue(params.id, body);
  }

  @Route(addSpaceRoute)
  addSpace(@Param() params: RouteParams<typeof addSpaceRoute>, @Body() body: RouteBody<typeof addSpaceRoute>) {
    return this.venues.addSpace(params.id, params.venueId, body);
  }

  @Route(availabilityRoute)
  availability(@Param() params: RouteParams<typeof availabilityRoute>, @Query() query: RouteQuery<typeof availabilityRoute>) {
    return this.venues.availability(params.id, query.from, query.to);
  }

  @Route(ownerBookingsRoute)
  ownerBookings(@Param() params: RouteParams<typeof ownerBookingsRoute>, @Query() query: RouteQuery<typeof ownerBookingsRoute>) {
    return this.bookings.listForOwner(params.id, query.status);
  }

  @Route(myBookingsRoute)
  myBookings(@CurrentAuth() auth: AuthContext) {
    return this.bookings.listMine(auth.user.id);
  }

  @Route(requestBookingRoute)
  async requestBooking(@Body() body: RouteBody<typeof requestBookingRoute>, @CurrentAuth() auth: AuthContext) {
    return { booking: await this.bookings.requestBooking({ ...body, requesterId: auth.user.id }) };
  }

  @Route(approveBookingRoute)
  async approve(@Param() params: RouteParams<typeof approveBookingRoute>, @Body() body: RouteBody<typeof approveBookingRoute>, @CurrentAuth() auth: AuthContext) {
    return { booking: await this.bookings.decide(params.id, params.bookingId, 'approved', auth.user.id, body.reason) };
  }

  @Route(denyBookingRoute)
  async deny(@Param() params: RouteParams<typeof denyBookingRoute>, @Body() body: RouteBody<typeof denyBookingRoute>, @CurrentAuth() auth: AuthContext) {
    return { booking: await this.bookings.decide(params.id, params.bookingId, 'denied', auth.user.id, body.reason) };
  }

  @Route(cancelBookingRoute)
  async cancel(@Param() params: RouteParams<typeof cancelBookingRoute>, @CurrentAuth() auth: AuthContext) {
    return { booking: await this.bookings.cancel(params.id, auth.user.id) };
  }
}
