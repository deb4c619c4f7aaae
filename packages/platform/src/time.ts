import { TZDate } from '@date-fns/tz';

export const HELSINKI = 'Europe/Helsinki';

export function toHelsinki(date: Date | number): TZDate {
  return new TZDate(typeof date === 'number' ? date : date.getTime(), HELSINKI);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
