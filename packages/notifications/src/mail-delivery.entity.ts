import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export const deliveryStatuses = ['sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

// One row per outbox message: the unique key is what makes a mail go out once even when
// its job runs twice.
@Entity({ tableName: 'mail_deliveries' })
export class MailDelivery {
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  outboxMessageId!: string;

  @Enum({ items: () => [...deliveryStatuses], nativeEnumName: 'mail_delivery_status' })
  status: DeliveryStatus = 'sending';

  @Property({ type: 'text' })
  recipient!: string;

  @Property({ type: 'text' })
  template!: string;

  @Property({ type: 'text', nullable: true })
  messageId: string | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  // Set (and committed) when an attempt starts, cleared with its outcome: still set at the next
  // run means the last attempt was interrupted, possibly after the mail went out.
  @Property({ type: 'datetime', nullable: true })
  attemptStartedAt: Date | null = null;
}
