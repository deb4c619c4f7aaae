// Browser-safe: the developer mailbox routes, shared by the api's controller and the portal's mail page.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { devMailListResponseSchema, devMailParamsSchema, devMailResponseSchema } from './dev-mailbox.schemas.js';

export const listDevMailRoute = defineRoute({
  method: 'GET',
  path: '/api/dev/mail',
  summary: 'List the mail in the developer mailbox, newest first (only when no SMTP_URL is set, never in production)',
  tag: 'Developer mailbox',
  access: access.public,
  response: devMailListResponseSchema,
  errors: [404],
});

export const readDevMailRoute = defineRoute({
  method: 'GET',
  path: '/api/dev/mail/:id',
  summary: 'Read one mail of the developer mailbox',
  tag: 'Developer mailbox',
  access: access.public,
  params: devMailParamsSchema,
  response: devMailResponseSchema,
  errors: [404],
});
