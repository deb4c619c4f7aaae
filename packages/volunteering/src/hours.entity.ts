import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation, User } from '@talkoot/identity';
import { VolunteerClaim } from './claim.entity.js';
import { type HoursKind, type HoursState, hoursKinds, hoursStates } from './hours.schemas.js';
import { VolunteerTask } from './task.entity.js';

// Hours volunteered: a shift the coordinator marked as attended (approved at once), or standing
// work the volunteer logged (pending until the task's coordinator approves).
@Entity({ tableName: 'volunteer_hours' })
@Check({ name: 'volunteer_hours_positive_check', expression: 'hours > 0 and hours <= 24' })
@Index({ properties: ['organisation', 'workDate'] })
@Index({ properties: ['user'] })
@Index({ properties: ['emailNormalised'] })
export class VolunteerHours {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @ManyToOne(() => VolunteerTask, { deleteRule: 'cascade', index: true })
  task!: VolunteerTask;

  // One entry per attended claim.
  @OneToOne(() => VolunteerClaim, { deleteRule: 'cascade', nullable: true, owner: true, unique: true })
  claim: VolunteerClaim | null = null;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  user: User | null = null;

  @Property({ type: 'text' })
  volunteerName!: string;

  @Property({ type: 'text', nullable: true })
  emailNormalised: string | null = null;

  @Enum({ items: () => [...hoursKinds], nativeEnumName: 'volunteer_hours_kind' })
  kind!: HoursKind;

  @Enum({ items: () => [...hoursStates], nativeEnumName: 'volunteer_hours_state' })
  state!: HoursState;

  @Property({ type: 'decimal', precision: 6, scale: 2, runtimeType: 'number' })
  hours!: number;

  @Property({ type: 'date' })
  workDate!: string;

  @Property({ type: 'text' })
  note: Opt<string> = '';

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  decidedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}

// A person's secret calendar address (only its sha256 is stored); rotating replaces it.
@Entity({ tableName: 'volunteer_feeds' })
export class VolunteerFeed {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => User, { deleteRule: 'cascade', owner: true, unique: true })
  user!: User;

  @Property({ type: 'text', unique: true })
  secretHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
