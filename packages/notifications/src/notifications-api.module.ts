import { type DynamicModule, Module } from '@nestjs/common';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { DevMailboxService } from './dev-mailbox.service.js';
import { NOTIFICATIONS_CONFIG, type NotificationsApiOptions } from './notifications.tokens.js';

// The api side of notifications: the developer mailbox (GET /api/dev/mail, /api/dev/mail/:id).
// Domains never call notifications directly; they write outbox rows with enqueueMail().
//
//   NotificationsApiModule.forRoot({ config })
@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a class by design
export class NotificationsApiModule {
  static forRoot(options: NotificationsApiOptions): DynamicModule {
    return {
      module: NotificationsApiModule,
      controllers: [DevMailboxController],
      providers: [{ provide: NOTIFICATIONS_CONFIG, useValue: options.config }, DevMailboxService],
      exports: [DevMailboxService],
    };
  }
}
