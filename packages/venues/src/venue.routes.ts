// Browser-safe: the venue, space and search routes, shared by the api's controllers and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { availabilityQuerySchema, availabilitySchema, spaceCreateSchema } from './space.schemas.js';
import { venueCreateSchema, venueSchema, venueSearchQuerySchema, venueSearchResultSchema } from './venue.schemas.js';

const tag = 'Village halls';

export const listVenuesRoute = defineRoute({
  method: 'GET',
  path: '/api/venues',
  summary: 'Village halls, huts and lean-tos of the region',
  tag,
  access: access.public,
  response: z.object({ venues: z.array(venueSchema) }),
});

export const getVenueRoute = defineRoute({
  method: 'GET',
  path: '/api/venues/:id',
  summary: 'One venue with its spaces',
  tag,
  access: access.public,
  params: z.object({ id: z.uuid() }),
  response: z.object({ venue: venueSchema }),
});

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

export const venueSearchRoute = defineRoute({
  method: 'GET',
  path: '/api/venue-search',
  summary: 'Free spaces of the region for a date and time, big enough for a group',
  tag,
  access: access.public,
  query: venueSearchQuerySchema,
  response: venueSearchResultSchema,
});
