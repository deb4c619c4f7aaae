import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ClosedDates, OpeningPeriod } from './opening-hours.js';
import { bookableByOptions, priceUnits } from './space.schemas.js';
import { Venue } from './venue.entity.js';
import { announceContentChanges } from '@talkoot/platform';

// A bookable part of a venue. Spaces form a small tree ("whole hall" contains "main hall" and
// "kitchen"); bookings occupy the leaves under the booked space.
@Entity({ tableName: 'spaces', triggers: [announceContentChanges('venues')] })
export class Space {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Venue, { deleteRule: 'cascade', index: true })
  venue!: Venue;

  @ManyToOne(() => Space, { deleteRule: 'restrict', nullable: true })
  parent: Space | null = null;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Property({ type: 'boolean' })
  isApprovalRequired: boolean = true;

  @Enum({ items: () => [...bookableByOptions], nativeEnumName: 'space_bookable_by' })
  bookableBy: (typeof bookableByOptions)[number] = 'region';

  @Property({ type: 'integer' })
  minMinutes: number = 60;

  @Property({ type: 'integer' })
  maxMinutes: number = 24 * 60;

  @Property({ type: 'integer' })
  bufferBeforeMinutes: number = 0;

  @Property({ type: 'integer' })
  bufferAfterMinutes: number = 0;

  // Booking window: at least this many hours' notice, at most this many days ahead.
  @Property({ type: 'integer' })
  minNoticeHours: Opt<number> = 24;

  @Property({ type: 'integer' })
  maxDaysAhead: Opt<number> = 365;

  // Null: no opening hours (bookable round the clock). A weekday without a period is closed.
  @Property({ type: 'jsonb', nullable: true })
  openingHours: OpeningPeriod[] | null = null;

  @Property({ type: 'jsonb' })
  closedDates: Opt<ClosedDates[]> = [];

  @Enum({ items: () => [...priceUnits], nativeEnumName: 'space_price_unit' })
  priceUnit: Opt<(typeof priceUnits)[number]> = 'free';

  // Prices by tier (see pricing.ts), in cents per `priceUnit`.
  @Property({ type: 'integer' })
  priceMembersCents: Opt<number> = 0;

  @Property({ type: 'integer' })
  priceRegionCents: Opt<number> = 0;

  @Property({ type: 'integer' })
  pricePrivateCents: Opt<number> = 0;

  @Property({ type: 'integer' })
  depositCents: Opt<number> = 0;

  @Property({ type: 'integer' })
  freeCancellationHours: Opt<number> = 48;

  @Property({ type: 'integer' })
  cancellationFeePercent: Opt<number> = 0;
}
