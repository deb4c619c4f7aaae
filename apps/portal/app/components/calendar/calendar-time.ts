import { dayText, helsinkiParts, localeTag } from '../venues/helsinki-time';
import { addDays } from '../venues/week-time';

type Language = 'fi' | 'sv' | 'en';
const timeZone = 'Europe/Helsinki';

// The Helsinki calendar day of an instant, 'YYYY-MM-DD'.
export function helsinkiDayOf(iso: string): string {
  const local = helsinkiParts(new Date(iso));
  return dayText(local.year, local.month, local.day);
}

function utcNoon(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

// "maanantai 30.11." / "måndag 30.11." / "Monday 30 November": how people say a day here.
export function dayHeading(date: string, language: Language): string {
  const noon = utcNoon(date);
  if (language === 'en') return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(noon);
  const weekday = new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', weekday: 'long' }).format(noon);
  return `${weekday} ${noon.getUTCDate()}.${noon.getUTCMonth() + 1}.`;
}

// "ma 30.11." for short places (month grid at 320 px, date lists).
export function shortDay(date: string, language: Language): string {
  const noon = utcNoon(date);
  const weekday = new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', weekday: 'short' }).format(noon);
  return language === 'en' ? `${weekday} ${noon.getUTCDate()} ${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short' }).format(noon)}` : `${weekday} ${noon.getUTCDate()}.${noon.getUTCMonth() + 1}.`;
}

export function fullDate(date: string, language: Language): string {
  const noon = utcNoon(date);
  return new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(noon);
}

export function monthName(year: number, month: number, language: Language): string {
  return new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, 15)));
}

export function weekdayNames(language: Language, width: 'long' | 'short'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) => new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', weekday: width }).format(new Date(Date.UTC(2024, 0, 1 + index, 12))));
}

export function clockTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeTag(language), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export type TimeWords = { allDay: string };

// "18.00–20.00", "koko päivä", or over several days "la 5.12. 11.00 – su 6.12. 15.00".
export function timeText(occurrence: { startsAt: string; endsAt: string; isAllDay: boolean }, language: Language, allDay: string): string {
  const startDay = helsinkiDayOf(occurrence.startsAt);
  // An all-day event ends at the next local midnight: its last day is the day before.
  const endDay = occurrence.isAllDay ? addDays(helsinkiDayOf(occurrence.endsAt), -1) : helsinkiDayOf(occurrence.endsAt);
  if (occurrence.isAllDay) return endDay > startDay ? `${allDay}, ${shortDay(startDay, language)}–${shortDay(endDay, language)}` : allDay;
  if (endDay > startDay) return `${clockTime(occurrence.startsAt, language)} – ${shortDay(endDay, language)} ${clockTime(occurrence.endsAt, language)}`;
  return `${clockTime(occurrence.startsAt, language)}–${clockTime(occurrence.endsAt, language)}`;
}

export function priceText(priceCents: number | null, language: Language, free: string): string {
  if (priceCents === null || priceCents === 0) return free;
  return new Intl.NumberFormat(localeTag(language), { style: 'currency', currency: 'EUR', minimumFractionDigits: priceCents % 100 ? 2 : 0 }).format(priceCents / 100);
}

export { addDays };
