import type { CalendarEntry } from '../../lib/api-types';
import type { Language, Translate } from '../../lib/i18n';
import { pickText, formatEuroCents } from '../organiser-events/event-labels';
import { formatTime, localeTag } from '../venues/helsinki-time';

// Words shared by the printable page and its PDF, so both say exactly the same.
export function dayHeading(date: string, language: Language): string {
  return new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric' }).format(Date.parse(`${date}T12:00:00Z`));
}

export function shortDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(Date.parse(`${date}T12:00:00Z`));
}

export function itemTime(item: CalendarEntry, t: Translate, language: Language): string {
  if (item.isAllDay) return t('print.allDay');
  return `${formatTime(Date.parse(item.startsAt), language)}–${formatTime(Date.parse(item.endsAt), language)}`;
}

export function itemTitle(item: CalendarEntry, language: Language): { text: string; language: Language } {
  return pickText(item.title, language) ?? { text: '–', language };
}

export function itemPlace(item: CalendarEntry): string {
  return item.placeName === item.village.name ? item.placeName : `${item.placeName}, ${item.village.name}`;
}

export function itemPrice(item: CalendarEntry, t: Translate, language: Language): string {
  return item.priceCents === null || item.priceCents === 0 ? t('print.free') : formatEuroCents(item.priceCents, language);
}

export function isItemCancelled(item: CalendarEntry): boolean {
  return item.isCancelled || item.status === 'cancelled';
}

export function sheetTitle(placeName: string | null, period: 'week' | 'month', from: string, to: string, t: Translate, language: Language): string {
  const range = `${shortDate(from, language)}–${shortDate(to, language)}`;
  const when = period === 'week' ? t('print.titleWeek', { range }) : t('print.titleMonth', { month: new Intl.DateTimeFormat(localeTag(language), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.parse(`${from}T12:00:00Z`)) });
  return placeName ? t('print.titleWithPlace', { place: placeName, when }) : t('print.titleRegion', { when });
}
