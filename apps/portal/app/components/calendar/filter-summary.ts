import type { CalendarFilter } from '@talkoot/events/schemas';
import type { Region } from '../../lib/api-types';
import type { Translate } from '../../lib/i18n';
import { audienceKeys, categoryKeys } from './calendar-labels';

// The chosen filter in words, e.g. "Rautalampi · ikäihmiset · maksuttomat"; empty when nothing is chosen.
export function filterSummary(
  t: Translate,
  filter: CalendarFilter,
  regions: Region[],
  organisations: { id: string; name: string }[],
): string {
  const municipalities = regions.flatMap((region) => region.municipalities);
  const villages = municipalities.flatMap((municipality) => municipality.villages);
  const nameOf = (list: { id: string; name: string }[], id: string) => list.find((entry) => entry.id === id)?.name ?? '';
  const parts = [
    ...filter.municipality.map((id) => nameOf(municipalities, id)),
    ...filter.village.map((id) => nameOf(villages, id)),
    ...filter.organiser.map((id) => nameOf(organisations, id)),
    ...filter.category.map((category) => t(categoryKeys[category])),
    ...filter.audience.map((audience) => t(audienceKeys[audience])),
    filter.free ? t('calendar.filter.freeShort') : '',
    filter.accessible ? t('calendar.filter.accessibleShort') : '',
    filter.q ? `”${filter.q}”` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
