import { Controller } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Route, type RouteResponse } from '@talkoot/platform';
import { MailDelivery } from './mail-delivery.entity.js';
import { listUndeliveredMailRoute } from './undelivered-mail.routes.js';

@Controller()
export class UndeliveredMailController {
  constructor(private readonly orm: MikroORM) {}

  @Route(listUndeliveredMailRoute)
  async list(): Promise<RouteResponse<typeof listUndeliveredMailRoute>> {
    const failed = await this.orm.em
      .fork()
      .find(MailDelivery, { status: 'failed' }, { orderBy: { createdAt: 'desc', outboxMessageId: 'desc' }, limit: 200 });
    return {
      mails: failed.map((delivery) => ({
        recipient: delivery.recipient,
        template: delivery.template,
        attempts: delivery.attempts,
        error: delivery.lastError,
        createdAt: delivery.createdAt.toISOString(),
      })),
    };
  }
}
