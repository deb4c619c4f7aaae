// Loading what the answers show: plain statements that read rows, not entities.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Language, LocalizedText } from '@talkoot/platform/schemas';
import type { ClaimPerson, ClaimView } from './claim.schemas.js';
import type { RequirementCode, TaskView } from './task.schemas.js';

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');
const iso = (value: Date | string) => new Date(value).toISOString();

interface TaskRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  event_id: string | null;
  title: LocalizedText;
  description: LocalizedText;
  place: string;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  requirements: RequirementCode[];
  withdrawal_cutoff_hours: number;
  deadline: string | Date | null;
  source_kind: 'loan' | 'booking' | null;
  source_id: string | null;
  created_at: Date;
}

interface ShiftRow {
  id: string;
  task_id: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  taken: string | number;
  waiting: string | number;
}

function dateText(value: string | Date | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  // A `date` column read as a Date is midnight UTC of that day.
  return value.toISOString().slice(0, 10);
}

// Tasks matching a condition on `t` (the tasks table), with their shifts and how many places are taken.
export async function loadTasks(
  em: EntityManager,
  condition: string,
  params: unknown[],
  options: { limit?: number } = {},
): Promise<TaskView[]> {
  const tasks = await em.execute<TaskRow[]>(
    `select t.id, t.organisation_id, o.name as organisation_name, t.event_id, t.title, t.description, t.place, t.contact_name,
            t.contact_phone, t.contact_email, t.requirements, t.withdrawal_cutoff_hours, t.deadline, t.source_kind, t.source_id, t.created_at
       from volunteer_tasks t join organisations o on o.id = t.organisation_id
      where t.cancelled_at is null and (${condition})
      order by (select min(s.starts_at) from volunteer_shifts s where s.task_id = t.id) nulls last, t.created_at, t.id
      limit ${options.limit ?? 500}`,
    params,
  );
  if (tasks.length === 0) return [];
  const shifts = await em.execute<ShiftRow[]>(
    `select s.id, s.task_id, s.starts_at, s.ends_at, s.capacity,
            count(c.id) filter (where c.state = 'placed') as taken,
            count(c.id) filter (where c.state = 'waiting') as waiting
       from volunteer_shifts s left join volunteer_claims c on c.shift_id = s.id
      where s.task_id in (${placeholders(tasks.length)})
      group by s.id order by s.starts_at, s.id`,
    tasks.map((task) => task.id),
  );
  return tasks.map((task) => ({
    id: task.id,
    organisation: { id: task.organisation_id, name: task.organisation_name },
    eventId: task.event_id,
    title: task.title,
    description: task.description,
    place: task.place,
    contact: { name: task.contact_name, phone: task.contact_phone, email: task.contact_email },
    requirements: task.requirements,
    withdrawalCutoffHours: task.withdrawal_cutoff_hours,
    deadline: dateText(task.deadline),
    source: task.source_kind && task.source_id ? { kind: task.source_kind, id: task.source_id } : null,
    shifts: shifts
      .filter((shift) => shift.task_id === task.id)
      .map((shift) => {
        const taken = Number(shift.taken);
        return {
          id: shift.id,
          startsAt: iso(shift.starts_at),
          endsAt: iso(shift.ends_at),
          capacity: shift.capacity,
          taken,
          free: Math.max(0, shift.capacity - taken),
          waiting: Number(shift.waiting),
        };
      }),
    createdAt: iso(task.created_at),
  }));
}

export async function loadTask(em: EntityManager, taskId: string): Promise<TaskView | null> {
  return (await loadTasks(em, 't.id = ?', [taskId]))[0] ?? null;
}

interface ClaimRow {
  id: string;
  shift_id: string;
  state: ClaimView['state'];
  origin: ClaimView['origin'];
  place_no: number | null;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language;
  user_id: string | null;
  confirmed_at: Date | null;
  hold_expires_at: Date | null;
  attendance: ClaimView['attendance'];
  created_at: Date;
  starts_at: Date;
  ends_at: Date;
  task_id: string;
  title: LocalizedText;
  organisation_id: string;
  organisation_name: string;
  waiting_position: string | number | null;
}

export const CLAIM_SELECT = `select c.id, c.shift_id, c.state, c.origin, c.place_no, c.name, c.email, c.phone, c.language, c.user_id,
       c.confirmed_at, c.hold_expires_at, c.attendance, c.created_at, s.starts_at, s.ends_at, t.id as task_id, t.title,
       o.id as organisation_id, o.name as organisation_name,
       case when c.state = 'waiting' then (select count(*) from volunteer_claims w where w.shift_id = c.shift_id
         and w.state = 'waiting' and (w.created_at, w.id) <= (c.created_at, c.id)) end as waiting_position
  from volunteer_claims c join volunteer_shifts s on s.id = c.shift_id join volunteer_tasks t on t.id = s.task_id
  join organisations o on o.id = t.organisation_id`;

export function toClaimPerson(row: ClaimRow): ClaimPerson {
  return {
    id: row.id,
    shiftId: row.shift_id,
    taskId: row.task_id,
    state: row.state,
    origin: row.origin,
    placeNo: row.place_no,
    waitingPosition: row.waiting_position === null ? null : Number(row.waiting_position),
    name: row.name,
    isConfirmed: row.confirmed_at !== null,
    holdExpiresAt: row.hold_expires_at ? iso(row.hold_expires_at) : null,
    attendance: row.attendance,
    task: { id: row.task_id, title: row.title, organisation: { id: row.organisation_id, name: row.organisation_name } },
    shift: { startsAt: iso(row.starts_at), endsAt: iso(row.ends_at) },
    createdAt: iso(row.created_at),
    email: row.email,
    phone: row.phone,
    language: row.language,
    userId: row.user_id,
  };
}

export function toClaimView(person: ClaimPerson): ClaimView {
  const { email: _email, phone: _phone, language: _language, userId: _userId, ...view } = person;
  return view;
}

export async function loadClaimPeople(em: EntityManager, condition: string, params: unknown[]): Promise<ClaimPerson[]> {
  const rows = await em.execute<ClaimRow[]>(
    `${CLAIM_SELECT} where ${condition} order by s.starts_at, s.id, c.state, c.place_no nulls last, c.created_at, c.id limit 1000`,
    params,
  );
  return rows.map(toClaimPerson);
}

export async function loadClaimPerson(em: EntityManager, claimId: string): Promise<ClaimPerson> {
  const [person] = await loadClaimPeople(em, 'c.id = ?', [claimId]);
  if (!person) throw new Error(`claim ${claimId} vanished`);
  return person;
}

export async function loadClaim(em: EntityManager, claimId: string): Promise<ClaimView> {
  return toClaimView(await loadClaimPerson(em, claimId));
}

// The admins and coordinators of an organisation (who hear of late withdrawals and swaps).
export async function coordinatorsOf(
  em: EntityManager,
  organisationId: string,
): Promise<{ name: string; email: string; language: Language }[]> {
  return em.execute(
    `select u.name, u.email, u.language from memberships ms join users u on u.id = ms.user_id
      where ms.organisation_id = ? and ms.role in ('admin', 'coordinator') order by u.email`,
    [organisationId],
  );
}
