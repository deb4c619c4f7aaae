import type { Language } from '../schemas.js';
import { type CalendarDay, parseCalendarDay } from './calendar-day.js';
import { HELSINKI, type Instant } from './helsinki.js';

// Dates as people in Finland write them: Finnish, Finland-Swedish, and British English (day
// before month, 24-hour clock).
const dateLocales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function localeTag(language: Language): string {
  return dateLocales[language];
}

const toDate = (instant: Instant) => new Date(instant instanceof Date ? instant.getTime() : instant);

// Calendar days are formatted at noon UTC, which is the same day in every zone near Finland.
const noonOf = (date: CalendarDay) => {
  const { year, month, day } = parseCalendarDay(date);
  return new Date(Date.UTC(year, month - 1, day, 12));
};

// Formatters cost tens of microseconds to make; a calendar page formats hundreds of times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(localeTag(language), options);
    formatters.set(key, cached);
  }
  return cached;
}

// "18.00" in Finnish and Swedish, "18:00" in English, Helsinki time.
export function formatClock(instant: Instant, language: Language): string {
  return formatter(language, { timeZone: HELSINKI, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    toDate(instant),
  );
}

// "ti 15.12.2026" / "tis 15.12.2026" / "Tue, 15/12/2026": the Helsinki day of an instant.
export function formatDay(instant: Instant, language: Language): string {
  return formatter(language, { timeZone: HELSINKI, weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric' }).format(
    toDate(instant),
  );
}

// "15.12.2026" in Finnish and Swedish, "15/12/2026" in English.
export function formatDate(date: CalendarDay, language: Language): string {
  return formatter(language, { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(noonOf(date));
}

// "30.11." or "30.11.2026", the Finnish and Finland-Swedish way, whatever the language.
export function formatShortDate(date: CalendarDay, options: { withYear: boolean }): string {
  const { year, month, day } = parseCalendarDay(date);
  return options.withYear ? `${day}.${month}.${year}` : `${day}.${month}.`;
}

// "maanantai 30.11." / "måndag 30.11." / "Monday 30 November": how people say a day here.
export function formatDayHeading(date: CalendarDay, language: Language): string {
  const noon = noonOf(date);
  if (language === 'en')
    return formatter(language, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(noon);
  return `${formatter(language, { timeZone: 'UTC', weekday: 'long' }).format(noon)} ${formatShortDate(date, { withYear: false })}`;
}

// "joulukuu 2026" / "december 2026" / "December 2026".
export function formatMonth(year: number, month: number, language: Language): string {
  return formatter(language, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, 15)));
}

// The name of an ISO weekday (1 = Monday … 7 = Sunday): "ma" / "maanantai".
export function weekdayName(weekday: number, language: Language, style: 'short' | 'long' = 'short'): string {
  // 1 January 2024 was a Monday.
  return formatter(language, { timeZone: 'UTC', weekday: style }).format(Date.UTC(2024, 0, weekday, 12));
}
