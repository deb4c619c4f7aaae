import { tzOffset } from '@date-fns/tz';
import { calendarDateSchema, isRealDate } from '@talkoot/platform/schemas';
import { z } from 'zod';

// Browser-safe like opening-hours.ts: the portal validates series with the same schema.
const HELSINKI = 'Europe/Helsinki';

/** The most occurrences one series may create; callers refuse a longer expansion. */
export const MAX_SERIES_OCCURRENCES = 104;

export interface SeriesRule {
  frequency: 'weekly' | 'biweekly';
  /** ISO weekdays: 1 = Monday .. 7 = Sunday. */
  weekdays: number[];
  /** 'YYYY-MM-DD', Helsinki day, inclusive. */
  until: string;
  /** 'YYYY-MM-DD', Helsinki days. */
  skipDates: string[];
}

// Calendar days are UTC midnights, which have no clock changes; wall-clock times become instants
// in Helsinki only at the end.
const DAY_MS = 86_400_000;

interface WallClock {
  day: number;
  /** Milliseconds since local midnight. */
  ms: number;
}

function wallClock(instant: Date): WallClock {
  const wall = instant.getTime() + tzOffset(HELSINKI, instant) * 60_000;
  const day = Math.floor(wall / DAY_MS);
  // Kept to the millisecond, so that on ordinary days an occurrence is exactly as long as the first.
  return { day, ms: wall - day * DAY_MS };
}

function dayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day!) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isoWeekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay() || 7;
}

// A time the clocks skip in spring means the same time after the jump; a time they pass twice in
// autumn means the second, winter-time one. Worked out from offsets only: TZDate's own choice for
// those times depends on the machine's time zone.
function instantAt(day: number, ms: number): Date {
  const wall = day * DAY_MS + ms;
  const before = tzOffset(HELSINKI, new Date(wall - DAY_MS));
  const after = tzOffset(HELSINKI, new Date(wall + DAY_MS));
  const readings = [before, after].map((offset) => wall - offset * 60_000).filter((instant) => tzOffset(HELSINKI, new Date(instant)) * 60_000 === wall - instant);
  return new Date(readings.length ? Math.max(...readings) : wall - before * 60_000);
}

// Every occurrence keeps the first one's wall-clock times (18:00–21:00 stays 18:00–21:00 over the
// clock changes, so the instants move by an hour), and an end on the next local day stays on the next day.
export function expandSeries(first: { startsAt: Date; endsAt: Date }, rule: SeriesRule): { date: string; startsAt: Date; endsAt: Date }[] {
  const start = wallClock(first.startsAt);
  const end = wallClock(first.endsAt);
  const endDayOffset = end.day - start.day;
  const monday = start.day - (isoWeekday(start.day) - 1);
  const weekdays = new Set(rule.weekdays);
  const skip = new Set(rule.skipDates);
  const weekStep = rule.frequency === 'biweekly' ? 2 : 1;
  const occurrences: { date: string; startsAt: Date; endsAt: Date }[] = [];
  for (let day = start.day; day <= dayOf(rule.until); day++) {
    const week = Math.floor((day - monday) / 7);
    const date = dateOf(day);
    if (week % weekStep !== 0 || !weekdays.has(isoWeekday(day)) || skip.has(date)) continue;
    occurrences.push({ date, startsAt: instantAt(day, start.ms), endsAt: instantAt(day + endDayOffset, end.ms) });
  }
  return occurrences;
}

function helsinkiToday(): string {
  return dateOf(wallClock(new Date()).day);
}

function twoYearsAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  // 29 February moves to 1 March when the later year has no leap day.
  return dateOf(Date.UTC(year! + 2, month! - 1, day!) / DAY_MS);
}

const dateSchema = calendarDateSchema('Give the date as YYYY-MM-DD, for example 2027-05-31');
const weekdayMessage = 'Give each weekday as a number from 1 (Monday) to 7 (Sunday)';

// "Within 2 years" counts from today in Helsinki when the rule is checked.
export const seriesRuleSchema = z.strictObject({
  frequency: z.enum(['weekly', 'biweekly'], 'Choose weekly or every other week'),
  weekdays: z
    .array(z.number().int(weekdayMessage).min(1, weekdayMessage).max(7, weekdayMessage))
    .min(1, 'Choose at least one weekday')
    .refine((weekdays) => new Set(weekdays).size === weekdays.length, 'Choose each weekday at most once'),
  until: dateSchema.refine((until) => !isRealDate(until) || until <= twoYearsAfter(helsinkiToday()), 'A series ends within 2 years from today'),
  skipDates: z.array(dateSchema).max(731, 'Skip at most 731 dates').default([]),
});
