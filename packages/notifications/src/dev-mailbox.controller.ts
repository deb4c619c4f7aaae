import { Controller, Param } from '@nestjs/common';
import { access, defineRoute, Route, type RouteParams, type RouteResponse } from '@talkoot/platform';
import { devMailListResponseSchema, devMailParamsSchema, devMailResponseSchema } from './dev-mailbox.schemas.js';
import { DevMailboxService } from './dev-mailbox.service.js';

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

@Controller()
export class DevMailboxController {
  constructor(private readonly mailbox: DevMailboxService) {}

  @Route(listDevMailRoute)
  async listMessages(): Promise<RouteResponse<typeof listDevMailRoute>> {
    return { messages: await this.mailbox.listMessages() };
  }

  @Route(readDevMailRoute)
  async readMessage(@Param() params: RouteParams<typeof readDevMailRoute>): Promise<RouteResponse<typeof readDevMailRoute>> {
    return { message: await this.mailbox.readMessage(params.id) };
  }
}
