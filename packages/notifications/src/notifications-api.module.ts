import { type DynamicModule, Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { DevMailboxService } from './dev-mailbox.service.js';
import { NOTIFICATIONS_CONFIG, type NotificationsApiOptions } from './notifications.tokens.js';
import { UndeliveredMailController } from './undelivered-mail.controller.js';

// The api side of notifications: the developer mailbox (GET /api/dev/mail, /api/dev/mail/:id) and
// the list of mail that could not be delivered (GET /api/admin/undelivered-mail).
// Domains never call notifications directly; they write outbox rows with enqueueMail().
//
//   NotificationsApiModule.forRoot({ config })
@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a class by design
export class NotificationsApiModule {
  static forRoot(options: NotificationsApiOptions): DynamicModule {
    return {
      module: NotificationsApiModule,
      controllers: [DevMailboxController, UndeliveredMailController],
      providers: [{ provide: NOTIFICATIONS_CONFIG, useValue: options.config }, DevMailboxService],
      exports: [DevMailboxService],
    };
  }
}
