import { HELSINKI, localeTag } from '@talkoot/platform/time';
import type { LocalisedText, OrganisationKind, Region, Role } from './api-types';
import type { Language, MessageKey } from './i18n';

export const kindLabelKeys: Record<OrganisationKind, MessageKey> = {
  association: 'kind.association',
  parish: 'kind.parish',
  municipality: 'kind.municipality',
  company: 'kind.company',
  informal_group: 'kind.informalGroup',
};

export const roleLabelKeys: Record<Role, MessageKey> = {
  admin: 'role.admin',
  coordinator: 'role.coordinator',
  member: 'role.member',
};

// The description in the reader's language, else the first one written (Finnish first).
export function pickLocalisedText(text: LocalisedText, language: Language): { text: string; language: Language } | null {
  const order: Language[] = [language, 'fi', 'sv', 'en'];
  for (const candidate of order) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, language: candidate };
  }
  return null;
}

// Villages grouped by municipality, for a <select> with <optgroup>s.
export function villageGroups(regions: Region[]) {
  return regions.flatMap((region) =>
    region.municipalities.map((municipality) => ({
      label: regions.length > 1 ? `${municipality.name} (${region.name})` : municipality.name,
      options: municipality.villages.map((village) => ({ value: village.id, label: village.name })),
    })),
  );
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: HELSINKI }).format(
    date,
  );
}
