import { formatClock, formatDay, helsinkiDayOf } from '@talkoot/platform/time';
import type { EventAccessibilityFact, EventAudience, EventCategory, EventStatus, EventText } from '../../lib/api-types';
import type { Language, MessageKey } from '../../lib/i18n';

export const categoryKeys: Record<EventCategory, MessageKey> = {
  culture: 'events.category.culture',
  sport: 'events.category.sport',
  talkoot: 'events.category.talkoot',
  meeting: 'events.category.meeting',
  market: 'events.category.market',
  church: 'events.category.church',
  children: 'events.category.children',
  seniors: 'events.category.seniors',
  nature: 'events.category.nature',
  education: 'events.category.education',
  party: 'events.category.party',
  other: 'events.category.other',
};

export const audienceKeys: Record<EventAudience, MessageKey> = {
  everyone: 'events.audience.everyone',
  children: 'events.audience.children',
  youth: 'events.audience.youth',
  adults: 'events.audience.adults',
  seniors: 'events.audience.seniors',
  families: 'events.audience.families',
};

export const accessibilityKeys: Record<EventAccessibilityFact, MessageKey> = {
  step_free: 'events.access.stepFree',
  hearing_loop: 'events.access.hearingLoop',
  sign_language: 'events.access.signLanguage',
  accessible_toilet: 'events.access.accessibleToilet',
};

export const statusKeys: Record<EventStatus, MessageKey> = {
  draft: 'events.status.draft',
  published: 'events.status.published',
  cancelled: 'events.status.cancelled',
};

// ISO weekdays 1 (Monday) … 7 (Sunday).
export const weekdayKeys: MessageKey[] = [
  'events.weekday.1',
  'events.weekday.2',
  'events.weekday.3',
  'events.weekday.4',
  'events.weekday.5',
  'events.weekday.6',
  'events.weekday.7',
];

// The title in the reader's language, else the first one written (Finnish first).
export function pickText(text: EventText | null | undefined, language: Language): { text: string; language: Language } | null {
  if (!text) return null;
  for (const candidate of [language, 'fi', 'sv', 'en'] as const) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, language: candidate };
  }
  return null;
}

// "ma 15.12.2026 klo 18.00–21.00", or the days alone for an all-day event.
export function whenText(startsAt: string, endsAt: string, isAllDay: boolean, language: Language): string {
  const start = Date.parse(startsAt);
  // An all-day event ends at the next local midnight: show the last day it covers.
  const end = isAllDay ? Date.parse(endsAt) - 60_000 : Date.parse(endsAt);
  const sameDay = sameHelsinkiDay(start, end);
  if (isAllDay) return sameDay ? formatDay(start, language) : `${formatDay(start, language)} – ${formatDay(end, language)}`;
  if (sameDay) return `${formatDay(start, language)} ${formatClock(start, language)}–${formatClock(end, language)}`;
  return `${formatDay(start, language)} ${formatClock(start, language)} – ${formatDay(end, language)} ${formatClock(end, language)}`;
}

function sameHelsinkiDay(a: number, b: number): boolean {
  return helsinkiDayOf(a) === helsinkiDayOf(b);
}
