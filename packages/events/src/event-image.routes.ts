// Browser-safe: the event picture routes, shared by the api's controller and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { eventViewSchema } from './event.schemas.js';

const tag = 'Event calendar';
const eventParams = z.object({ id: z.uuid(), eventId: z.uuid() });

// An event's picture: turned by EXIF, stripped of metadata, at most 1200 px wide, WebP; always with
// a text alternative. The raw image is the request body (as for venue photos).
export const uploadEventImageRoute = defineRoute({
  method: 'PUT',
  path: '/api/organisations/:id/events/:eventId/image',
  summary: 'Set the event picture (raw image bytes as the body, altText in the query)',
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: eventParams,
  query: z.object({ altText: z.string().max(1000).optional() }),
  response: z.object({ event: eventViewSchema }),
  status: 200,
  errors: [413, 422],
});

export const deleteEventImageRoute = defineRoute({
  method: 'DELETE',
  path: '/api/organisations/:id/events/:eventId/image',
  summary: 'Remove the event picture',
  tag,
  access: access.organisationRole('id', ['admin', 'coordinator']),
  params: eventParams,
  response: z.object({ event: eventViewSchema }),
});

export const eventImageRoute = defineRoute({
  method: 'GET',
  path: '/api/events/:eventId/image',
  summary: 'The picture of a public event',
  tag,
  access: access.public,
  params: z.object({ eventId: z.uuid() }),
  query: z.object({ v: z.string().max(40).optional() }),
  status: 200,
  errors: [404],
});
