import { dayText, daysInMonth, weekdayIndex } from '../venues/helsinki-time';

// The sheet covers a Monday–Sunday week or a calendar month around the chosen day.
export type PrintPeriod = 'week' | 'month';

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function periodRange(period: PrintPeriod, date: string): { from: string; to: string } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (period === 'month') return { from: dayText(year, month, 1), to: dayText(year, month, daysInMonth(year, month)) };
  const from = addDays(date, -weekdayIndex(year, month, day));
  return { from, to: addDays(from, 6) };
}

export function shiftPeriod(period: PrintPeriod, date: string, by: number): string {
  if (period === 'week') return addDays(date, 7 * by);
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + by;
  return dayText(Math.floor(index / 12), (index % 12) + 1, 1);
}

