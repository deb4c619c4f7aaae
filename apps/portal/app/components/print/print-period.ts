import { addDays, daysInMonth, dayText, mondayOf, parseCalendarDay, shiftMonth } from '@talkoot/platform/time';

// The sheet covers a Monday–Sunday week or a calendar month around the chosen day.
export type PrintPeriod = 'week' | 'month';

export function periodRange(period: PrintPeriod, date: string): { from: string; to: string } {
  const { year, month } = parseCalendarDay(date);
  if (period === 'month') return { from: dayText(year, month, 1), to: dayText(year, month, daysInMonth(year, month)) };
  const from = mondayOf(date);
  return { from, to: addDays(from, 6) };
}

export function shiftPeriod(period: PrintPeriod, date: string, by: number): string {
  if (period === 'week') return addDays(date, 7 * by);
  const { year, month } = parseCalendarDay(date);
  const shifted = shiftMonth(year, month, by);
  return dayText(shifted.year, shifted.month, 1);
}
