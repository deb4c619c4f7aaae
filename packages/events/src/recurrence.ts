import {
  addDays,
  type CalendarDay,
  daysBetween,
  daysInMonth,
  dayText,
  helsinkiDayOf,
  helsinkiInstantAt,
  helsinkiTimeOfDay,
  isoWeekday,
  mondayOf,
  parseCalendarDay,
  shiftMonth,
} from '@talkoot/platform/time';
import { z } from 'zod';

// Pure and browser-safe (zod and platform's time module only): the portal may preview the dates with it.

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
    frequency: z.enum(frequencies, {
      error: 'Choose how the event repeats: weekly, on a weekday of the month or on a date of the month',
    }),
    interval: z
      .number({ error: 'How often is a whole number' })
      .int('How often is a whole number')
      .min(1, 'The event repeats at least every week or month')
      .max(12, 'The event repeats at least every 12 weeks or months'),
    weekdays: z
      .array(z.number().int().min(1, 'Weekdays are 1 (Monday) to 7 (Sunday)').max(7, 'Weekdays are 1 (Monday) to 7 (Sunday)'), {
        error: 'Choose the weekdays',
      })
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

// Candidate days in order, from the first day on; a generator so that the rule decides when to stop.
function* candidateDays(first: CalendarDay, rule: EventRecurrence): Generator<CalendarDay> {
  // Enough periods for 200 occurrences of any rule within a long lifetime; only a guard.
  const maxPeriods = 2_000;
  if (rule.frequency === 'weekly') {
    const weekdays = rule.weekdays.length ? [...new Set(rule.weekdays)].sort((a, b) => a - b) : [isoWeekday(first)];
    const monday = mondayOf(first);
    for (let period = 0; period < maxPeriods; period += 1) {
      for (const weekday of weekdays) {
        const day = addDays(monday, period * 7 * rule.interval + weekday - 1);
        if (day > first) yield day;
      }
    }
    return;
  }
  const { year: firstYear, month: firstMonth, day: firstDate } = parseCalendarDay(first);
  const nth = Math.ceil(firstDate / 7);
  const weekday = isoWeekday(first);
  for (let period = 1; period < maxPeriods; period += 1) {
    const { year, month } = shiftMonth(firstYear, firstMonth, period * rule.interval);
    const length = daysInMonth(year, month);
    if (rule.frequency === 'monthly-date') {
      if (firstDate <= length) yield dayText(year, month, firstDate);
      continue;
    }
    const firstWeekday = isoWeekday(dayText(year, month, 1));
    const firstMatch = 1 + ((weekday - firstWeekday + 7) % 7);
    // The 5th weekday of a month means "the last one": not every month has a 5th.
    const day = nth === 5 ? firstMatch + 7 * Math.floor((length - firstMatch) / 7) : firstMatch + 7 * (nth - 1);
    yield dayText(year, month, day);
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
  const firstDay = helsinkiDayOf(first.startsAt);
  const spanDays = daysBetween(firstDay, helsinkiDayOf(first.endsAt));
  const startTime = helsinkiTimeOfDay(first.startsAt);
  const endTime = helsinkiTimeOfDay(first.endsAt);
  const durationMs = first.endsAt.getTime() - first.startsAt.getTime();
  const until = rule.until ?? '9999-12-31';
  const limit = Math.min(rule.count ?? Infinity, MAX_EVENT_OCCURRENCES + 1);
  const exceptions = new Set(rule.exceptions);

  const occurrences: RecurrenceOccurrence[] = [];
  const days = (function* () {
    yield firstDay;
    yield* candidateDays(firstDay, rule);
  })();
  for (const date of days) {
    if (occurrences.length >= limit) break;
    if (date > until) break;
    if (exceptions.has(date)) continue;
    const startsAt = helsinkiInstantAt(date, startTime);
    let endsAt = helsinkiInstantAt(addDays(date, spanDays), endTime);
    // Only when a clock change swallows the whole event (e.g. 03:00–03:30 on the spring day).
    if (endsAt.getTime() <= startsAt.getTime()) endsAt = new Date(startsAt.getTime() + durationMs);
    occurrences.push({ date, startsAt, endsAt });
  }
  return occurrences;
}
