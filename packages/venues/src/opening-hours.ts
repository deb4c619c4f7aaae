import { calendarDateSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { addDays, type CalendarDay, formatShortDate, helsinkiDayOf, helsinkiInstant, isoWeekday } from '@talkoot/platform/time';
import { z } from 'zod';

// Browser-safe: the portal shows opening hours with the same rules (platform's time module is too).

export interface OpeningPeriod {
  /** ISO weekday: 1 = Monday .. 7 = Sunday. */
  weekday: number;
  /** 'HH:MM', Helsinki time. */
  opens: string;
  /** 'HH:MM', Helsinki time; '24:00' is the midnight at the end of the day. */
  closes: string;
}

export interface ClosedDates {
  /** 'YYYY-MM-DD', Helsinki day, inclusive. */
  from: string;
  /** 'YYYY-MM-DD', Helsinki day, inclusive. */
  to: string;
  reason: string;
}

interface Interval {
  startsAt: Date;
  endsAt: Date;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function sortAndMerge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    // Touching intervals merge too: a day open until 24:00 runs straight into a day open from 00:00.
    if (last && interval.startsAt.getTime() <= last.endsAt.getTime()) {
      if (interval.endsAt > last.endsAt) last.endsAt = interval.endsAt;
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

function closedInterval(closed: ClosedDates): Interval {
  return { startsAt: helsinkiInstant(closed.from, '00:00'), endsAt: helsinkiInstant(addDays(closed.to, 1), '00:00') };
}

function weeklyIntervals(from: Date, to: Date, openingHours: OpeningPeriod[] | null): Interval[] {
  if (!openingHours) return [{ startsAt: from, endsAt: to }];
  const intervals: Interval[] = [];
  // A period never crosses midnight, so the local days of `from` and `to` are all that matter.
  const last = helsinkiDayOf(to);
  for (let day = helsinkiDayOf(from); day <= last; day = addDays(day, 1)) {
    const weekday = isoWeekday(day);
    for (const period of openingHours) {
      if (period.weekday === weekday)
        intervals.push({ startsAt: helsinkiInstant(day, period.opens), endsAt: helsinkiInstant(day, period.closes) });
    }
  }
  return intervals;
}

function clip(intervals: Interval[], from: Date, to: Date): Interval[] {
  return intervals
    .map((interval) => ({
      startsAt: interval.startsAt < from ? from : interval.startsAt,
      endsAt: interval.endsAt > to ? to : interval.endsAt,
    }))
    .filter((interval) => interval.startsAt < interval.endsAt);
}

function subtract(intervals: Interval[], closed: Interval[]): Interval[] {
  let remaining = intervals;
  for (const hole of closed) {
    remaining = remaining.flatMap((interval) => {
      if (hole.endsAt <= interval.startsAt || hole.startsAt >= interval.endsAt) return [interval];
      const parts: Interval[] = [];
      if (interval.startsAt < hole.startsAt) parts.push({ startsAt: interval.startsAt, endsAt: hole.startsAt });
      if (hole.endsAt < interval.endsAt) parts.push({ startsAt: hole.endsAt, endsAt: interval.endsAt });
      return parts;
    });
  }
  return remaining;
}

/** The open instants within [from, to), merged and sorted, with the closed dates taken out. */
export function openIntervals(
  from: Date,
  to: Date,
  openingHours: OpeningPeriod[] | null,
  closedDates: ClosedDates[],
): { startsAt: Date; endsAt: Date }[] {
  if (!(from < to)) return [];
  const open = clip(sortAndMerge(weeklyIntervals(from, to, openingHours)), from, to);
  return subtract(open, closedDates.map(closedInterval));
}

function hoursOnDay(day: CalendarDay, openingHours: OpeningPeriod[]): string | undefined {
  const weekday = isoWeekday(day);
  const periods = openingHours
    .filter((period) => period.weekday === weekday)
    .map((period) => ({ opens: minutesOf(period.opens), closes: minutesOf(period.closes), text: [period.opens, period.closes] }))
    .sort((a, b) => a.opens - b.opens);
  const merged: { opens: number; closes: number; text: string[] }[] = [];
  for (const period of periods) {
    const last = merged.at(-1);
    if (last && period.opens <= last.closes) {
      if (period.closes > last.closes) last.text[1] = period.text[1]!;
      last.closes = Math.max(last.closes, period.closes);
    } else {
      merged.push(period);
    }
  }
  return merged.length ? merged.map((period) => period.text.join('–')).join(', ') : undefined;
}

export function openingHoursProblem(
  startsAt: Date,
  endsAt: Date,
  openingHours: OpeningPeriod[] | null,
  closedDates: ClosedDates[],
): string | undefined {
  if (!(startsAt < endsAt)) return 'A booking ends after it starts';
  const closed = [...closedDates]
    .sort((a, b) => a.from.localeCompare(b.from))
    .find((range) => {
      const interval = closedInterval(range);
      return interval.startsAt < endsAt && startsAt < interval.endsAt;
    });
  if (closed) {
    const from = formatShortDate(closed.from, { withYear: true });
    const to = formatShortDate(closed.to, { withYear: true });
    return `The space is closed ${from === to ? from : `${from}–${to}`}: ${closed.reason}`;
  }
  if (!openingHours) return undefined;
  const open = openIntervals(startsAt, endsAt, openingHours, []);
  const first = open[0];
  if (first && first.startsAt.getTime() === startsAt.getTime() && first.endsAt.getTime() === endsAt.getTime()) return undefined;
  // Name the hours of the day where the booking first runs outside them: for a booking that starts
  // on time but runs past closing that is its first day, for one that runs into a closed day the next.
  const outside = first && first.startsAt.getTime() === startsAt.getTime() ? first.endsAt : startsAt;
  const hours = hoursOnDay(helsinkiDayOf(outside), openingHours);
  return hours ? `The space is open on that day ${hours}` : 'The space is closed on that day';
}

const dateSchema = calendarDateSchema('Give the date as YYYY-MM-DD, for example 2026-12-24');

export const openingPeriodSchema = z
  .object({
    weekday: z
      .number()
      .int('Give the weekday as a number from 1 (Monday) to 7 (Sunday)')
      .min(1, 'Give the weekday as a number from 1 (Monday) to 7 (Sunday)')
      .max(7, 'Give the weekday as a number from 1 (Monday) to 7 (Sunday)'),
    opens: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the opening time as HH:MM, from 00:00 to 23:59'),
    closes: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Give the closing time as HH:MM, from 00:01 to 24:00'),
  })
  // Zero-padded HH:MM strings sort like the times they stand for.
  .refine((period) => period.opens < period.closes, {
    message: 'The closing time comes after the opening time',
    path: ['closes'],
    ...whenFieldsValid,
  });

export const closedDatesSchema = z
  .object({
    from: dateSchema,
    to: dateSchema,
    reason: z.string().trim().min(1, 'Give a reason for the closing').max(200, 'The reason is at most 200 characters long'),
  })
  .refine((closed) => closed.from <= closed.to, {
    message: 'The last closed day is on or after the first',
    path: ['to'],
    ...whenFieldsValid,
  });
