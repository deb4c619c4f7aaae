import { Controller, Param } from '@nestjs/common';
import { Route, type RouteParams, type RouteResponse } from '@talkoot/platform';
import { listDevMailRoute, readDevMailRoute } from './dev-mailbox.routes.js';
import { DevMailboxService } from './dev-mailbox.service.js';

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
