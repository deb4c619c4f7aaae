// Browser-safe: the sign-in routes, shared by the api's controller and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { sessionCreateSchema, sessionSchema, signInRequestAnswerSchema, signInRequestSchema } from './auth.schemas.js';

export const requestSignInRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/sign-in-requests',
  summary: 'Email a sign-in link and code (same answer whether or not the address has an account)',
  tag: 'Sign-in',
  access: access.public,
  body: signInRequestSchema,
  response: signInRequestAnswerSchema,
  status: 202,
  errors: [429],
});

export const createSessionRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/sessions',
  summary: 'Exchange a sign-in link token, or an address and its code, for a session',
  tag: 'Sign-in',
  access: access.public,
  body: sessionCreateSchema,
  response: sessionSchema,
  status: 201,
});

export const endSessionRoute = defineRoute({
  method: 'DELETE',
  path: '/api/auth/sessions/current',
  summary: 'Sign out: end the current session',
  tag: 'Sign-in',
  access: access.signedIn,
  status: 204,
});
