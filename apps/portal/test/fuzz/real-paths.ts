import type { Operation } from './openapi-operations.js';
import type { Rows } from './product-database.js';
import type { Persona } from './product-http.js';

export interface PathPicks {
  next(): number;
}

function choose<T>(preferred: T[], fallback: T[], picks: PathPicks): T | undefined {
  // Mostly a row that belongs together with the rest of the path (so the request reaches the
  // service); sometimes any row of the kind (another organisation's venue, someone else's booking).
  const pick = picks.next();
  const list = preferred.length && pick % 5 !== 0 ? preferred : fallback;
  return list.length ? list[Math.floor(pick / 5) % list.length] : undefined;
}

// Ids of existing rows for every path parameter, coherent with each other: a venue of the
// organisation in the path, a space of that venue, a date of that event, the persona's own booking.
export function resolveRealPath(
  operation: Operation,
  persona: Persona,
  rows: Rows,
  devMailIds: string[],
  picks: PathPicks,
): Record<string, string> {
  const values: Record<string, string> = {};
  const path = operation.template;
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) values[name] = value;
  };
  const myOrganisations = rows.memberships
    .filter((membership) => membership.user_id === persona.userId)
    .map((membership) => membership.organisation_id);
  const allOrganisations = rows.organisations.map((row) => row.id);

  if (path.startsWith('/api/organisations/{id}')) {
    const organisation = choose(myOrganisations, allOrganisations, picks);
    set('id', organisation);
    const venues = rows.venues.filter((venue) => venue.organisation_id === organisation);
    const venue = choose(venues, rows.venues, picks);
    set('venueId', venue?.id);
    const venueIds = new Set(venues.map((row) => row.id));
    const spaceIds = new Set(rows.spaces.filter((space) => venueIds.has(space.venue_id)).map((space) => space.id));
    set(
      'spaceId',
      choose(
        rows.spaces.filter((space) => space.venue_id === venue?.id),
        rows.spaces,
        picks,
      )?.id,
    );
    set(
      'photoId',
      choose(
        rows.photos.filter((photo) => photo.venue_id === venue?.id),
        rows.photos,
        picks,
      )?.id,
    );
    const coOrganised = new Set(
      rows.coOrganisers.filter((row) => row.organisation_id === organisation).map((row) => row.event_id),
    );
    const event = choose(
      rows.events.filter((row) => row.organisation_id === organisation || coOrganised.has(row.id)),
      rows.events,
      picks,
    );
    set('eventId', event?.id);
    set(
      'occurrenceId',
      choose(
        rows.occurrences.filter((row) => row.event_id === event?.id),
        rows.occurrences,
        picks,
      )?.id,
    );
    set(
      'bookingId',
      choose(
        rows.bookings.filter((row) => spaceIds.has(row.space_id)),
        rows.bookings,
        picks,
      )?.id,
    );
    set(
      'seriesId',
      choose(
        rows.series.filter((row) => spaceIds.has(row.space_id)),
        rows.series,
        picks,
      )?.id,
    );
    set(
      'invitationId',
      choose(
        rows.invitations.filter((row) => row.organisation_id === organisation),
        rows.invitations,
        picks,
      )?.id,
    );
    const members = new Set(rows.memberships.filter((row) => row.organisation_id === organisation).map((row) => row.user_id));
    set(
      'userId',
      choose(
        rows.users.filter((user) => members.has(user.id)),
        rows.users,
        picks,
      )?.id,
    );
  } else if (path.startsWith('/api/spaces/')) set('id', choose(rows.spaces, rows.spaces, picks)?.id);
  else if (path.startsWith('/api/venues/')) set('id', choose(rows.venues, rows.venues, picks)?.id);
  else if (path.startsWith('/api/bookings/'))
    set(
      'id',
      choose(
        rows.bookings.filter((row) => row.requester_id === persona.userId),
        rows.bookings,
        picks,
      )?.id,
    );
  else if (path.startsWith('/api/booking-series/'))
    set(
      'id',
      choose(
        rows.series.filter((row) => row.requester_id === persona.userId),
        rows.series,
        picks,
      )?.id,
    );
  else if (path.startsWith('/api/waitlist/'))
    set(
      'id',
      choose(
        rows.waitlist.filter((row) => row.user_id === persona.userId),
        rows.waitlist,
        picks,
      )?.id,
    );
  else if (path.startsWith('/api/dev/mail/')) set('id', choose(devMailIds, devMailIds, picks));
  else if (path.startsWith('/feeds/organisations/')) set('file', `${choose(allOrganisations, allOrganisations, picks)}.ics`);
  else if (path.startsWith('/feeds/events/')) set('file', `${choose(rows.events, rows.events, picks)?.id}.ics`);
  else if (path === '/feeds/venues/{venueId}/{file}') {
    const venue = choose(
      rows.venues.filter((row) => row.feed_token),
      rows.venues,
      picks,
    );
    set('venueId', venue?.id);
    set('file', `${venue?.feed_token ?? 'no-token-yet-0123456789'}.ics`);
  } else if (path.startsWith('/feeds/venues/')) set('file', `${choose(rows.venues, rows.venues, picks)?.id}.ics`);
  else if (path.startsWith('/api/docs/')) set('asset', ['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js'][picks.next() % 3]);
  else if (path.startsWith('/api/invitations/')) set('token', 'Tz3q9fJ1kZr0cX8vN2mB7wL4pQ6sD5hA1gE0yU9iO3t');
  set('eventId', values.eventId ?? choose(rows.events, rows.events, picks)?.id);
  set('photoId', values.photoId ?? choose(rows.photos, rows.photos, picks)?.id);
  return values;
}
