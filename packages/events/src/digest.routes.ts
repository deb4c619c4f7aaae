// Browser-safe: the event letter (digest) routes, shared by the api's controller and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { digestSubscribeSchema } from './event.schemas.js';

const tag = 'Event calendar';
const tokenSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{40,60}$/, 'The link is not complete: open it from the email again'),
});

export const subscribeDigestRoute = defineRoute({
  method: 'POST',
  path: '/api/digest-subscriptions',
  summary: 'Ask for the weekly or monthly event letter; a confirmation link goes to the address (double opt-in)',
  tag,
  access: access.public,
  body: digestSubscribeSchema,
  response: z.object({ status: z.literal('confirmation-sent') }),
  status: 202,
  errors: [429],
});

export const confirmDigestRoute = defineRoute({
  method: 'POST',
  path: '/api/digest-subscriptions/confirmation',
  summary: 'Confirm the event letter with the token from the confirmation mail',
  tag,
  access: access.public,
  body: tokenSchema,
  response: z.object({ frequency: z.enum(['weekly', 'monthly']) }),
  status: 200,
  errors: [404],
});

export const unsubscribeDigestRoute = defineRoute({
  method: 'POST',
  path: '/api/digest-subscriptions/unsubscription',
  summary: 'Stop the event letter (the link in every letter); no sign-in needed',
  tag,
  access: access.public,
  body: tokenSchema,
  response: z.object({ status: z.literal('unsubscribed') }),
  status: 200,
  errors: [404],
});

// RFC 8058: mail programs POST "List-Unsubscribe=One-Click" to the address in the header.
export const oneClickUnsubscribeRoute = defineRoute({
  method: 'POST',
  path: '/api/digest-subscriptions/one-click-unsubscribe',
  summary: 'One-click unsubscribe (List-Unsubscribe-Post) for mail programs',
  tag,
  access: access.public,
  query: tokenSchema,
  acceptsFormBody: true,
  response: z.object({ status: z.literal('unsubscribed') }),
  status: 200,
  errors: [404],
});

// For trying the product by hand (the "Done when" walk): the scheduled job runs on Monday mornings.
// Only with the developer mailbox and never in production, like the dev mailbox itself.
export const runDigestsNowRoute = defineRoute({
  method: 'POST',
  path: '/api/dev/digests',
  summary: 'Send the weekly or monthly email letters now (developer mailbox only, never in production)',
  tag: 'Developer mailbox',
  access: access.public,
  body: z.strictObject({ frequency: z.enum(['weekly', 'monthly']) }),
  response: z.object({ queued: z.number() }),
  status: 200,
  errors: [404],
});
