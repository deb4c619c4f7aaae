import { tzOffset } from '@date-fns/tz';
import { z } from 'zod';

// Pure and browser-safe (zod and @date-fns/tz only): the portal may preview the dates with it.
const HELSINKI = 'Europe/Helsinki';
const DAY_MS = 86_400_000;

/** More occurrences than this are refused; `expandRecurrence` returns one more so the caller can tell. */
export const MAX_EVENT_OCCURRENCES = 200;

export interface EventRecurrence {
  /** 'weekly'; 'monthly-weekday': the same nth weekday as the first ("2nd Tuesday", "last Friday"); 'monthly-date': the same day of the month. */
  frequency: 'weekly' | 'monthly-weekday' | 'monthly-date';
  /** Every N weeks or months, 1..12. */
  interval: number;
  /** ISO weekdays 1 (Monday) .. 7 (Sunday), weekly only; empty: the first occurrence's weekday. */
  weekdays: number[];
  /** 'YYYY-MM-DD', Helsinki day, inclusive. Exactly one of `until` and `count` is set. */
  until: string | null;
  /** Total occurrences, the first included; skipped dates do not count. */
  count: number | null;
  /** 'YYYY-MM-DD' Helsinki days on which the event does not happen. */
  exceptions: string[];
}

export interface RecurrenceOccurrence {
  /** 'YYYY-MM-DD', the Helsinki day the occurrence starts on. */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

const frequencies = ['weekly', 'monthly-weekday', 'monthly-date'] as const;
const isoDay = (what: string) => z.iso.date({ error: `Give ${what} as a date (YYYY-MM-DD)` });

export const eventRecurrenceSchema = z
  .object({
    frequency: z.enum(frequencies, { error: 'Choose how the event repeats: weekly, on a weekday of the month or on a date of the month' }),
    interval: z
      .number({ error: 'How often is a whole number' })
      .int('How often is a whole number')
      .min(1, 'The event repeats at least every week or month')
      .max(12, 'The event repeats at least every 12 weeks or months'),
    weekdays: z
      .array(z.number().int().min(1, 'Weekdays are 1 (Monday) to 7 (Sunday)').max(7, 'Weekdays are 1 (Monday) to 7 (Sunday)'), { error: 'Choose the weekdays' })
      .max(7)
      .default([])
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    until: isoDay('the last date').nullable().default(null),
    count: z
      .number({ error: 'The number of times is a whole number' })
      .int('The number of times is a whole number')
      .min(1, 'The event happens at least once')
      .max(MAX_EVENT_OCCURRENCES, `The event can repeat at most ${MAX_EVENT_OCCURRENCES} times`)
      .nullable()
      .default(null),
    exceptions: z
      .array(isoDay('each skipped date'))
      .max(MAX_EVENT_OCCURRENCES, `At most ${MAX_EVENT_OCCURRENCES} skipped dates`)
      .default([])
      .transform((days) => [...new Set(days)].sort()),
  })
  .superRefine((rule, ctx) => {
    if ((rule.until === null) === (rule.count === null)) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Give either the last date or the number of times, not both' });
    }
    if (rule.frequency !== 'weekly' && rule.weekdays.length) {
      ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'Weekdays are chosen only for a weekly event' });
    }
  });

// Calendar days are counted as UTC dates, which have no clock changes, and only turned into
// instants at the end, in Helsinki (the same approach as the venues' opening hours).
interface LocalDay {
  year: number;
  month: number;
  day: number;
}

function wallClock(instant: Date): Date {
  return new Date(instant.getTime() + tzOffset(HELSINKI, instant) * 60_000);
}

function localDay(instant: Date): LocalDay {
  const wall = wallClock(instant);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function msOfDay(instant: Date): number {
  const wall = wallClock(instant).getTime();
  return ((wall % DAY_MS) + DAY_MS) % DAY_MS;
}

function plusDays(day: LocalDay, days: number): LocalDay {
  const utc = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

function dayNumber(day: LocalDay): number {
  return Date.UTC(day.year, day.month - 1, day.day) / DAY_MS;
}

function isoWeekday(day: LocalDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() || 7;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatIsoDay(day: LocalDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

// A time the clocks skip in spring (03:30 on the last Sunday of March) means the same time after the
// jump (04:30); a time they pass twice in autumn means the second, winter-time one. Worked out from
// offsets only: TZDate's own choice for those times depends on the machine's time zone.
function instantAt(day: LocalDay, ms: number): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day) + ms;
  const before = tzOffset(HELSINKI, new Date(wall - DAY_MS));
  const after = tzOffset(HELSINKI, new Date(wall + DAY_MS));
  const readings = [before, after].map((offset) => wall - offset * 60_000).filter((instant) => tzOffset(HELSINKI, new Date(instant)) * 60_000 === wall - instant);
  return new Date(readings.length ? Math.max(...readings) : wall - before * 60_000);
}

// The month `months` after the first one, as { year, month }.
function monthAfter(first: LocalDay, months: number): { year: number; month: number } {
  const index = first.year * 12 + (first.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

// Candidate days in order, from the first day on; a generator so that the rule decides when to stop.
function* candidateDays(first: LocalDay, rule: EventRecurrence): Generator<LocalDay> {
  // Enough periods for 200 occurrences of any rule within a long lifetime; only a guard.
  const maxPeriods = 2_000;
  if (rule.frequency === 'weekly') {
    const weekdays = rule.weekdays.length ? [...new Set(rule.weekdays)].sort((a, b) => a - b) : [isoWeekday(first)];
    const monday = plusDays(first, 1 - isoWeekday(first));
    for (let period = 0; period < maxPeriods; period += 1) {
      for (const weekday of weekdays) {
        const day = plusDays(monday, period * 7 * rule.interval + weekday - 1);
        if (dayNumber(day) > dayNumber(first)) yield day;
      }
    }
    return;
  }
  const nth = Math.ceil(first.day / 7);
  const weekday = isoWeekday(first);
  for (let period = 1; period < maxPeriods; period += 1) {
    const { year, month } = monthAfter(first, period * rule.interval);
    const length = daysInMonth(year, month);
    if (rule.frequency === 'monthly-date') {
      if (first.day <= length) yield { year, month, day: first.day };
      continue;
    }
    const firstWeekday = isoWeekday({ year, month, day: 1 });
    const firstMatch = 1 + ((weekday - firstWeekday + 7) % 7);
    // The 5th weekday of a month means "the last one": not every month has a 5th.
    const day = nth === 5 ? firstMatch + 7 * Math.floor((length - firstMatch) / 7) : firstMatch + 7 * (nth - 1);
    yield { year, month, day };
  }
}

/**
 * The occurrences of a recurring event, the first one included, in order. Each keeps the first
 * occurrence's Helsinki wall-clock start and end (and its number of days). The first date is always
 * one, even on a weekday outside `weekdays`, unless it is skipped; skipped dates do not count toward
 * `count`. No occurrence at all is possible (only skipped dates before `until`). Stops at `until`, after `count` occurrences, or after
 * MAX_EVENT_OCCURRENCES + 1: a result longer than MAX_EVENT_OCCURRENCES is to be refused.
 */
export function expandRecurrence(first: { startsAt: Date; endsAt: Date }, rule: EventRecurrence): RecurrenceOccurrence[] {
  const firstDay = localDay(first.startsAt);
  const spanDays = dayNumber(localDay(first.endsAt)) - dayNumber(firstDay);
  const startMs = msOfDay(first.startsAt);
  const endMs = msOfDay(first.endsAt);
  const durationMs = first.endsAt.getTime() - first.startsAt.getTime();
  const until = rule.until ?? '9999-12-31';
  const limit = Math.min(rule.count ?? Infinity, MAX_EVENT_OCCURRENCES + 1);
  const exceptions = new Set(rule.exceptions);

  const occurrences: RecurrenceOccurrence[] = [];
  const days = (function* () {
    yield firstDay;
    yield* candidateDays(firstDay, rule);
  })();
  for (const day of days) {
    if (occurrences.length >= limit) break;
    const date = formatIsoDay(day);
    if (date > until) break;
    if (exceptions.has(date)) continue;
    const startsAt = instantAt(day, startMs);
    let endsAt = instantAt(plusDays(day, spanDays), endMs);
    // Only when a clock change swallows the whole event (e.g. 03:00–03:30 on the spring day).
    if (endsAt.getTime() <= startsAt.getTime()) endsAt = new Date(startsAt.getTime() + durationMs);
    occurrences.push({ date, startsAt, endsAt });
  }
  return occurrences;
}
