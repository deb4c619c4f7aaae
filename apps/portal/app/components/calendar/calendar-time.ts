import { formatEuros } from '@talkoot/platform/money';
import { addDays, formatClock, helsinkiDayOf, localeTag, weekdayName } from '@talkoot/platform/time';

type Language = 'fi' | 'sv' | 'en';

function utcNoon(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

// "ma 30.11." for short places (month grid at 320 px, date lists).
export function shortDay(date: string, language: Language): string {
  const noon = utcNoon(date);
  const weekday = new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', weekday: 'short' }).format(noon);
  return language === 'en'
    ? `${weekday} ${noon.getUTCDate()} ${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short' }).format(noon)}`
    : `${weekday} ${noon.getUTCDate()}.${noon.getUTCMonth() + 1}.`;
}

export function weekdayNames(language: Language, width: 'long' | 'short'): string[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => weekdayName(weekday, language, width));
}

export type TimeWords = { allDay: string };

// "18.00–20.00", "koko päivä", or over several days "la 5.12. 11.00 – su 6.12. 15.00".
export function timeText(
  occurrence: { startsAt: string; endsAt: string; isAllDay: boolean },
  language: Language,
  allDay: string,
): string {
  const startDay = helsinkiDayOf(occurrence.startsAt);
  // An all-day event ends at the next local midnight: its last day is the day before.
  const endDay = occurrence.isAllDay ? addDays(helsinkiDayOf(occurrence.endsAt), -1) : helsinkiDayOf(occurrence.endsAt);
  if (occurrence.isAllDay)
    return endDay > startDay ? `${allDay}, ${shortDay(startDay, language)}–${shortDay(endDay, language)}` : allDay;
  if (endDay > startDay)
    return `${formatClock(occurrence.startsAt, language)} – ${shortDay(endDay, language)} ${formatClock(occurrence.endsAt, language)}`;
  return `${formatClock(occurrence.startsAt, language)}–${formatClock(occurrence.endsAt, language)}`;
}

export function priceText(priceCents: number | null, language: Language, free: string): string {
  if (priceCents === null || priceCents === 0) return free;
  return formatEuros(priceCents, language, 'brief');
}
