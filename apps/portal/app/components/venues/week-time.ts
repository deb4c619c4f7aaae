import {
  addDays,
  helsinkiParts,
  helsinkiToday,
  helsinkiToInstant,
  isoWeekday,
  isRealDate,
  mondayOf,
} from '@talkoot/platform/time';
import type { BusySlot, ClosedDates, OpeningPeriod } from '../../lib/api-types';

// The Monday of `?week=`, or of `?date=`, or of this week.
export function parseWeek(value: string | null, fallbackDate: string | null, now = new Date()): string {
  if (value && isRealDate(value)) return mondayOf(value);
  if (fallbackDate && isRealDate(fallbackDate)) return mondayOf(fallbackDate);
  return mondayOf(helsinkiToday(now));
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export type CellState = 'free' | 'approved' | 'requested' | 'closed' | 'none';

// The rows of the week: 07–23, widened to the space's opening hours when it has them.
export function weekHours(openingHours: OpeningPeriod[] | null): number[] {
  let first = 7;
  let last = 23;
  if (openingHours && openingHours.length > 0) {
    first = Math.min(...openingHours.map((period) => Math.floor(minutesOf(period.opens) / 60)));
    last = Math.max(...openingHours.map((period) => Math.ceil(minutesOf(period.closes) / 60)));
  }
  return Array.from({ length: Math.max(last - first, 1) }, (_, index) => first + index);
}

export function isClosedDate(date: string, closedDates: ClosedDates[]): ClosedDates | null {
  return closedDates.find((period) => period.from <= date && date <= period.to) ?? null;
}

// One hour of one Helsinki day, decided from instants, so the 23- and 25-hour days of the clock
// changes come out right: an hour the clocks skip has no cell ('none'); busy beats closed.
export function cellState(
  date: string,
  hour: number,
  busy: BusySlot[],
  rules: { openingHours: OpeningPeriod[] | null; closedDates: ClosedDates[] },
): CellState {
  const start = helsinkiToInstant(date, `${String(hour).padStart(2, '0')}:00`)!.time;
  const end =
    hour >= 23
      ? helsinkiToInstant(addDays(date, 1), '00:00')!.time
      : helsinkiToInstant(date, `${String(hour + 1).padStart(2, '0')}:00`)!.time;
  if (end <= start || helsinkiParts(new Date(start)).hour !== hour) return 'none';
  const overlapping = busy.filter((period) => Date.parse(period.startsAt) < end && Date.parse(period.endsAt) > start);
  if (overlapping.some((period) => period.status === 'approved')) return 'approved';
  if (overlapping.length > 0) return 'requested';
  if (isClosedDate(date, rules.closedDates)) return 'closed';
  if (rules.openingHours) {
    const weekday = isoWeekday(date);
    const from = hour * 60;
    const to = from + 60;
    const isOpen = rules.openingHours.some(
      (period) => period.weekday === weekday && minutesOf(period.opens) < to && minutesOf(period.closes) > from,
    );
    if (!isOpen) return 'closed';
  }
  return 'free';
}
