// Browser-safe: the waiting list routes, shared by the api's controllers and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { waitlistCreateSchema, waitlistEntrySchema } from './waitlist.schemas.js';

const tag = 'Village halls';

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
