// Calendar days as 'YYYY-MM-DD' text, counted as UTC dates: a UTC date has no clock changes, so
// adding a day is always one day. No time zone is involved here; see helsinki.ts for instants.

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD'; zero-padded, so days sort and compare as text. */
export type CalendarDay = string;

const pad = (value: number) => String(value).padStart(2, '0');

// A calendar day 'YYYY-MM-DD' that exists (no 2027-02-30, no month 13).
export function isRealDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

export function parseCalendarDay(date: CalendarDay): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

// Days since 1970-01-01: the count to subtract when asking how many days lie between two dates.
export function dayNumberOf(date: CalendarDay): number {
  const { year, month, day } = parseCalendarDay(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function calendarDayOf(dayNumber: number): CalendarDay {
  const utc = new Date(dayNumber * DAY_MS);
  return dayText(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

// Month 13 or day 32 roll over into the next month or year, as Date.UTC does: 29 February in a
// year without one is 1 March.
export function dayText(year: number, month: number, day: number): CalendarDay {
  const utc = new Date(Date.UTC(year, month - 1, day));
  const [y, m, d] = [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()];
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

export function monthText(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

export function addDays(date: CalendarDay, days: number): CalendarDay {
  return calendarDayOf(dayNumberOf(date) + days);
}

export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

// ISO weekday: 1 = Monday … 7 = Sunday.
export function isoWeekday(date: CalendarDay): number {
  return new Date(dayNumberOf(date) * DAY_MS).getUTCDay() || 7;
}

// Monday = 0 … Sunday = 6, for a month grid.
export function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

// Weeks start on Monday in Finland (ISO 8601).
export function mondayOf(date: CalendarDay): CalendarDay {
  return addDays(date, 1 - isoWeekday(date));
}

// The ISO week number: the week that holds the year's first Thursday is week 1.
export function isoWeekNumber(date: CalendarDay): number {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const yearStart = dayNumberOf(`${thursday.slice(0, 4)}-01-01`);
  return Math.floor((dayNumberOf(thursday) - yearStart) / 7) + 1;
}
