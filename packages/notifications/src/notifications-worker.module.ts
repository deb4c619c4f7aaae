import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@talkoot/platform';
import type { Queue } from 'bullmq';
import { recoverDevMailbox } from './dev-mailbox.files.js';
import { MailDeliveryService } from './mail-delivery.service.js';
import { MailProcessor } from './mail.processor.js';
import { MailRedriveService } from './mail-redrive.service.js';
import { MailRedriveProcessor } from './mail-redrive.processor.js';
import { MAIL_MAINTENANCE_QUEUE, MAIL_QUEUE } from './mail-send.message.js';
import { Mailer } from './mailer.js';
import {
  MAIL_REDRIVE_MS,
  NOTIFICATIONS_CONFIG,
  NOTIFICATIONS_ORM,
  type NotificationsWorkerOptions,
} from './notifications.tokens.js';

// The worker side of notifications: the mail queue's processor, delivery, redrive and the mailer.
// Needs the queue root of OutboxWorkerModule (@talkoot/outbox) from the composition root:
//
//   OutboxWorkerModule.forRoot({ config, orm, connection }), NotificationsWorkerModule.forRoot({ config, orm })
//
// The composition root owns the ORM and closes it after the Nest context.
@Module({})
export class NotificationsWorkerModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationsWorker');

  constructor(
    @Inject(Mailer) private readonly mailer: Mailer,
    @InjectQueue(MAIL_QUEUE) private readonly mailQueue: Queue,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.isDevMailbox) {
      const { removed, restored } = await recoverDevMailbox(this.config.mailDir);
      if (removed.length || restored.length)
        this.logger.warn(
          `developer mailbox after an interrupted write: removed ${removed.length} unfinished file(s), completed ${restored.length} message(s)`,
        );
    }
    // Without a listener, BullMQ prints every connection error of this queue to stderr.
    this.mailQueue.on('error', (error: Error) => this.logger.warn(`mail queue: ${error.message}`));
  }

  static forRoot(options: NotificationsWorkerOptions): DynamicModule {
    const { config, orm } = options;
    return {
      module: NotificationsWorkerModule,
      // registerQueue also brings in @nestjs/bullmq's explorer, which starts the @Processor workers.
      imports: [BullModule.registerQueue({ name: MAIL_QUEUE }, { name: MAIL_MAINTENANCE_QUEUE })],
      providers: [
        { provide: NOTIFICATIONS_CONFIG, useValue: config },
        { provide: NOTIFICATIONS_ORM, useValue: orm },
        { provide: MAIL_REDRIVE_MS, useValue: options.redriveMs ?? 5 * 60_000 },
        { provide: Mailer, useFactory: () => new Mailer(config, options.mailer) },
        MailDeliveryService,
        MailProcessor,
        MailRedriveService,
        MailRedriveProcessor,
      ],
      exports: [MailDeliveryService, MailRedriveService, Mailer],
    };
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
