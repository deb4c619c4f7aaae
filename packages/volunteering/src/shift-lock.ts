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

const SHIFT_SQL = `select s.id, s.capacity, s.starts_at, s.ends_at, t.id as task_id, t.event_id, t.organisation_id,
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

export async function takenPlaces(em: EntityManager, shiftId: string): Promise<number[]> {
  const rows = await em.execute<{ place_no: number }[]>(
    `select place_no from volunteer_claims where shift_id = ? and state = 'placed'`,
    [shiftId],
  );
  return rows.map((row) => row.place_no);
}
