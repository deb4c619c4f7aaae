// Browser-safe: mail that could not be delivered for good (a 5xx from the receiving server, or
// retries used up), for the platform's administrators: the api's controller and the portal's page.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';

export const undeliveredMailSchema = z.object({
  recipient: z.string(),
  template: z.string(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const listUndeliveredMailRoute = defineRoute({
  method: 'GET',
  path: '/api/admin/undelivered-mail',
  summary: 'Mail that could not be delivered for good, newest first (at most 200)',
  tag: 'Operations',
  access: access.platformAdmin,
  response: z.object({ mails: z.array(undeliveredMailSchema) }),
});
