// The task form's posted fields ↔ the api's task input (taskInputSchema). Pure: tested on its own.
import { helsinkiDayOf, helsinkiTimeOfDay, helsinkiToInstant, isClockText, isRealDate } from '@talkoot/platform/time';
import type { RequirementCode, TaskView } from '@talkoot/volunteering/schemas';
import type { FieldErrors } from '../../lib/forms';

export type ShiftRow = { id: string; date: string; start: string; end: string; capacity: string; isNew: boolean };

const clockOf = (iso: string) => {
  const minutes = Math.round(helsinkiTimeOfDay(new Date(iso)) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

// The rows the form shows: each existing shift, then empty rows for new ones (on the event's day).
export function shiftRows(task: Pick<TaskView, 'shifts'> | null, defaultDate: string, emptyRows = 2): ShiftRow[] {
  const rows: ShiftRow[] = (task?.shifts ?? []).map((shift) => ({
    id: shift.id,
    date: helsinkiDayOf(new Date(shift.startsAt)),
    start: clockOf(shift.startsAt),
    end: clockOf(shift.endsAt),
    capacity: String(shift.capacity),
    isNew: false,
  }));
  for (let index = 0; index < emptyRows; index += 1)
    rows.push({ id: '', date: defaultDate, start: '', end: '', capacity: '', isNew: true });
  return rows;
}

export type TaskBody = {
  eventId: string | null;
  title: { fi?: string; sv?: string; en?: string };
  description: { fi?: string; sv?: string; en?: string };
  place: string;
  contact: { name: string; phone: string | null; email: string | null };
  requirements: RequirementCode[];
  withdrawalCutoffHours: number;
  deadline: string | null;
  shifts: { id?: string; startsAt: string; endsAt: string; capacity: number }[];
};

const texts = (values: Record<string, string>, prefix: string) => {
  const out: { fi?: string; sv?: string; en?: string } = {};
  for (const language of ['fi', 'sv', 'en'] as const) {
    const text = (values[`${prefix}${language[0]!.toUpperCase()}${language[1]}`] ?? '').trim();
    if (text) out[language] = text;
  }
  return out;
};

// Reads the posted form: errors per field in plain words (each shift row its own), else the body.
export function readTaskForm(
  values: Record<string, string>,
  requirements: RequirementCode[],
  eventId: string | null,
  rowCount: number,
): { errors: FieldErrors; body: TaskBody | null } {
  const errors: FieldErrors = {};
  const title = texts(values, 'title');
  if (!title.fi && !title.sv && !title.en) errors.titleFi = 'volunteeringAdmin.task.titleRequired';
  const contactName = (values.contactName ?? '').trim();
  if (!contactName) errors.contactName = 'validation.required';
  const cutoff = (values.cutoff ?? '24').trim();
  if (!/^\d{1,3}$/.test(cutoff) || Number(cutoff) > 336) errors.cutoff = 'volunteeringAdmin.task.cutoffInvalid';
  const deadline = (values.deadline ?? '').trim();
  if (deadline && !isRealDate(deadline)) errors.deadline = 'lending.search.dateInvalid';
  const shifts: TaskBody['shifts'] = [];
  for (let row = 0; row < rowCount; row += 1) {
    const id = (values[`shiftId-${row}`] ?? '').trim();
    if (id && values[`remove-${row}`] === 'yes') continue;
    const date = (values[`date-${row}`] ?? '').trim();
    const start = (values[`start-${row}`] ?? '').trim();
    const end = (values[`end-${row}`] ?? '').trim();
    const capacity = (values[`capacity-${row}`] ?? '').trim();
    if (!id && !start && !end && !capacity) continue;
    if (!isRealDate(date)) errors[`date-${row}`] = 'lending.search.dateInvalid';
    if (!isClockText(start)) errors[`start-${row}`] = 'lending.search.timeInvalid';
    if (!isClockText(end)) errors[`end-${row}`] = 'lending.search.timeInvalid';
    if (!/^\d{1,3}$/.test(capacity) || Number(capacity) < 1) errors[`capacity-${row}`] = 'volunteeringAdmin.task.capacityInvalid';
    const startsAt = helsinkiToInstant(date, start);
    const endsAt = helsinkiToInstant(date, end);
    if (!startsAt || !endsAt || errors[`capacity-${row}`]) continue;
    if (endsAt.time <= startsAt.time) {
      errors[`end-${row}`] = 'lending.search.endBeforeStart';
      continue;
    }
    shifts.push({ ...(id ? { id } : {}), startsAt: startsAt.iso, endsAt: endsAt.iso, capacity: Number(capacity) });
  }
  if (shifts.length === 0 && !Object.keys(errors).some((key) => /-\d+$/.test(key)))
    errors['start-0'] = 'volunteeringAdmin.task.shiftRequired';
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      eventId,
      title,
      description: texts(values, 'description'),
      place: (values.place ?? '').trim(),
      contact: {
        name: contactName,
        phone: (values.contactPhone ?? '').trim() || null,
        email: (values.contactEmail ?? '').trim() || null,
      },
      requirements,
      withdrawalCutoffHours: Number(cutoff),
      deadline: eventId ? null : deadline || null,
      shifts,
    },
  };
}
