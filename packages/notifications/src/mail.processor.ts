import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { outboxStalledJobOptions, outboxWorkerSettings } from '@talkoot/outbox';
import type { Job } from 'bullmq';
import { MailDeliveryService, type MailDeliveryOutcome } from './mail-delivery.service.js';
import { MAIL_QUEUE } from './mail-send.message.js';

// Each job holds a database connection while it sends (the delivery row stays locked), so the
// concurrency stays well under the ORM pool.
@Processor(MAIL_QUEUE, { concurrency: 4, settings: outboxWorkerSettings, ...outboxStalledJobOptions })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger('MailProcessor');

  constructor(private readonly deliveries: MailDeliveryService) {
    super();
  }

  async process(job: Job): Promise<{ outcome: MailDeliveryOutcome }> {
    // attemptsMade counts the attempts before this one.
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return { outcome: await this.deliveries.deliver(job.data, { isLastAttempt }) };
  }

  // Without a listener an 'error' event (queue store unreachable) would crash the process.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.error(`mail worker: ${error.message}`);
  }
}
