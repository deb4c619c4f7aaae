import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Organisation, User, Village } from '@talkoot/identity';
import type { LocalizedText } from '@talkoot/platform/schemas';
import type { EventRecurrence } from './recurrence.js';
import { type EventCategory, type EventStatus, coOrganiserStatuses, eventCategories, eventStatuses } from './event.schemas.js';
import { announceContentChanges } from '@talkoot/platform';

// What an event is: its words, place, category and audience. When it happens is in its
// occurrences (one for a single event, many for a recurring one), each changeable on its own.
@Entity({ tableName: 'events', triggers: [announceContentChanges('events')] })
@Index({ properties: ['organisation', 'status'] })
// Substring search (ILIKE '%teatteri%' finds "kesäteatteri") served by trigrams.
@Index({
  name: 'events_search_text_trgm',
  expression: 'create index "events_search_text_trgm" on "events" using gin ("search_text" gin_trgm_ops)',
})
export class Event {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @Enum({ items: () => [...eventStatuses], nativeEnumName: 'event_status' })
  status: Opt<EventStatus> = 'draft';

  @Property({ type: 'jsonb' })
  title!: LocalizedText;

  @Property({ type: 'jsonb' })
  description: Opt<LocalizedText> = {};

  @Property({ type: 'boolean' })
  isAllDay: Opt<boolean> = false;

  // A Talkoot venue, linked by id only (domains never import each other's internals).
  @Property({ type: 'uuid', nullable: true })
  venueId: string | null = null;

  // The booking requested for the event's time when the place is a Talkoot venue.
  @Property({ type: 'uuid', nullable: true })
  bookingId: string | null = null;

  @Property({ type: 'text' })
  placeName!: string;

  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @ManyToOne(() => Village, { deleteRule: 'restrict', index: true })
  village!: Village;

  @Enum({ items: () => [...eventCategories], nativeEnumName: 'event_category' })
  category!: EventCategory;

  @Property({ type: 'jsonb' })
  audiences: Opt<string[]> = ['everyone'];

  // Null: free of charge.
  @Property({ type: 'integer', nullable: true })
  priceCents: number | null = null;

  @Property({ type: 'jsonb' })
  accessibility: Opt<string[]> = [];

  @Property({ type: 'boolean' })
  isRideSharingWelcome: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  infoUrl: string | null = null;

  @Property({ type: 'blob', lazy: true, nullable: true })
  image: Buffer | null = null;

  @Property({ type: 'text', nullable: true })
  imageAlt: string | null = null;

  // Null: a single event. Otherwise the rule its occurrences were made from.
  @Property({ type: 'jsonb', nullable: true })
  recurrence: EventRecurrence | null = null;

  // Lower-case words of every title, description and place, for the text search (trigram index).
  @Property({ type: 'text' })
  searchText: Opt<string> = '';

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  createdBy: User | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;
}

// One time an event happens. For an all-day event the times are the local midnights that bound its
// days. `sequence` is the iCalendar SEQUENCE: it grows on every change a subscriber should see.
@Entity({ tableName: 'event_occurrences', triggers: [announceContentChanges('events')] })
@Index({ properties: ['startsAt'] })
export class EventOccurrence {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Event, { deleteRule: 'cascade', index: true })
  event!: Event;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'boolean' })
  isCancelled: Opt<boolean> = false;

  // Words changed for this occurrence only ("this week in the school gym").
  @Property({ type: 'jsonb', nullable: true })
  note: LocalizedText | null = null;

  @Property({ type: 'integer' })
  sequence: Opt<number> = 0;

  @Property({ type: 'datetime' })
  updatedAt: Opt<Date> = new Date();
}

// Another organisation that agreed to organise the event too; shown only once it has accepted.
@Entity({ tableName: 'event_co_organisers', triggers: [announceContentChanges('events')] })
@Unique({ properties: ['event', 'organisation'] })
export class EventCoOrganiser {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Event, { deleteRule: 'cascade' })
  event!: Event;

  @ManyToOne(() => Organisation, { deleteRule: 'cascade', index: true })
  organisation!: Organisation;

  @Enum({ items: () => [...coOrganiserStatuses], nativeEnumName: 'co_organiser_status' })
  status: Opt<(typeof coOrganiserStatuses)[number]> = 'invited';

  @Property({ type: 'datetime' })
  invitedAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;
}
