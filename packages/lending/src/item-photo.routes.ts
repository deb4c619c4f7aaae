// Browser-safe: the photos of a lending item, as venue photos work (photo.routes.ts in venues).
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { itemSchema } from './item.schemas.js';

const tag = 'Lending';
const owners = access.organisationRole('id', ['admin', 'coordinator']);
const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

// The photo travels as the raw request body (image/jpeg, image/png or image/webp, at most 10 MB),
// its text alternative in the query.
export const uploadItemPhotoRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/items/:itemId/photos',
  summary: 'Add a photo of an item (raw image bytes as the body, altText in the query); resized and stripped of metadata',
  tag,
  access: owners,
  params: itemParams,
  query: z.object({ altText: z.string().max(1000).optional() }),
  response: z.object({ item: itemSchema }),
  status: 201,
  errors: [404, 413, 422],
});

export const deleteItemPhotoRoute = defineRoute({
  method: 'DELETE',
  path: '/api/organisations/:id/lending/items/:itemId/photos/:photoId',
  summary: 'Remove a photo of an item',
  tag,
  access: owners,
  params: itemParams.extend({ photoId: z.uuid() }),
  response: z.object({ item: itemSchema }),
  errors: [404],
});

export const itemPhotoFileRoute = defineRoute({
  method: 'GET',
  path: '/api/lending-photos/:photoId',
  summary: 'The image of an item photo (size=thumbnail for the 480 px one)',
  tag,
  access: access.public,
  params: z.object({ photoId: z.uuid() }),
  query: z.object({ size: z.enum(['thumbnail']).optional() }),
  status: 200,
  errors: [404],
});
