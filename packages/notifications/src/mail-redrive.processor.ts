import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { scheduleJob } from '@talkoot/outbox';
import type { Queue } from 'bullmq';
import { MailRedriveService } from './mail-redrive.service.js';
import { MAIL_MAINTENANCE_QUEUE } from './mail-send.message.js';
import { MAIL_REDRIVE_MS } from './notifications.tokens.js';

export const MAIL_REDRIVE_JOB = 'mail.redrive';

// The redrive on a schedule, on a queue of its own so the mail queue holds only mails.
@Processor(MAIL_MAINTENANCE_QUEUE, { concurrency: 1 })
export class MailRedriveProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('MailRedriveProcessor');

  constructor(
    private readonly redrive: MailRedriveService,
    @InjectQueue(MAIL_MAINTENANCE_QUEUE) private readonly queue: Queue,
    @Inject(MAIL_REDRIVE_MS) private readonly redriveMs: number,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleJob(this.queue, { id: MAIL_REDRIVE_JOB }, { everyMs: this.redriveMs }, this.logger);
  }

  async process(): Promise<{ redriven: number }> {
    return { redriven: (await this.redrive.redriveUndecided()).length };
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`mail maintenance worker: ${error.message}`);
  }
}
