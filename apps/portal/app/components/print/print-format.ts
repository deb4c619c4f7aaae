import { formatClock, formatDate, formatMonth, localeTag, parseCalendarDay } from '@talkoot/platform/time';
import { formatEuros } from '@talkoot/platform/money';
import type { CalendarEntry } from '../../lib/api-types';
import type { Language, Translate } from '../../lib/i18n';
import { pickText } from '../organiser-events/event-labels';

// Words shared by the printable page and its PDF, so both say exactly the same.
export function dayHeading(date: string, language: Language): string {
  return new Intl.DateTimeFormat(localeTag(language), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(Date.parse(`${date}T12:00:00Z`));
}

export function itemTime(item: CalendarEntry, t: Translate, language: Language): string {
  if (item.isAllDay) return t('print.allDay');
  return `${formatClock(Date.parse(item.startsAt), language)}–${formatClock(Date.parse(item.endsAt), language)}`;
}

export function itemTitle(item: CalendarEntry, language: Language): { text: string; language: Language } {
  return pickText(item.title, language) ?? { text: '–', language };
}

export function itemPlace(item: CalendarEntry): string {
  return item.placeName === item.village.name ? item.placeName : `${item.placeName}, ${item.village.name}`;
}

export function itemPrice(item: CalendarEntry, t: Translate, language: Language): string {
  return item.priceCents === null || item.priceCents === 0 ? t('print.free') : formatEuros(item.priceCents, language);
}

export function isItemCancelled(item: CalendarEntry): boolean {
  return item.isCancelled || item.status === 'cancelled';
}

export function sheetTitle(
  placeName: string | null,
  period: 'week' | 'month',
  from: string,
  to: string,
  t: Translate,
  language: Language,
): string {
  const range = `${formatDate(from, language)}–${formatDate(to, language)}`;
  const { year, month } = parseCalendarDay(from);
  const when =
    period === 'week' ? t('print.titleWeek', { range }) : t('print.titleMonth', { month: formatMonth(year, month, language) });
  return placeName ? t('print.titleWithPlace', { place: placeName, when }) : t('print.titleRegion', { when });
}
