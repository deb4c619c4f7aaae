import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation, User } from '@talkoot/identity';
import { Space } from './space.entity.js';
import { type BookingStatus, bookingStatuses } from './venue.schemas.js';

@Entity({ tableName: 'bookings' })
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
  createdAt: Date = new Date();

  // A request nobody handles stops holding the slot at this time (see booking-expiry.service.ts).
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  decidedBy: User | null = null;

  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;
}

// One row per leaf space a booking occupies, over its time plus cleaning buffers. The exclusion
// constraint is the rule "no double booking": two blocking rows of the same leaf never overlap.
// Booking a parent space writes a row for each leaf under it, so the same constraint refuses
// hierarchy conflicts both ways. Half-open ranges let back-to-back bookings meet.
@Entity({ tableName: 'booking_occupancies' })
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
