import type { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { mailRequestSchema } from './mail.schemas.js';
import { describeMailError, isPermanentMailError } from './mail-send-error.js';
import { Mailer } from './mailer.js';
import { NOTIFICATIONS_ORM } from './notifications.tokens.js';
import { renderMail } from './templates/render-mail.js';

// The data of a `mail` job: the outbox row's id and its payload.
export const mailJobSchema = mailRequestSchema.extend({
  outboxMessageId: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String),
});
export type MailJobData = z.input<typeof mailJobSchema>;

export type MailDeliveryOutcome = 'sent' | 'already-sent' | 'already-failed';

export function messageIdFor(outboxMessageId: string): string {
  return `<outbox-${outboxMessageId}@talkoot>`;
}

interface DeliveryRow {
  status: 'sending' | 'sent' | 'failed';
  attempts: number;
}

// Sends the mail of one outbox row at most once, however often its job runs.
// The mail_deliveries row (primary key = outbox message id) is created or loaded and locked
// for the whole attempt: a second run of the same job, even concurrent on another worker,
// waits for the first and then sees `sent` (or `failed`) and does nothing.
// The one gap left is a crash between the SMTP server's "250 OK" and our commit; the
// deterministic Message-ID lets mail systems drop that duplicate (at-least-once delivery,
// de-duplicated by Message-ID: ADR 015). Each attempt is counted and committed before the send,
// so a run after such a crash can tell, and says the mail was possibly sent.
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger('MailDelivery');

  constructor(
    @Inject(NOTIFICATIONS_ORM) private readonly orm: MikroORM,
    private readonly mailer: Mailer,
  ) {}

  async deliver(input: unknown, options: { isLastAttempt?: boolean } = {}): Promise<MailDeliveryOutcome> {
    const outboxMessageId = mailJobSchema.shape.outboxMessageId.safeParse(
      (input as { outboxMessageId?: unknown })?.outboxMessageId,
    );
    if (!outboxMessageId.success) throw new UnrecoverableError('mail job without a valid outboxMessageId');
    const id = outboxMessageId.data;
    const job = mailJobSchema.safeParse(input);
    const recipient = typeof (input as { to?: unknown }).to === 'string' ? (input as { to: string }).to : '';
    const template =
      typeof (input as { template?: unknown }).template === 'string' ? (input as { template: string }).template : '';

    await this.recordAttemptStart(id, recipient, template);
    const { outcome, failure } = await this.orm.em
      .fork()
      .transactional(async (em): Promise<{ outcome: MailDeliveryOutcome; failure?: Error }> => {
        const [row] = await em.execute<DeliveryRow[]>(
          'select status, attempts from mail_deliveries where outbox_message_id = ? for update',
          [id],
        );
        if (!row) throw new Error(`mail_deliveries row ${id} vanished`);
        if (row.status !== 'sending') return { outcome: row.status === 'sent' ? 'already-sent' : 'already-failed' };
        const attempts = row.attempts;
        try {
          if (!job.success)
            throw new UnrecoverableError(`invalid mail job: ${job.error.issues.map((issue) => issue.message).join('; ')}`);
          // A domain's mail comes rendered (ADR 012); the rest still render from the templates here.
          const mail = job.data.rendered ?? renderMail(job.data);
          const sent = await this.mailer.send({
            key: `outbox-${id}`,
            messageId: messageIdFor(id),
            to: job.data.to,
            toName: job.data.toName,
            language: job.data.language,
            attachments: job.data.attachments,
            unsubscribe: job.data.unsubscribe,
            ...mail,
          });
          await em.execute(
            `update mail_deliveries set status = 'sent', attempts = ?, sent_at = now(), message_id = ?, last_error = null, attempt_started_at = null
           where outbox_message_id = ?`,
            [attempts, sent.messageId, id],
          );
          return { outcome: 'sent' };
        } catch (error) {
          const isPermanent = error instanceof UnrecoverableError || isPermanentMailError(error);
          const isFinal = isPermanent || options.isLastAttempt === true;
          const description = describeMailError(error);
          // Recorded in this transaction, committed before the job fails.
          await em.execute(
            'update mail_deliveries set status = ?, attempts = ?, last_error = ?, attempt_started_at = null where outbox_message_id = ?',
            [isFinal ? 'failed' : 'sending', attempts, description, id],
          );
          this.logger.warn(
            `mail outbox-${id} attempt ${attempts} ${isFinal ? 'failed for good' : 'will be retried'}: ${description}`,
          );
          const jobError = isPermanent
            ? error instanceof UnrecoverableError
              ? error
              : new UnrecoverableError(description)
            : (error as Error);
          return { outcome: 'sent', failure: jobError };
        }
      });
    if (failure) throw failure;
    if (outcome !== 'sent') this.logger.log(`mail outbox-${id} ${outcome}; not sending again`);
    return outcome;
  }

  // Committed on its own, before the locked send: the attempt count and a note that stays only
  // if the attempt never records an outcome (the worker was killed during the send).
  private async recordAttemptStart(id: string, recipient: string, template: string): Promise<void> {
    const em = this.orm.em.fork();
    await em.execute(
      `insert into mail_deliveries (outbox_message_id, status, recipient, template, attempts, created_at)
       values (?, 'sending', ?, ?, 0, now()) on conflict (outbox_message_id) do nothing`,
      [id, recipient, template],
    );
    const [started] = await em.execute<{ attempts: number; was_interrupted: boolean }[]>(
      `with previous as (select attempt_started_at from mail_deliveries where outbox_message_id = ? for update)
       update mail_deliveries d set attempts = d.attempts + 1, attempt_started_at = now()
       from previous where d.outbox_message_id = ? and d.status = 'sending'
       returning d.attempts, previous.attempt_started_at is not null as was_interrupted`,
      [id, id],
    );
    if (started?.was_interrupted)
      this.logger.warn(
        `mail outbox-${id}: attempt ${started.attempts - 1} stopped without an outcome, so the mail was possibly sent; sending it again with the same Message-ID`,
      );
  }
}
