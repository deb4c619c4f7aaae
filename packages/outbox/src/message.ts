import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import { currentRequestId } from '@talkoot/platform';
import { OutboxMessage } from './outbox-message.entity.js';

// A message a domain declares in its own `*.message.ts` file: its topic (the job's name), the
// queue its processor listens on, and the payload's shape. Nothing central lists them.
export interface MessageType<Payload extends z.ZodType = z.ZodType> {
  topic: string;
  queue: string;
  payload: Payload;
}

export function defineMessage<const Payload extends z.ZodType>(declaration: MessageType<Payload>): MessageType<Payload> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(declaration.topic))
    throw new Error(`A message topic is "domain.what-happened", not "${declaration.topic}"`);
  return declaration;
}

export type MessagePayload<T extends MessageType> = z.input<T['payload']>;

// Writes into the caller's unit of work: the row commits (or not) with the domain change. The
// payload is checked against the declaration here, where a wrong one is the caller's bug.
export function enqueue<T extends MessageType>(
  em: EntityManager,
  type: T,
  payload: MessagePayload<T>,
  options: { availableAt?: Date } = {},
): OutboxMessage {
  const checked = type.payload.parse(payload) as Record<string, unknown>;
  const message = em.create(OutboxMessage, {
    topic: type.topic,
    queue: type.queue,
    payload: checked,
    availableAt: options.availableAt ?? new Date(),
    createdAt: new Date(),
    relayAttempts: 0,
    requestId: currentRequestId(),
  });
  em.persist(message);
  return message;
}

// What a processor reads back: the declared payload plus the outbox row's id (for idempotence).
export function readMessage<T extends MessageType>(type: T, data: unknown): z.output<T['payload']> & { outboxMessageId: string } {
  const {
    outboxMessageId,
    requestId: _requestId,
    ...payload
  } = (data ?? {}) as { outboxMessageId?: unknown; requestId?: unknown };
  return Object.assign(type.payload.parse(payload) as object, { outboxMessageId: String(outboxMessageId ?? '') }) as z.output<
    T['payload']
  > & { outboxMessageId: string };
}

// The job id dedupes: relaying the same row twice (a crash after the add, before the commit)
// adds no second job while the first is kept.
export function outboxJobId(outboxMessageId: string): string {
  return `outbox-${outboxMessageId}`;
}

// The rows of one change as one multi-row insert, now, outside the unit of work: the same rows and
// the same payload check as enqueue, without a change set to compute at commit. For writes that
// send plain statements (docs/adr/013-the-write-path.md); the caller's transaction still decides.
export async function enqueueMany<T extends MessageType>(
  em: EntityManager,
  type: T,
  payloads: readonly MessagePayload<T>[],
  options: { availableAt?: Date } = {},
): Promise<void> {
  if (!payloads.length) return;
  const now = new Date();
  const rows = payloads.map((payload) =>
    em.create(
      OutboxMessage,
      {
        topic: type.topic,
        queue: type.queue,
        payload: type.payload.parse(payload) as Record<string, unknown>,
        availableAt: options.availableAt ?? now,
        createdAt: now,
        relayAttempts: 0,
        requestId: currentRequestId(),
      },
      { persist: false },
    ),
  );
  await em.insertMany(rows);
}
