// Pure rules of claiming: no database, no clock (pass `now`), no Nest.
import { addDays, helsinkiDayOf, helsinkiInstantAt, helsinkiTimeOfDay } from '@talkoot/platform';
import type { RequirementCode } from './task.schemas.js';

const HOUR_MS = 3_600_000;

// An unconfirmed claim by email holds its place this long; then the sweep lets it go.
export const UNCONFIRMED_HOLD_MS = 48 * HOUR_MS;

// The lowest place number 1…capacity that nobody holds, or null when the shift is full.
export function firstFreePlace(taken: readonly number[], capacity: number): number | null {
  const held = new Set(taken);
  for (let place = 1; place <= capacity; place++) if (!held.has(place)) return place;
  return null;
}

// The free place numbers of a shift, for n people at once (the paper sheet's results).
export function freePlaces(taken: readonly number[], capacity: number): number[] {
  const held = new Set(taken);
  const free: number[] = [];
  for (let place = 1; place <= capacity; place++) if (!held.has(place)) free.push(place);
  return free;
}

// The requirements the volunteer has not confirmed.
export function missingRequirements(
  required: readonly RequirementCode[],
  confirmed: readonly RequirementCode[],
): RequirementCode[] {
  return required.filter((code) => !confirmed.includes(code));
}

// Withdrawing this close to the start tells the coordinator at once.
export function isInsideCutoff(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return startsAt.getTime() - now.getTime() < cutoffHours * HOUR_MS;
}

export const reminderKinds = ['threeDays', 'oneDay'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

// A reminder goes the given number of Helsinki calendar days before the shift, at the shift's own
// wall-clock time: 3 days before a 10:00 shift is 10:00 three days earlier, also across a change of
// daylight saving time (so not always 72 hours).
export function reminderInstant(startsAt: Date, daysBefore: number): Date {
  return helsinkiInstantAt(addDays(helsinkiDayOf(startsAt), -daysBefore), helsinkiTimeOfDay(startsAt));
}

// Which reminder is due now for a place on a shift, if any: the three-day one until the one-day
// one is due, then the one-day one until the shift starts. A place claimed after a reminder's
// time gets only the later one.
export function dueReminder(startsAt: Date, claimedAt: Date, now: Date): ReminderKind | null {
  if (now.getTime() >= startsAt.getTime()) return null;
  const oneDay = reminderInstant(startsAt, 1);
  if (now.getTime() >= oneDay.getTime()) return 'oneDay';
  const threeDays = reminderInstant(startsAt, 3);
  if (now.getTime() >= threeDays.getTime() && claimedAt.getTime() <= threeDays.getTime()) return 'threeDays';
  return null;
}

// Hours of a shift, to the quarter hour.
export function shiftHours(startsAt: Date, endsAt: Date): number {
  return Math.round(((endsAt.getTime() - startsAt.getTime()) / HOUR_MS) * 4) / 4;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
