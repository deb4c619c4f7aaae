// Browser-safe: the venue photo routes, shared by the api's controllers and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { venueManageSchema } from './venue.schemas.js';

const tag = 'Village halls';

const owners = access.organisationRole('id', ['admin', 'coordinator']);

const venueParams = z.object({ id: z.uuid(), venueId: z.uuid() });

const manageResponse = z.object({ venue: venueManageSchema });

// The photo travels as the raw request body (Content-Type image/jpeg, image/png or image/webp,
// at most 10 MB), its text alternative in the query: a multipart parser is not needed.
export const uploadPhotoRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/venues/:venueId/photos',
  summary: 'Add a photo (raw image bytes as the body, altText in the query); it is resized and stripped of metadata',
  tag,
  access: owners,
  params: venueParams,
  query: z.object({ altText: z.string().max(1000).optional() }),
  response: manageResponse,
  errors: [413, 422],
});

export const updatePhotoRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id/venues/:venueId/photos/:photoId',
  summary: 'Change the text alternative or the place of a photo',
  tag,
  access: owners,
  params: venueParams.extend({ photoId: z.uuid() }),
  body: z
    .strictObject({
      altText: z
        .string()
        .trim()
        .min(3, 'Describe the photo in 3 to 300 characters')
        .max(300, 'Describe the photo in 3 to 300 characters'),
      position: z.number().int().min(0).max(100),
    })
    .partial(),
  response: manageResponse,
  errors: [422],
});

export const deletePhotoRoute = defineRoute({
  method: 'DELETE',
  path: '/api/organisations/:id/venues/:venueId/photos/:photoId',
  summary: 'Remove a photo',
  tag,
  access: owners,
  params: venueParams.extend({ photoId: z.uuid() }),
  response: manageResponse,
});

export const photoFileRoute = defineRoute({
  method: 'GET',
  path: '/api/venue-photos/:photoId',
  summary: 'The image of a venue photo (size=thumbnail for the 480 px one)',
  tag,
  access: access.public,
  params: z.object({ photoId: z.uuid() }),
  query: z.object({ size: z.enum(['thumbnail']).optional() }),
  status: 200,
});
