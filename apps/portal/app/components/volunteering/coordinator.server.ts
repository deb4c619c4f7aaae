import { organisationEventsRoute } from '@talkoot/events/schemas';
import { helsinkiDayOf } from '@talkoot/platform/time';
import { loadFromApi, type ApiCaller } from '../../lib/api.server';
import { pickLocalisedText } from '../../lib/labels';
import type { Language } from '../../lib/i18n';
import { requireLendingOwner } from '../lending/lending-owner.server';
import type { RequestState } from '../../lib/session.server';

// The same check as lending-admin: admins and coordinators of the organisation (or a platform
// admin); the api decides again on every call.
export function requireCoordinator(state: RequestState, organisationId: string): { organisationName: string } {
  return requireLendingOwner(state, organisationId);
}

export type EventChoice = { id: string; title: string; date: string; startsAt: string };

// The organisation's events (its own and those it co-organises) still to come, soonest first,
// each with the Helsinki day it starts on (a template's shift times are set on that day).
export async function loadEventChoices(caller: ApiCaller, organisationId: string, language: Language): Promise<EventChoice[]> {
  const { events } = await loadFromApi(caller, organisationEventsRoute, { params: { id: organisationId } });
  const now = Date.now();
  const choices: EventChoice[] = [];
  for (const event of events) {
    const next = event.occurrences.find((occurrence) => Date.parse(occurrence.endsAt) > now) ?? null;
    if (!next || event.status === 'cancelled') continue;
    choices.push({
      id: event.id,
      title: pickLocalisedText(event.title, language)?.text ?? '',
      date: helsinkiDayOf(new Date(next.startsAt)),
      startsAt: next.startsAt,
    });
  }
  return choices.toSorted((a, b) => a.startsAt.localeCompare(b.startsAt));
}
