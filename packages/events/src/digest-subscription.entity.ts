import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Language } from '@talkoot/platform/schemas';
import { digestFrequencies } from './event.schemas.js';
import type { CalendarFilter } from './calendar-filter.js';

// A resident's email digest, without an account: double opt-in, one-click unsubscribe. The tokens
// are stored hashed; the links carry them.
@Entity({ tableName: 'digest_subscriptions' })
@Index({ properties: ['frequency', 'confirmedAt'] })
export class DigestSubscription {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  email!: string;

  @Enum({ items: () => ['fi', 'sv', 'en'], nativeEnumName: 'language' })
  language: Opt<Language> = 'fi';

  @Property({ type: 'jsonb' })
  filter!: CalendarFilter;

  @Enum({ items: () => [...digestFrequencies], nativeEnumName: 'digest_frequency' })
  frequency!: (typeof digestFrequencies)[number];

  @Property({ type: 'text', unique: true })
  confirmTokenHash!: string;

  @Property({ type: 'text', unique: true })
  unsubscribeTokenHash!: string;

  @Property({ type: 'datetime', nullable: true })
  confirmedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  unsubscribedAt: Date | null = null;

  // The end of the period the last digest covered; the next one starts there.
  @Property({ type: 'datetime', nullable: true })
  lastSentAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
