// Browser-safe: the recurring booking (series) routes, shared by the api's controllers and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { seriesCreateSchema, seriesResultSchema } from './booking-series.schemas.js';
import { bookingDecisionSchema, bookingSchema } from './booking.schemas.js';

const tag = 'Village halls';

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
