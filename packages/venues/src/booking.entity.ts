import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation, User } from '@talkoot/identity';
import { Space } from './space.entity.js';
import type { SeriesRule } from './recurrence.js';
import { type BookingStatus, bookingStatuses, priceTiers } from './booking.schemas.js';
import { type WaitlistStatus, waitlistStatuses } from './waitlist.schemas.js';
import { announceContentChanges } from '@talkoot/platform';

// A recurring booking ("every Tuesday 18–20 until May"): its occurrences are ordinary bookings.
@Entity({ tableName: 'booking_series' })
export class BookingSeries {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Space, { deleteRule: 'restrict', index: true })
  space!: Space;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  requester: User | null = null;

  @ManyToOne(() => Organisation, { deleteRule: 'set null', nullable: true })
  organisation: Organisation | null = null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'jsonb' })
  rule!: SeriesRule;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}

@Entity({ tableName: 'bookings', triggers: [announceContentChanges('venues')] })
@Check({ name: 'bookings_ends_after_start_check', expression: 'ends_at > starts_at' })
export class Booking {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Space, { deleteRule: 'restrict', index: true })
  space!: Space;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  requester: User | null = null;

  // The organisation the booking is made for, when it is not a private person's.
  @ManyToOne(() => Organisation, { deleteRule: 'set null', nullable: true })
  organisation: Organisation | null = null;

  @Property({ type: 'text' })
  title!: string;

  @Enum({ items: () => [...bookingStatuses], nativeEnumName: 'booking_status' })
  status!: BookingStatus;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  // A request nobody handles stops holding the slot at this time (see booking-expiry.service.ts).
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  decidedBy: User | null = null;

  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;

  @ManyToOne(() => BookingSeries, { deleteRule: 'set null', nullable: true, index: true })
  series: BookingSeries | null = null;

  // Assisted booking: a coordinator books for a resident without an account, with their consent.
  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  bookedBy: User | null = null;

  @Property({ type: 'text', nullable: true })
  guestName: string | null = null;

  @Property({ type: 'text', nullable: true })
  guestPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  guestEmail: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  guestConsentAt: Date | null = null;

  // An open public event asks to use the space free of charge; the owner always decides.
  @Property({ type: 'boolean' })
  isFreeEvent: Opt<boolean> = false;

  @Enum({ items: () => [...priceTiers], nativeEnumName: 'booking_price_tier', nullable: true })
  priceTier: (typeof priceTiers)[number] | null = null;

  // The price is fixed when the booking is made, so later price changes don't alter it.
  @Property({ type: 'integer' })
  priceCents: Opt<number> = 0;

  @Property({ type: 'integer' })
  depositCents: Opt<number> = 0;

  // Finnish bank reference number (viitenumero) for the bank transfer; a series shares one.
  @Property({ type: 'text', nullable: true, index: true })
  referenceNumber: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'integer' })
  cancellationFeeCents: Opt<number> = 0;

  @Property({ type: 'datetime', nullable: true })
  reminderSentAt: Date | null = null;
}

// Someone queueing for a taken slot. When the slot frees up, the first in line gets an `offered`
// booking that holds it for 48 hours (see waitlist.service.ts), then the next one.
@Entity({ tableName: 'waitlist_entries' })
@Index({ properties: ['space', 'status', 'createdAt'] })
export class WaitlistEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Space, { deleteRule: 'cascade' })
  space!: Space;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @ManyToOne(() => Organisation, { deleteRule: 'set null', nullable: true })
  organisation: Organisation | null = null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Enum({ items: () => [...waitlistStatuses], nativeEnumName: 'waitlist_status' })
  status: Opt<WaitlistStatus> = 'waiting';

  @ManyToOne(() => Booking, { deleteRule: 'set null', nullable: true })
  offer: Booking | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}

// One row per leaf space a booking occupies, over its time plus cleaning buffers. The exclusion
// constraint is the rule "no double booking": two blocking rows of the same leaf never overlap.
// Booking a parent space writes a row for each leaf under it, so the same constraint refuses
// hierarchy conflicts both ways. Half-open ranges let back-to-back bookings meet.
@Entity({ tableName: 'booking_occupancies', triggers: [announceContentChanges('venues')] })
@Check({
  name: 'booking_occupancies_no_overlap',
  expression: "exclude using gist (leaf_space_id with =, tstzrange(starts_at, ends_at, '[)') with &&) where (is_blocking)",
})
@Index({ properties: ['booking'] })
export class BookingOccupancy {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Booking, { deleteRule: 'cascade' })
  booking!: Booking;

  @ManyToOne(() => Space, { deleteRule: 'restrict' })
  leafSpace!: Space;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'boolean' })
  isBlocking: boolean = true;
}
