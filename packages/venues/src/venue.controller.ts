import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams, type RouteQuery, access, defineRoute } from '@talkoot/platform';
import { z } from 'zod';
import { BookingService } from './booking.service.js';
import {
  availabilityQuerySchema,
  availabilitySchema,
  bookingCreateSchema,
  bookingDecisionSchema,
  bookingListItemSchema,
  bookingListQuerySchema,
  bookingSchema,
  spaceCreateSchema,
  venueCreateSchema,
  venueSchema,
} from './venue.schemas.js';
import { VenueService } from './venue.service.js';

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

@Controller()
export class VenueController {
  constructor(
    private readonly venues: VenueService,
    private readonly bookings: BookingService,
  ) {}

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
