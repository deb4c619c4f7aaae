// Browser-safe: the booking routes, shared by the api's controllers and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import {
  assistedBookingCreateSchema,
  bookingCreateSchema,
  bookingDecisionSchema,
  bookingListItemSchema,
  bookingListQuerySchema,
  bookingSchema,
  paymentMarkSchema,
  quoteQuerySchema,
  quoteSchema,
} from './booking.schemas.js';

const tag = 'Village halls';

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
