import { MAIL_BACKOFF_TYPE, mailBackoffDelay } from './mail-backoff.js';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { queueNames } from '@talkoot/platform';
import type { Job } from 'bullmq';
import { MailDeliveryService, type MailDeliveryOutcome } from './mail-delivery.service.js';

// Each job holds a database connection while it sends (the delivery row stays locked), so the
// concurrency stays well under the ORM pool.
@Processor(queueNames.mail, {
  concurrency: 4,
  settings: {
    backoffStrategy: (attemptsMade: number, type?: string, _error?: Error, job?: { opts?: { backoff?: number | { delay?: number } } }) => {
      const backoff = job?.opts?.backoff;
      const firstDelay = typeof backoff === 'object' && backoff.delay ? backoff.delay : 5_000;
      return type === MAIL_BACKOFF_TYPE ? mailBackoffDelay(attemptsMade, firstDelay) : firstDelay;
    },
  },
})
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
