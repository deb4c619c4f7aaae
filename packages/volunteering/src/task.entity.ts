import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation, User } from '@talkoot/identity';
import { announceContentChanges } from '@talkoot/platform';
import type { LocalizedText } from '@talkoot/platform/schemas';
import { type RequirementCode, type TaskSourceKind, taskSourceKinds } from './task.schemas.js';

// A piece of volunteer work of one organisation: for an event (the events domain's id, no foreign
// key: domains meet through ids) or standing work with no event. Its shifts hold the places.
@Entity({ tableName: 'volunteer_tasks', triggers: [announceContentChanges('volunteering')] })
@Check({ name: 'volunteer_tasks_cutoff_check', expression: 'withdrawal_cutoff_hours >= 0' })
@Index({ properties: ['eventId'] })
@Index({ properties: ['organisation', 'createdAt'] })
export class VolunteerTask {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'uuid', nullable: true })
  eventId: string | null = null;

  @Property({ type: 'jsonb' })
  title!: LocalizedText;

  @Property({ type: 'jsonb' })
  description: Opt<LocalizedText> = {};

  @Property({ type: 'text' })
  place: Opt<string> = '';

  @Property({ type: 'text' })
  contactName!: string;

  @Property({ type: 'text', nullable: true })
  contactPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'jsonb' })
  requirements: Opt<RequirementCode[]> = [];

  @Property({ type: 'integer' })
  withdrawalCutoffHours: Opt<number> = 24;

  // Standing work: done by this Helsinki day.
  @Property({ type: 'date', nullable: true })
  deadline: string | null = null;

  // A transport task: the loan (lending) or booking (venues) it serves, by id only.
  @Enum({ items: () => [...taskSourceKinds], nativeEnumName: 'volunteer_task_source', nullable: true })
  sourceKind: TaskSourceKind | null = null;

  @Property({ type: 'uuid', nullable: true })
  sourceId: string | null = null;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  createdBy: User | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  // Cancelled tasks are kept for the hours already done on them.
  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;
}

// A time slot of a task with room for `capacity` people (instants in UTC).
@Entity({ tableName: 'volunteer_shifts', triggers: [announceContentChanges('volunteering')] })
@Check({ name: 'volunteer_shifts_ends_after_start_check', expression: 'ends_at > starts_at' })
@Check({ name: 'volunteer_shifts_capacity_check', expression: 'capacity >= 1' })
@Index({ properties: ['task'] })
@Index({ properties: ['startsAt'] })
export class VolunteerShift {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => VolunteerTask, { deleteRule: 'cascade' })
  task!: VolunteerTask;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'integer' })
  capacity!: number;
}

// An organisation's own template, saved from an event's tasks: shift times relative to the event's day.
@Entity({ tableName: 'volunteer_templates' })
@Index({ properties: ['organisation'] })
export class VolunteerTemplate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'jsonb' })
  name!: LocalizedText;

  // TemplateTask[] (task.schemas.ts)
  @Property({ type: 'jsonb' })
  tasks!: unknown[];

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
