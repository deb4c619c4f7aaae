import { calendarDateSchema, isRealDate } from '@talkoot/platform/schemas';
import {
  addDays,
  daysBetween,
  dayText,
  helsinkiDayOf,
  helsinkiInstantAt,
  helsinkiTimeOfDay,
  helsinkiToday,
  isoWeekday,
  mondayOf,
  parseCalendarDay,
} from '@talkoot/platform/time';
import { z } from 'zod';

// Browser-safe like opening-hours.ts: the portal validates series with the same schema.

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

// Every occurrence keeps the first one's wall-clock times (18:00–21:00 stays 18:00–21:00 over the
// clock changes, so the instants move by an hour), and an end on the next local day stays on the next day.
export function expandSeries(
  first: { startsAt: Date; endsAt: Date },
  rule: SeriesRule,
): { date: string; startsAt: Date; endsAt: Date }[] {
  const firstDay = helsinkiDayOf(first.startsAt);
  // Kept to the millisecond, so that on ordinary days an occurrence is exactly as long as the first.
  const startTime = helsinkiTimeOfDay(first.startsAt);
  const endTime = helsinkiTimeOfDay(first.endsAt);
  const endDayOffset = daysBetween(firstDay, helsinkiDayOf(first.endsAt));
  const monday = mondayOf(firstDay);
  const weekdays = new Set(rule.weekdays);
  const skip = new Set(rule.skipDates);
  const weekStep = rule.frequency === 'biweekly' ? 2 : 1;
  const occurrences: { date: string; startsAt: Date; endsAt: Date }[] = [];
  for (let date = firstDay; date <= rule.until; date = addDays(date, 1)) {
    const week = Math.floor(daysBetween(monday, date) / 7);
    if (week % weekStep !== 0 || !weekdays.has(isoWeekday(date)) || skip.has(date)) continue;
    occurrences.push({
      date,
      startsAt: helsinkiInstantAt(date, startTime),
      endsAt: helsinkiInstantAt(addDays(date, endDayOffset), endTime),
    });
  }
  return occurrences;
}

function twoYearsAfter(date: string): string {
  const { year, month, day } = parseCalendarDay(date);
  // 29 February moves to 1 March when the later year has no leap day.
  return dayText(year + 2, month, day);
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
  until: dateSchema.refine(
    (until) => !isRealDate(until) || until <= twoYearsAfter(helsinkiToday()),
    'A series ends within 2 years from today',
  ),
  skipDates: z.array(dateSchema).max(731, 'Skip at most 731 dates').default([]),
});
