import type { EntityManager } from '@mikro-orm/postgresql';
import { languageSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { defineMessage, enqueue, enqueueMany } from '../message.js';
import type { OutboxMessage } from '../outbox-message.entity.js';

export const MAIL_QUEUE = 'mail';

// Links in mail are followed by people who trust us: only http(s), never javascript: or data:.
export const mailLinkSchema = z.url({ protocol: /^https?$/ });

// A mail as its domain wrote it, in the recipient's language (ADR 012): the worker sends these
// bytes, so a retry sends what the change promised.
export const renderedMailSchema = z.object({
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(200_000),
  html: z.string().min(1).max(500_000),
});

// The payload of a `mail.send` outbox row: the finished mail its domain rendered (ADR 012).
// `template` only names the mail for delivery records and the developer mailbox; nothing looks it up.
export const mailRequestSchema = z.object({
  to: z.string(),
  toName: z.string().optional(),
  language: languageSchema,
  template: z.string().regex(/^[a-z][a-z0-9.-]{0,59}$/),
  rendered: renderedMailSchema,
  // Small text attachments, such as a booking's .ics.
  attachments: z
    .array(
      z.object({
        filename: z.string().min(1).max(100),
        contentType: z.string().min(1).max(100),
        content: z.string().max(200_000),
      }),
    )
    .max(3)
    .optional(),
  // RFC 8058 one-click unsubscribe for mailing-list-like mail (digests); nothing else is passed on.
  unsubscribe: z.object({ url: mailLinkSchema }).optional(),
});
export type MailRequest = z.infer<typeof mailRequestSchema>;

// "Send this mail": written by any domain in its own transaction, delivered once by the worker
// (packages/notifications handles the topic; no domain imports it).
export const mailSendMessage = defineMessage({ topic: 'mail.send', queue: MAIL_QUEUE, payload: mailRequestSchema });

// A mail without its rendered content is refused here, in the caller's transaction (zod names `rendered`).
export function enqueueMail(em: EntityManager, mail: z.input<typeof mailRequestSchema>, availableAt?: Date): OutboxMessage {
  return enqueue(em, mailSendMessage, mail, { availableAt });
}

// The mails of one change as one insert statement (enqueueMany).
export function enqueueMails(
  em: EntityManager,
  mails: readonly z.input<typeof mailRequestSchema>[],
  availableAt?: Date,
): Promise<void> {
  return enqueueMany(em, mailSendMessage, mails, { availableAt });
}
