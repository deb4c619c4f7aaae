import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

// A domain change and the rows describing its effects commit in one transaction; the worker's
// relay moves unrelayed rows to the queue. The partial index keeps the relay's scan small.
@Entity({ tableName: 'outbox_messages' })
@Index({
  name: 'outbox_messages_unrelayed_idx',
  expression: 'create index "outbox_messages_unrelayed_idx" on "outbox_messages" ("id") where "relayed_at" is null',
})
export class OutboxMessage {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  topic!: string;

  // The BullMQ queue the relay adds the job to, fixed by the message's declaration when the row
  // is written: the relay needs no table of topics.
  @Property({ type: 'text' })
  queue!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  // Deliver no earlier than this (reminders); now for most rows.
  @Property({ type: 'datetime' })
  availableAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  relayedAt: Date | null = null;

  @Property({ type: 'integer' })
  relayAttempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  // The api request that wrote the row (its x-request-id): carried into the job and the worker's
  // log lines, so a mail can be traced to the request that caused it. Null for the worker's own.
  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}
