import type { EntityManager } from '@mikro-orm/postgresql';
import { defineMessage, enqueue, type OutboxMessage } from '@talkoot/outbox';
import { type MailRequest, mailRequestSchema } from './mail.schemas.js';

export const MAIL_QUEUE = 'mail';
// Scheduled upkeep of the mail queue (the redrive), apart from the mails themselves.
export const MAIL_MAINTENANCE_QUEUE = 'mail-maintenance';

// "Send this mail": written by any domain in its own transaction, delivered once by the worker.
export const mailSendMessage = defineMessage({ topic: 'mail.send', queue: MAIL_QUEUE, payload: mailRequestSchema });

export function enqueueMail(em: EntityManager, mail: MailRequest, availableAt?: Date): OutboxMessage {
  return enqueue(em, mailSendMessage, mail, { availableAt });
}
