import { helsinkiDayOf, toLocalInputs } from '@talkoot/platform/time';
import type { OrganiserEvent, Venue } from '../../lib/api-types';

// A Talkoot venue's spaces as select options: "<venueId>/<spaceId>" (the venue alone when it has none).
export function venueSpaceGroups(venues: Venue[]) {
  return venues.map((venue) => ({
    label: `${venue.name} (${venue.village.name})`,
    options: venue.spaces.length
      ? venue.spaces.map((space) => ({ value: `${venue.id}/${space.id}`, label: `${space.name} – ${venue.name}` }))
      : [{ value: `${venue.id}/`, label: venue.name }],
  }));
}

// The saved event as the form's text fields.
export function eventToValues(event: OrganiserEvent, venues: Venue[]): Record<string, string> {
  const first = event.occurrences[0];
  const values: Record<string, string> = {
    titleFi: event.title.fi ?? '',
    titleSv: event.title.sv ?? '',
    titleEn: event.title.en ?? '',
    descriptionFi: event.description.fi ?? '',
    descriptionSv: event.description.sv ?? '',
    descriptionEn: event.description.en ?? '',
    isAllDay: event.isAllDay ? 'yes' : '',
    placeMode: event.venueId ? 'venue' : 'other',
    placeName: event.venueId ? '' : event.placeName,
    address: event.venueId ? '' : (event.address ?? ''),
    villageId: event.venueId ? '' : event.village.id,
    category: event.category,
    audiences: event.audiences.join(','),
    priceMode: event.priceCents === null ? 'free' : 'paid',
    priceEuros: event.priceCents === null ? '' : (event.priceCents / 100).toFixed(2).replace('.', ','),
    accessibility: event.accessibility.join(','),
    isRideSharingWelcome: event.isRideSharingWelcome ? 'yes' : '',
    infoUrl: event.infoUrl ?? '',
  };
  if (event.venueId) {
    const venue = venues.find((candidate) => candidate.id === event.venueId);
    values.venueSpace = venue ? `${venue.id}/${venue.spaces[0]?.id ?? ''}` : '';
  }
  if (first) {
    const start = toLocalInputs(first.startsAt);
    if (event.isAllDay) {
      const lastDay = helsinkiDayOf(Date.parse(first.endsAt) - 60_000);
      Object.assign(values, { date: start.date, endDate: lastDay === start.date ? '' : lastDay });
    } else {
      const end = toLocalInputs(first.endsAt);
      Object.assign(values, {
        date: start.date,
        startTime: start.time,
        endTime: end.time,
        endDate: end.date === start.date ? '' : end.date,
      });
    }
  }
  return values;
}

// New events start as free, for everyone, at a Talkoot venue when the organisation has one.
export function newEventValues(ownVenue: Venue | undefined): Record<string, string> {
  return {
    placeMode: ownVenue ? 'venue' : 'other',
    venueSpace: ownVenue ? `${ownVenue.id}/${ownVenue.spaces[0]?.id ?? ''}` : '',
    priceMode: 'free',
    audiences: 'everyone',
    frequency: 'none',
    interval: '1',
    endMode: 'until',
  };
}
