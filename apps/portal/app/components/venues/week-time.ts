import type { BusySlot, ClosedDates, OpeningPeriod } from '../../lib/api-types';
import { dayText, helsinkiParts, helsinkiToInstant, isDateText } from './helsinki-time';

// Calendar dates as 'YYYY-MM-DD' text: counted as UTC dates, which have no clock changes.
function toUtcDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

function fromUtcDate(date: Date): string {
  return dayText(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(date: string, days: number): string {
  const utc = toUtcDate(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtcDate(utc);
}

// ISO weekday: 1 = Monday … 7 = Sunday.
export function isoWeekday(date: string): number {
  return toUtcDate(date).getUTCDay() || 7;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function helsinkiToday(now = new Date()): string {
  const local = helsinkiParts(now);
  return dayText(local.year, local.month, local.day);
}

// The Monday of `?week=`, or of `?date=`, or of this week.
export function parseWeek(value: string | null, fallbackDate: string | null, now = new Date()): string {
  if (value && isDateText(value)) return mondayOf(value);
  if (fallbackDate && isDateText(fallbackDate)) return mondayOf(fallbackDate);
  return mondayOf(helsinkiToday(now));
}

export function isoWeekNumber(date: string): number {
  const thursday = toUtcDate(addDays(date, 4 - isoWeekday(date)));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
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
  const end = hour >= 23 ? helsinkiToInstant(addDays(date, 1), '00:00')!.time : helsinkiToInstant(date, `${String(hour + 1).padStart(2, '0')}:00`)!.time;
  if (end <= start || helsinkiParts(new Date(start)).hour !== hour) return 'none';
  const overlapping = busy.filter((period) => Date.parse(period.startsAt) < end && Date.parse(period.endsAt) > start);
  if (overlapping.some((period) => period.status === 'approved')) return 'approved';
  if (overlapping.length > 0) return 'requested';
  if (isClosedDate(date, rules.closedDates)) return 'closed';
  if (rules.openingHours) {
    const weekday = isoWeekday(date);
    const from = hour * 60;
    const to = from + 60;
    const isOpen = rules.openingHours.some((period) => period.weekday === weekday && minutesOf(period.opens) < to && minutesOf(period.closes) > from);
    if (!isOpen) return 'closed';
  }
  return 'free';
}
