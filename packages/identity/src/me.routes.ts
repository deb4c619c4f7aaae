// Browser-safe: the profile routes, shared by the api's controller and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { meSchema, profileUpdateSchema, userSchema } from './user.schemas.js';

export const getMeRoute = defineRoute({
  method: 'GET',
  path: '/api/me',
  summary: 'The signed-in user and their organisations',
  tag: 'Profile',
  access: access.signedIn,
  response: meSchema,
});

export const updateMeRoute = defineRoute({
  method: 'PATCH',
  path: '/api/me',
  summary: 'Change name, phone or preferred language',
  tag: 'Profile',
  access: access.signedIn,
  body: profileUpdateSchema,
  response: z.object({ user: userSchema }),
});

export const deleteMeRoute = defineRoute({
  method: 'DELETE',
  path: '/api/me',
  summary: 'Delete my account, its memberships and sessions',
  tag: 'Profile',
  access: access.signedIn,
  status: 204,
  errors: [422],
});
