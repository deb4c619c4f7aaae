// Browser-safe: the venue owners' routes, shared by the api's controllers and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { spaceUpdateSchema } from './space.schemas.js';
import { venueManageSchema, venueUpdateSchema } from './venue.schemas.js';

const tag = 'Village halls';

const owners = access.organisationRole('id', ['admin', 'coordinator']);

const venueParams = z.object({ id: z.uuid(), venueId: z.uuid() });

const manageResponse = z.object({ venue: venueManageSchema });

export const getManagedVenueRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/venues/:venueId',
  summary: "The owners' view of a venue: key instructions and the secret calendar address included",
  tag,
  access: owners,
  params: venueParams,
  response: manageResponse,
});

export const updateVenueRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id/venues/:venueId',
  summary: 'Change the details of a venue (only the given fields change)',
  tag,
  access: owners,
  params: venueParams,
  body: venueUpdateSchema,
  response: manageResponse,
  errors: [422],
});

export const updateSpaceRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id/venues/:venueId/spaces/:spaceId',
  summary: 'Change the rules, opening hours and prices of a space (only the given fields change)',
  tag,
  access: owners,
  params: venueParams.extend({ spaceId: z.uuid() }),
  body: spaceUpdateSchema,
  response: manageResponse,
  errors: [422],
});

export const renewFeedTokenRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/venues/:venueId/feed-token',
  summary: 'Make a new secret calendar address; the old one stops working',
  tag,
  access: owners,
  params: venueParams,
  response: manageResponse,
  status: 200,
});
