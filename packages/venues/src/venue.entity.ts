import type { Opt } from '@mikro-orm/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation, Village } from '@talkoot/identity';
import type { LocalizedText } from '@talkoot/platform/schemas';
import { announceContentChanges } from '@talkoot/platform';

export function newFeedToken(): string {
  return randomBytes(24).toString('base64url');
}

@Entity({ tableName: 'venues', triggers: [announceContentChanges('venues')] })
export class Venue {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'restrict', index: true })
  organisation!: Organisation;

  @ManyToOne(() => Village, { deleteRule: 'restrict' })
  village!: Village;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'jsonb' })
  description: LocalizedText = {};

  @Property({ type: 'integer' })
  capacity!: number;

  @Property({ type: 'jsonb' })
  facilities: string[] = [];

  @Property({ type: 'jsonb' })
  accessibility: string[] = [];

  // Where the key is and how the door opens: shown to people with a confirmed booking only.
  @Property({ type: 'text', nullable: true })
  keyInstructions: string | null = null;

  @Property({ type: 'text', nullable: true })
  contactName: string | null = null;

  @Property({ type: 'text', nullable: true })
  contactPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  contactEmail: string | null = null;

  // Payments are bank transfers to this account with the booking's reference number.
  @Property({ type: 'text', nullable: true })
  paymentIban: string | null = null;

  // The secret part of the coordinators' detailed calendar feed; a new token revokes the old address.
  @Property({ type: 'text', unique: true })
  feedToken: Opt<string> = newFeedToken();

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}

// Photos are stored resized (never the original upload) and always with a text alternative.
@Entity({ tableName: 'venue_photos', triggers: [announceContentChanges('venues')] })
export class VenuePhoto {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Venue, { deleteRule: 'cascade', index: true })
  venue!: Venue;

  @Property({ type: 'text' })
  altText!: string;

  @Property({ type: 'integer' })
  position: Opt<number> = 0;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  width!: number;

  @Property({ type: 'integer' })
  height!: number;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;

  @Property({ type: 'blob', lazy: true })
  thumbnail!: Buffer;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
