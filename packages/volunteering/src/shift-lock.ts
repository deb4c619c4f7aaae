// The row lock that keeps a shift's places exact (ADR 022): every change to who holds a place on a
// shift takes the shift's row lock first, in the same transaction.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalizedText } from '@talkoot/platform/schemas';
import type { RequirementCode } from './task.schemas.js';

export interface LockedShift {
  id: string;
  capacity: number;
  starts_at: Date;
  ends_at: Date;
  task_id: string;
  event_id: string | null;
  organisation_id: string;
  organisation_name: string;
  title: LocalizedText;
  place: string;
  requirements: RequirementCode[];
  withdrawal_cutoff_hours: number;
  cancelled_at: Date | null;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
}

// The statements are exported so that the benchmark's raw server runs the very same text.
export const SHIFT_SQL = `select s.id, s.capacity, s.starts_at, s.ends_at, t.id as task_id, t.event_id, t.organisation_id,
       o.name as organisation_name, t.title, t.place, t.requirements, t.withdrawal_cutoff_hours, t.cancelled_at,
       t.contact_name, t.contact_phone, t.contact_email
  from volunteer_shifts s join volunteer_tasks t on t.id = s.task_id join organisations o on o.id = t.organisation_id
 where s.id = ?`;

export async function lockShift(em: EntityManager, shiftId: string): Promise<LockedShift | null> {
  const [row] = await em.execute<LockedShift[]>(`${SHIFT_SQL} for update of s`, [shiftId]);
  return row ?? null;
}

export async function readShift(em: EntityManager, shiftId: string): Promise<LockedShift | null> {
  const [row] = await em.execute<LockedShift[]>(SHIFT_SQL, [shiftId]);
  return row ?? null;
}

export const TAKEN_PLACES_SQL = `select place_no from volunteer_claims where shift_id = ? and state = 'placed'`;

// One person holds or waits for one place per shift at most (by account or by address).
export const EXISTING_CLAIM_SQL = `select id from volunteer_claims where shift_id = ? and state in ('placed', 'waiting')
            and (user_id = ? or email_normalised = ?) limit 1`;

export async function takenPlaces(em: EntityManager, shiftId: string): Promise<number[]> {
  const rows = await em.execute<{ place_no: number }[]>(TAKEN_PLACES_SQL, [shiftId]);
  return rows.map((row) => row.place_no);
}
