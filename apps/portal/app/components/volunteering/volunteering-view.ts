// Pure view mapping for the volunteering pages: the api's tasks and shifts (of
// @talkoot/volunteering/schemas) as the plain facts a page shows. No api calls here.
import type { RequirementCode, ShiftView, TaskView } from '@talkoot/volunteering/schemas';
import type { Language, MessageKey } from '../../lib/i18n';

export const requirementKeys: Record<RequirementCode, MessageKey> = {
  hygienePassport: 'volunteering.requirement.hygienePassport',
  drivingLicence: 'volunteering.requirement.drivingLicence',
  adult: 'volunteering.requirement.adult',
};

// How a requirement is named in facts ("hygiene certificate"); requirementKeys say it as the
// volunteer's own confirmation ("I have a food hygiene certificate").
export const requirementNameKeys: Record<RequirementCode, MessageKey> = {
  hygienePassport: 'volunteering.requirementName.hygienePassport',
  drivingLicence: 'volunteering.requirementName.drivingLicence',
  adult: 'volunteering.requirementName.adult',
};

export type LocalText = Partial<Record<Language, string | undefined>>;

// The reader's language first, then Finnish, Swedish, English: a title given in one language only
// still shows.
export function localText(text: LocalText, language: Language): string {
  return text[language] || text.fi || text.sv || text.en || '';
}

export type ShiftLine = {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  taken: number;
  free: number;
  waiting: number;
  // What the shift's button offers: a place, a place on the waiting list, or nothing (over).
  offer: 'claim' | 'wait' | 'over';
};

export type TaskCard = {
  id: string;
  organisation: { id: string; name: string };
  title: string;
  description: string;
  place: string;
  contact: { name: string; phone: string | null; email: string | null };
  requirements: RequirementCode[];
  shifts: ShiftLine[];
  free: number;
};

export function toShiftLine(shift: ShiftView, now: number): ShiftLine {
  const offer = Date.parse(shift.endsAt) < now ? 'over' : shift.free > 0 ? 'claim' : 'wait';
  return { ...shift, offer };
}

// Each task as a card, its shifts in time order; the list in the time of its first shift, so the
// morning's set-up comes before the evening's clearing whoever organises it.
export function toTaskCards(tasks: TaskView[], language: Language, now: number): TaskCard[] {
  const cards = tasks.map((task) => {
    const shifts = task.shifts.map((shift) => toShiftLine(shift, now)).toSorted((a, b) => a.startsAt.localeCompare(b.startsAt));
    return {
      id: task.id,
      organisation: task.organisation,
      title: localText(task.title, language),
      description: localText(task.description, language),
      place: task.place,
      contact: task.contact,
      requirements: task.requirements,
      shifts,
      free: shifts.filter((shift) => shift.offer !== 'over').reduce((sum, shift) => sum + shift.free, 0),
    };
  });
  return cards.toSorted(
    (a, b) => (a.shifts[0]?.startsAt ?? '').localeCompare(b.shifts[0]?.startsAt ?? '') || a.title.localeCompare(b.title),
  );
}

// The paper sheet's result form: one line per place, read back from the posted fields
// (`shift-<n>`, `name-<n>`, `phone-<n>`, `email-<n>`). Empty lines are skipped; a line with a
// phone or email but no name is an error of that line.
export type SheetEntry = { line: number; shiftId: string; name: string; phone: string | null; email: string | null };

export function readSheetLines(
  values: Record<string, string>,
  lines: number,
): {
  entries: SheetEntry[];
  errors: Record<string, MessageKey>;
} {
  const entries: SheetEntry[] = [];
  const errors: Record<string, MessageKey> = {};
  for (let line = 0; line < lines; line += 1) {
    const shiftId = (values[`shift-${line}`] ?? '').trim();
    const name = (values[`name-${line}`] ?? '').trim();
    const phone = (values[`phone-${line}`] ?? '').trim();
    const email = (values[`email-${line}`] ?? '').trim();
    if (!name && !phone && !email) continue;
    if (!name) {
      errors[`name-${line}`] = 'volunteering.results.nameMissing';
      continue;
    }
    entries.push({ line, shiftId, name, phone: phone || null, email: email || null });
  }
  return { entries, errors };
}

// The api names a refused line by its place in the posted entries (`entries.3.phone`); the form
// names it by its own line (`phone-7`). A refused shift is said at the line's name.
export function entryErrorsToLines(errors: Record<string, MessageKey | undefined>, lines: number[]): Record<string, MessageKey> {
  const out: Record<string, MessageKey> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (!message) continue;
    const match = /^entries\.(\d+)\.(\w+)$/.exec(key);
    const line = match ? lines[Number(match[1])] : undefined;
    if (!match || line === undefined) {
      out.form ??= message;
      continue;
    }
    const field = match[2] === 'phone' || match[2] === 'email' ? match[2] : 'name';
    out[`${field}-${line}`] ??= message;
  }
  return out;
}
