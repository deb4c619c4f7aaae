import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Organisation, type SignedInUser, User } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound } from '@talkoot/platform';
import type { LocalizedText } from '@talkoot/platform/schemas';
import type { ClaimPerson } from './claim.schemas.js';
import { mailVolunteer } from './mail/volunteer-notifications.js';
import { freePlaces } from './claim.rules.js';
import { readShift, takenPlaces } from './shift-lock.js';
import { VolunteerShift, VolunteerTask, VolunteerTemplate } from './task.entity.js';
import {
  builtInTemplateKeys,
  type BuiltInTemplateKey,
  type ShiftInput,
  type TaskInput,
  type TaskView,
  type TemplateTask,
  type TemplateView,
  type TransportTaskInput,
} from './task.schemas.js';
import { builtInTemplates, templateShiftTimes, toTemplateShift } from './templates.js';
import { taskErrors } from './volunteering.errors.js';
import { loadClaimPeople, loadTask, loadTasks } from './views.js';

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

// Volunteer tasks and their shifts, templates, the public lists.
@Injectable()
export class TaskService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Open tasks: per event every organisation's together; without an event, those with a shift still to come.
  async listPublic(query: {
    eventId?: string | undefined;
    organisationId?: string | undefined;
    standing?: 'true' | 'false' | undefined;
  }): Promise<TaskView[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.eventId) {
      conditions.push('t.event_id = ?');
      params.push(query.eventId);
    }
    if (query.organisationId) {
      conditions.push('t.organisation_id = ?');
      params.push(query.organisationId);
    }
    if (query.standing === 'true') conditions.push('t.event_id is null');
    if (query.standing === 'false') conditions.push('t.event_id is not null');
    if (!query.eventId) {
      conditions.push('exists (select 1 from volunteer_shifts s where s.task_id = t.id and s.ends_at > ?)');
      params.push(new Date());
    }
    return loadTasks(this.orm.em.fork(), conditions.join(' and ') || 'true', params, { limit: 300 });
  }

  async get(taskId: string): Promise<TaskView> {
    const task = await loadTask(this.orm.em.fork(), taskId);
    if (!task) throw notFound('The task');
    return task;
  }

  // "Help wanted: 3 places free" per event: shifts still to come.
  async freePlaces(eventIds: string[]): Promise<{ eventId: string; tasks: number; places: number; free: number }[]> {
    const unique = [...new Set(eventIds)];
    const rows = await this.orm.em.fork().execute<{ event_id: string; tasks: string; places: string; taken: string }[]>(
      `select t.event_id, count(distinct t.id) as tasks, coalesce(sum(s.capacity), 0) as places,
              coalesce(sum((select count(*) from volunteer_claims c where c.shift_id = s.id and c.state = 'placed')), 0) as taken
         from volunteer_tasks t join volunteer_shifts s on s.task_id = t.id
        where t.cancelled_at is null and s.starts_at > ? and t.event_id in (${unique.map(() => '?').join(', ')})
        group by t.event_id`,
      [new Date(), ...unique],
    );
    const byEvent = new Map(rows.map((row) => [row.event_id, row]));
    return unique.map((eventId) => {
      const row = byEvent.get(eventId);
      const places = Number(row?.places ?? 0);
      return { eventId, tasks: Number(row?.tasks ?? 0), places, free: Math.max(0, places - Number(row?.taken ?? 0)) };
    });
  }

  async listForOrganisation(organisationId: string, eventId?: string): Promise<TaskView[]> {
    return eventId
      ? loadTasks(this.orm.em.fork(), 't.organisation_id = ? and t.event_id = ?', [organisationId, eventId])
      : loadTasks(this.orm.em.fork(), 't.organisation_id = ?', [organisationId]);
  }

  async detailForOrganisation(organisationId: string, taskId: string): Promise<{ task: TaskView; claims: ClaimPerson[] }> {
    const em = this.orm.em.fork();
    const task = await loadTask(em, taskId);
    if (!task || task.organisation.id !== organisationId) throw notFound('The task');
    return { task, claims: await loadClaimPeople(em, 't.id = ?', [taskId]) };
  }

  async create(organisationId: string, input: TaskInput, user: SignedInUser): Promise<TaskView> {
    return this.orm.em.fork().transactional(async (em) => {
      const task = this.newTask(em, organisationId, input, user.id);
      await em.insert(task);
      await this.insertShifts(em, task.id, input.shifts);
      return (await loadTask(em, task.id))!;
    });
  }

  async createTransport(organisationId: string, input: TransportTaskInput, user: SignedInUser): Promise<TaskView> {
    return this.orm.em.fork().transactional(async (em) => {
      if (input.endsAt.getTime() <= input.startsAt.getTime())
        throw new DomainError(taskErrors.in_past, 'The transport must end after it starts', {
          endsAt: 'Give an end after the start',
        });
      const task = this.newTask(em, organisationId, { ...input, withdrawalCutoffHours: 24, deadline: null, shifts: [] }, user.id);
      task.sourceKind = input.sourceKind;
      task.sourceId = input.sourceId;
      await em.insert(task);
      await this.insertShifts(em, task.id, [{ startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity }]);
      return (await loadTask(em, task.id))!;
    });
  }

  // Shifts with an id change (capacity never below its taken places), without one are added,
  // those left out are removed if nobody holds or waits for a place on them.
  async update(organisationId: string, taskId: string, input: TaskInput): Promise<TaskView> {
    return this.orm.em.fork().transactional(async (em) => {
      const [task] = await em.execute<{ id: string }[]>(
        `select id from volunteer_tasks where id = ? and organisation_id = ? and cancelled_at is null for update`,
        [taskId, organisationId],
      );
      if (!task) throw notFound('The task');
      await em.nativeUpdate(
        VolunteerTask,
        { id: taskId },
        {
          eventId: input.eventId,
          title: input.title,
          description: input.description,
          place: input.place,
          contactName: input.contact.name,
          contactPhone: input.contact.phone,
          contactEmail: input.contact.email,
          requirements: input.requirements,
          withdrawalCutoffHours: input.withdrawalCutoffHours,
          deadline: input.deadline,
        },
      );
      const existing = await em.execute<{ id: string; taken: string; held: string }[]>(
        `select s.id, count(c.id) filter (where c.state = 'placed') as taken, count(c.id) filter (where c.state in ('placed', 'waiting')) as held
           from volunteer_shifts s left join volunteer_claims c on c.shift_id = s.id
          where s.task_id = ? group by s.id`,
        [taskId],
      );
      const byId = new Map(existing.map((row) => [row.id, row]));
      const kept = new Set<string>();
      for (const [index, shift] of input.shifts.entries()) {
        if (!shift.id) continue;
        const row = byId.get(shift.id);
        if (!row)
          throw new DomainError(taskErrors.shift_unknown, 'The shift is not one of this task’s', {
            [`shifts.${index}.id`]: 'Unknown shift',
          });
        await em.execute(`select id from volunteer_shifts where id = ? for update`, [shift.id]);
        const [{ taken }] = (await em.execute<{ taken: string }[]>(
          `select count(*) as taken from volunteer_claims where shift_id = ? and state = 'placed'`,
          [shift.id],
        )) as [{ taken: string }];
        if (shift.capacity < Number(taken))
          throw new DomainError(taskErrors.capacity_below_taken, `${taken} people already hold a place on this shift`, {
            [`shifts.${index}.capacity`]: `At least ${taken}`,
          });
        await em.nativeUpdate(
          VolunteerShift,
          { id: shift.id },
          { startsAt: shift.startsAt, endsAt: shift.endsAt, capacity: shift.capacity },
        );
        // A smaller shift: places numbered above the new capacity move to free numbers within it.
        const held = await takenPlaces(em, shift.id);
        const free = freePlaces(
          held.filter((placeNo) => placeNo <= shift.capacity),
          shift.capacity,
        );
        for (const placeNo of held.filter((n) => n > shift.capacity).sort((a, b) => a - b))
          await em.execute(`update volunteer_claims set place_no = ? where shift_id = ? and state = 'placed' and place_no = ?`, [
            free.shift(),
            shift.id,
            placeNo,
          ]);
        kept.add(shift.id);
      }
      for (const row of existing) {
        if (kept.has(row.id)) continue;
        if (Number(row.held) > 0)
          throw new DomainError(
            taskErrors.shift_has_claims,
            'People hold or wait for places on a shift left out: keep it or free the places first',
            {
              shifts: 'Keep the shifts that have people',
            },
          );
        await em.nativeDelete(VolunteerShift, { id: row.id });
      }
      await this.insertShifts(
        em,
        taskId,
        input.shifts.filter((shift) => !shift.id),
      );
      return (await loadTask(em, taskId))!;
    });
  }

  // Cancelled, not deleted: hours done stay. Everyone with a place or in line and an email hears of it.
  async cancel(organisationId: string, taskId: string): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const now = new Date();
      const changed = await em.nativeUpdate(
        VolunteerTask,
        { id: taskId, organisation: organisationId, cancelledAt: null },
        { cancelledAt: now },
      );
      if (changed === 0) throw notFound('The task');
      const people = await em.execute<
        { id: string; shift_id: string; email: string | null; name: string; language: 'fi' | 'sv' | 'en' }[]
      >(
        `update volunteer_claims c set state = 'withdrawn', place_no = null, ended_at = ?
           from volunteer_shifts s where s.id = c.shift_id and s.task_id = ? and s.starts_at > ? and c.state in ('placed', 'waiting')
         returning c.id, c.shift_id, c.email, c.name, c.language`,
        [now, taskId, now],
      );
      for (const person of people) {
        if (!person.email) continue;
        const shift = await readShift(em, person.shift_id);
        if (shift)
          mailVolunteer(
            em,
            shift,
            'cancelled',
            { email: person.email, name: person.name, language: person.language },
            {
              link: `${this.config.publicOrigin}/volunteering`,
            },
          );
      }
    });
  }

  // ---- templates ----

  async listTemplates(organisationId: string): Promise<TemplateView[]> {
    const own = await this.orm.em
      .fork()
      .find(VolunteerTemplate, { organisation: organisationId }, { orderBy: { createdAt: 'asc' } });
    return [
      ...builtInTemplateKeys.map((key) => ({ key, isBuiltIn: true, ...builtInTemplates[key] })),
      ...own.map((template) => ({
        key: template.id,
        isBuiltIn: false,
        name: template.name,
        tasks: template.tasks as TemplateTask[],
      })),
    ];
  }

  async applyTemplate(
    organisationId: string,
    key: string,
    input: {
      eventId: string;
      eventDate: string;
      place: string;
      contact: { name: string; phone: string | null; email: string | null };
    },
    user: SignedInUser,
  ): Promise<TaskView[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const template = await this.findTemplate(em, organisationId, key);
      const ids: string[] = [];
      for (const templateTask of template.tasks) {
        const task = this.newTask(
          em,
          organisationId,
          {
            eventId: input.eventId,
            title: templateTask.title,
            description: templateTask.description,
            place: input.place,
            contact: input.contact,
            requirements: templateTask.requirements,
            withdrawalCutoffHours: 24,
            deadline: null,
            shifts: [],
          },
          user.id,
        );
        await em.insert(task);
        await this.insertShifts(
          em,
          task.id,
          templateTask.shifts.map((shift) => ({ ...templateShiftTimes(input.eventDate, shift), capacity: shift.capacity })),
        );
        ids.push(task.id);
      }
      return loadTasks(em, `t.id in (${ids.map(() => '?').join(', ')})`, ids);
    });
  }

  async saveTemplate(
    organisationId: string,
    input: { eventId: string; eventDate: string; name: LocalizedText },
  ): Promise<TemplateView> {
    return this.orm.em.fork().transactional(async (em) => {
      const tasks = await loadTasks(em, 't.organisation_id = ? and t.event_id = ?', [organisationId, input.eventId]);
      if (tasks.length === 0)
        throw new DomainError(taskErrors.nothing_to_save, 'The organisation has no tasks for this event', {
          eventId: 'Choose an event with tasks',
        });
      const templateTasks: TemplateTask[] = tasks.map((task) => ({
        title: task.title,
        description: task.description,
        requirements: task.requirements,
        shifts: task.shifts.map((shift) =>
          toTemplateShift(input.eventDate, new Date(shift.startsAt), new Date(shift.endsAt), shift.capacity),
        ),
      }));
      const template = em.create(
        VolunteerTemplate,
        {
          id: randomUUID(),
          organisation: em.getReference(Organisation, organisationId),
          name: input.name,
          tasks: templateTasks,
          createdAt: new Date(),
        },
        { persist: false },
      );
      await em.insert(template);
      return { key: template.id, isBuiltIn: false, name: input.name, tasks: templateTasks };
    });
  }

  async deleteTemplate(organisationId: string, templateId: string): Promise<void> {
    const deleted = await this.orm.em.fork().nativeDelete(VolunteerTemplate, { id: templateId, organisation: organisationId });
    if (deleted === 0) throw notFound('The template');
  }

  private async findTemplate(em: EntityManager, organisationId: string, key: string): Promise<{ tasks: TemplateTask[] }> {
    if ((builtInTemplateKeys as readonly string[]).includes(key)) return builtInTemplates[key as BuiltInTemplateKey];
    const own = isUuid(key) ? await em.findOne(VolunteerTemplate, { id: key, organisation: organisationId }) : null;
    if (!own) throw new DomainError(taskErrors.template_unknown, 'The template was not found');
    return { tasks: own.tasks as TemplateTask[] };
  }

  private newTask(em: EntityManager, organisationId: string, input: TaskInput, userId: string): VolunteerTask {
    return em.create(
      VolunteerTask,
      {
        id: randomUUID(),
        organisation: em.getReference(Organisation, organisationId),
        eventId: input.eventId,
        title: input.title,
        description: input.description,
        place: input.place,
        contactName: input.contact.name,
        contactPhone: input.contact.phone,
        contactEmail: input.contact.email,
        requirements: input.requirements,
        withdrawalCutoffHours: input.withdrawalCutoffHours,
        deadline: input.deadline,
        createdBy: em.getReference(User, userId),
        createdAt: new Date(),
      },
      { persist: false },
    );
  }

  private async insertShifts(
    em: EntityManager,
    taskId: string,
    shifts: readonly Pick<ShiftInput, 'startsAt' | 'endsAt' | 'capacity'>[],
  ): Promise<void> {
    if (shifts.length === 0) return;
    await em.insertMany(
      shifts.map((shift) =>
        em.create(
          VolunteerShift,
          {
            id: randomUUID(),
            task: em.getReference(VolunteerTask, taskId),
            startsAt: shift.startsAt,
            endsAt: shift.endsAt,
            capacity: shift.capacity,
          },
          { persist: false },
        ),
      ),
    );
  }
}
