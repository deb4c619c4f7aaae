import type { EventAccessibilityFact, EventAudience, EventCategory } from '../../lib/api-types';
import type { MessageKey, Translate } from '../../lib/i18n';

type CalendarAudience = EventAudience;

export const categoryKeys: Record<EventCategory, MessageKey> = {
  culture: 'calendar.category.culture',
  sport: 'calendar.category.sport',
  talkoot: 'calendar.category.talkoot',
  meeting: 'calendar.category.meeting',
  market: 'calendar.category.market',
  church: 'calendar.category.church',
  children: 'calendar.category.children',
  seniors: 'calendar.category.seniors',
  nature: 'calendar.category.nature',
  education: 'calendar.category.education',
  party: 'calendar.category.party',
  other: 'calendar.category.other',
};

export const audienceKeys: Record<CalendarAudience, MessageKey> = {
  everyone: 'calendar.audience.everyone',
  children: 'calendar.audience.children',
  youth: 'calendar.audience.youth',
  adults: 'calendar.audience.adults',
  seniors: 'calendar.audience.seniors',
  families: 'calendar.audience.families',
};

export const accessibilityKeys: Record<EventAccessibilityFact, MessageKey> = {
  step_free: 'calendar.accessibility.stepFree',
  hearing_loop: 'calendar.accessibility.hearingLoop',
  sign_language: 'calendar.accessibility.signLanguage',
  accessible_toilet: 'calendar.accessibility.accessibleToilet',
};

function isKnown<T extends string>(keys: Record<T, MessageKey>, value: string): value is T {
  return Object.hasOwn(keys, value);
}

export function audienceWords(t: Translate, audiences: readonly string[]): string {
  return audiences
    .filter((value) => isKnown(audienceKeys, value))
    .map((value) => t(audienceKeys[value as CalendarAudience]))
    .join(', ');
}

export function accessibilityWords(t: Translate, facts: readonly string[]): string {
  return facts
    .filter((value) => isKnown(accessibilityKeys, value))
    .map((value) => t(accessibilityKeys[value as EventAccessibilityFact]))
    .join(', ');
}
