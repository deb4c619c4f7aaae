import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { bookableByOptions } from './venue.schemas.js';
import { Venue } from './venue.entity.js';

// A bookable part of a venue. Spaces form a small tree ("whole hall" contains "main hall" and
// "kitchen"); bookings occupy the leaves under the booked space.
@Entity({ tableName: 'spaces' })
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
}
