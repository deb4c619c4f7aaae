import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { queueNames } from '@talkoot/platform';
import type { ConnectionOptions, Queue } from 'bullmq';
import { MailDeliveryService } from './mail-delivery.service.js';
import { MailProcessor } from './mail.processor.js';
import { MailRedriveService } from './mail-redrive.service.js';
import { Mailer } from './mailer.js';
import {
  NOTIFICATIONS_CONFIG,
  NOTIFICATIONS_ORM,
  NOTIFICATIONS_QUEUE_CONNECTION,
  type NotificationsWorkerOptions,
  OUTBOX_QUEUE_PREFIX,
  OUTBOX_RELAY_SETTINGS,
  relaySettingsFrom,
  withQuickReconnect,
} from './notifications.tokens.js';
import { OutboxRelayService } from './outbox-relay.service.js';

// The worker side of notifications: the outbox relay (started on bootstrap, stopped on
// shutdown), the mail processor and the mailer.
//
//   const connection = configureQueueBackend(config);   // before the Nest context exists
//   NotificationsWorkerModule.forRoot({ config, orm, connection })
//
// The composition root owns the ORM and closes it after the Nest context.
@Module({})
export class NotificationsWorkerModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationsWorker');

  constructor(
    @Inject(Mailer) private readonly mailer: Mailer,
    @InjectQueue(queueNames.mail) private readonly mailQueue: Queue,
  ) {}

  onModuleInit(): void {
    // Without a listener, BullMQ prints every connection error of this queue to stderr.
    this.mailQueue.on('error', (error: Error) => this.logger.warn(`mail queue: ${error.message}`));
  }

  static forRoot(options: NotificationsWorkerOptions): DynamicModule {
    const { config, orm, connection, queuePrefix } = options;
    return {
      module: NotificationsWorkerModule,
      imports: [
        BullModule.forRoot({
          connection: withQuickReconnect(connection) as unknown as ConnectionOptions,
          ...(queuePrefix ? { prefix: queuePrefix } : {}),
        }),
        // registerQueue also brings in @nestjs/bullmq's explorer, which starts the @Processor workers.
        BullModule.registerQueue({ name: queueNames.mail }),
      ],
      providers: [
        { provide: NOTIFICATIONS_CONFIG, useValue: config },
        { provide: NOTIFICATIONS_ORM, useValue: orm },
        { provide: NOTIFICATIONS_QUEUE_CONNECTION, useValue: connection },
        { provide: OUTBOX_QUEUE_PREFIX, useValue: queuePrefix ?? null },
        { provide: OUTBOX_RELAY_SETTINGS, useValue: relaySettingsFrom(config, options.relay) },
        { provide: Mailer, useFactory: () => new Mailer(config, options.mailer) },
        OutboxRelayService,
        MailDeliveryService,
        MailProcessor,
        MailRedriveService,
      ],
      exports: [OutboxRelayService, MailDeliveryService, MailRedriveService, Mailer],
    };
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
