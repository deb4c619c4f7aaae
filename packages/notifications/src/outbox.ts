import type { EntityManager } from '@mikro-orm/postgresql';
import type { MailRequest } from './mail.schemas.js';
import { OutboxMessage } from './outbox-message.entity.js';

export const outboxTopics = {
  mailSend: 'mail.send',
  // Calendar feeds are out of date; the worker rebuilds the stale ones (packages/events).
  feedsRebuild: 'feeds.rebuild',
} as const;

// Writes into the caller's unit of work: the row commits (or not) with the domain change.
export function enqueueOutbox(em: EntityManager, topic: string, payload: Record<string, unknown>, availableAt = new Date()): OutboxMessage {
  const message = em.create(OutboxMessage, { topic, payload, availableAt, createdAt: new Date(), relayAttempts: 0 });
  em.persist(message);
  return message;
}

export function enqueueMail(em: EntityManager, mail: MailRequest, availableAt?: Date): OutboxMessage {
  return enqueueOutbox(em, outboxTopics.mailSend, mail, availableAt);
}
