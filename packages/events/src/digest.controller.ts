import { Body, Controller, Query } from '@nestjs/common';
import { Route, type RouteBody, type RouteQuery, access, defineRoute } from '@talkoot/platform';
import { z } from 'zod';
import { DigestService } from './digest.service.js';
import { digestSubscribeSchema } from './event.schemas.js';

const tag = 'Event calendar';
const tokenSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{40,60}$/, 'The link is not complete: open it from the email again') });

export const subscribeDigestRoute = defineRoute({
  method: 'POST',
  path: '/api/digest-subscriptions',
  summary: 'Ask for the weekly or monthly event letter; a confirmation link goes to the address (double opt-in)',
  tag,
  access: access.public,
  body: digestSubscribeSchema,
  response: z.object({ status: z.literal('confirmation-sent') }),
  status: 202,
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
  response: z.object({ status: z.literal('unsubscribed') }),
  status: 200,
  errors: [404],
});

@Controller()
export class DigestController {
  constructor(private readonly digests: DigestService) {}

  @Route(subscribeDigestRoute)
  async subscribe(@Body() body: RouteBody<typeof subscribeDigestRoute>) {
    await this.digests.subscribe(body);
    return { status: 'confirmation-sent' as const };
  }

  @Route(confirmDigestRoute)
  confirm(@Body() body: RouteBody<typeof confirmDigestRoute>) {
    return this.digests.confirm(body.token);
  }

  @Route(unsubscribeDigestRoute)
  async unsubscribe(@Body() body: RouteBody<typeof unsubscribeDigestRoute>) {
    await this.digests.unsubscribe(body.token);
    return { status: 'unsubscribed' as const };
  }

  @Route(oneClickUnsubscribeRoute)
  async oneClick(@Query() query: RouteQuery<typeof oneClickUnsubscribeRoute>) {
    await this.digests.unsubscribe(query.token);
    return { status: 'unsubscribed' as const };
  }
}
