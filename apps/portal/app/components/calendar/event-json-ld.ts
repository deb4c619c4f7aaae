import { addDays, helsinkiDayOf } from '@talkoot/platform/time';
import type { OrganiserEvent } from '../../lib/api-types';

type Occurrence = OrganiserEvent['occurrences'][number];

const statusOf = (isCancelled: boolean) =>
  isCancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled';

// schema.org Event (https://schema.org/Event) for search engines and calendar helpers. A series is
// one Event (its next date) with every date as a subEvent.
export function eventJsonLd(
  event: OrganiserEvent,
  title: string,
  description: string | null,
  origin: string,
  language: string,
  now = new Date(),
) {
  const when = (occurrence: Occurrence) =>
    event.isAllDay
      ? { startDate: helsinkiDayOf(occurrence.startsAt), endDate: addDays(helsinkiDayOf(occurrence.endsAt), -1) }
      : { startDate: occurrence.startsAt, endDate: occurrence.endsAt };
  const isEventCancelled = event.status === 'cancelled';
  const upcoming = event.occurrences.filter((occurrence) => Date.parse(occurrence.endsAt) >= now.getTime());
  const main = upcoming.find((occurrence) => !occurrence.isCancelled) ?? upcoming[0] ?? event.occurrences.at(-1);
  const isFree = event.priceCents === null || event.priceCents === 0;
  const url = `${origin}/events/${event.id}`;
  const organisers = [event.organisation, ...event.coOrganisers.filter((organiser) => organiser.status === 'accepted')];
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: title,
    ...(description ? { description } : {}),
    url,
    inLanguage: language,
    ...(main ? when(main) : {}),
    eventStatus: statusOf(isEventCancelled || Boolean(main?.isCancelled)),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: event.placeName,
      address: {
        '@type': 'PostalAddress',
        ...(event.address ? { streetAddress: event.address } : {}),
        addressLocality: event.village.name,
        addressRegion: event.municipality.name,
        addressCountry: 'FI',
      },
    },
    organizer: organisers.map((organiser) => ({
      '@type': 'Organization',
      name: organiser.name,
      url: `${origin}/organisations/${organiser.id}`,
    })),
    isAccessibleForFree: isFree,
    offers: { '@type': 'Offer', price: isFree ? '0' : (event.priceCents! / 100).toFixed(2), priceCurrency: 'EUR', url },
    ...(event.imageUrl ? { image: event.imageUrl.startsWith('http') ? event.imageUrl : `${origin}${event.imageUrl}` } : {}),
    ...(event.occurrences.length > 1
      ? {
          subEvent: event.occurrences.map((occurrence) => ({
            '@type': 'Event',
            name: title,
            ...when(occurrence),
            eventStatus: statusOf(isEventCancelled || occurrence.isCancelled),
            url,
          })),
        }
      : {}),
  };
}

// Inside <script> the text must not close the element: "<" is written as \u003c.
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
