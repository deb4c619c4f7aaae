import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
} from './testing/test-api.js';

// Inputs found by testing from outside that used to answer 500 or were stored although they
// make no sense: each is refused with a 4xx naming the field, and nothing is written.
let api: TestApi;
let villageId: string;
const owner = { organisationId: '', coordinator: '' };
const other = { organisationId: '', coordinator: '' };
let adminToken: string;
let spaceId: string;

const nextYear = new Date().getUTCFullYear() + 1;
const at = (month: number, day: number, hour: number) =>
  `${nextYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+02:00`;

async function person(role: 'admin' | 'coordinator', organisationId: string) {
  const user = await makeUser(api);
  await addMember(api, user.id, organisationId, role);
  return signIn(api, user.email);
}

async function countRows(table: string): Promise<number> {
  return (await api.sql.query(`select count(*)::int as n from ${table}`)).rows[0].n;
}

const eventBody = (extra: Record<string, unknown> = {}) => ({
  title: { fi: 'Kyläkokous' },
  startsAt: at(3, 10, 18),
  endsAt: at(3, 10, 20),
  placeName: 'Kylätalo',
  villageId,
  category: 'meeting',
  ...extra,
});

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  owner.organisationId = await makeOrganisation(api, villageId, 'Kotalahden kyläyhdistys ry');
  other.organisationId = await makeOrganisation(api, villageId, 'Sorsakosken kyläseura ry');
  owner.coordinator = await person('coordinator', owner.organisationId);
  other.coordinator = await person('coordinator', other.organisationId);
  const admin = await makeUser(api, { isPlatformAdmin: true });
  adminToken = await signIn(api, admin.email);
  const venue = await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues`, {
    token: owner.coordinator,
    body: { villageId, name: 'Kotalahden kylätalo', address: 'Kotalahdentie 12', capacity: 60 },
  });
  const space = await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues/${venue.json.venue.id}/spaces`, {
    token: owner.coordinator,
    body: {
      name: 'Sali',
      maxDaysAhead: 1095,
      bookableBy: 'anyone',
      priceUnit: 'hour',
      priceMembersCents: 1000,
      priceRegionCents: 2000,
      pricePrivateCents: 3000,
    },
  });
  expect(space.status, space.text).toBe(201);
  spaceId = space.json.venue.spaces[0].id;
});
afterAll(async () => {
  await api?.close();
});

describe('control characters in text', () => {
  it('refuses NUL in a profile name, an event title and a search, naming the field, and stores nothing', async () => {
    const events = await countRows('events');
    const profile = await call(api, 'PATCH', '/api/me', { token: owner.coordinator, body: { name: 'Aino\u0000Virtanen' } });
    expect(profile.status).toBe(400);
    expect(profile.json.error.fields).toEqual({ name: expect.stringContaining('control character') });
    const event = await call(api, 'POST', `/api/organisations/${owner.organisationId}/events`, {
      token: owner.coordinator,
      body: eventBody({ title: { fi: 'Kokous\u0000' } }),
    });
    expect(event.status).toBe(400);
    expect(Object.keys(event.json.error.fields)).toEqual(['title.fi']);
    expect(await countRows('events')).toBe(events);
    for (const path of ['/api/calendar?q=%00', '/feeds/calendar.ics?q=%00']) {
      const search = await call(api, 'GET', path);
      expect(search.status, path).toBe(400);
      expect(search.json.error.fields.q).toContain('control character');
    }
  });

  it('refuses half an emoji (a lone surrogate) and a JSON body that is not UTF-8, and stores nothing', async () => {
    const venues = await countRows('venues');
    const broken = await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues`, {
      token: owner.coordinator,
      body: { villageId, name: 'Kota', address: 'Rantatie 1', capacity: 20, description: { en: 'Sauna \ud83d' } },
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error.fields).toEqual({ 'description.en': expect.stringContaining('half of an emoji') });
    expect(await countRows('venues')).toBe(venues);
    const notUtf8 = await fetch(`${api.url}/api/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${owner.coordinator}`, 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"name":"Aino '), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
    });
    expect(notUtf8.status).toBe(400);
    const me = await call(api, 'GET', '/api/me', { token: owner.coordinator });
    expect(me.json.user.name).not.toContain('\ufffd');
  });

  it('keeps tabs and line breaks, which people do write', async () => {
    const event = await call(api, 'POST', `/api/organisations/${owner.organisationId}/events`, {
      token: owner.coordinator,
      body: eventBody({ description: { fi: 'Ohjelma:\n\t1. Avaus\r\n\t2. Kahvit' } }),
    });
    expect(event.status, event.text).toBe(201);
    expect(event.json.event.description.fi).toContain('\n\t2. Kahvit');
  });
});

describe('dates and times', () => {
  it('answers 400 for availability asked with a date only, an empty, a negative or a very long time', async () => {
    for (const value of ['2027-01-01', '', '-1', '9'.repeat(5000), '0000-01-01T00:00:00Z']) {
      const query = new URLSearchParams({ from: value, to: value });
      const answer = await call(api, 'GET', `/api/spaces/${spaceId}/availability?${query}`);
      expect(answer.status, value.slice(0, 20)).toBe(400);
      expect(answer.json.error.fields.from, value.slice(0, 20)).toMatch(/start of the period/);
      expect(answer.json.error.fieldReasons.from, value.slice(0, 20)).toMatch(/^validation\.(required|invalid_format|custom)$/);
    }
  });

  it('refuses the year 0000 for an event, its change and the change of one date', async () => {
    const zero = await call(api, 'POST', `/api/organisations/${owner.organisationId}/events`, {
      token: owner.coordinator,
      body: eventBody({ startsAt: '0000-01-10T10:00:00Z', endsAt: '0000-01-10T12:00:00Z' }),
    });
    expect(zero.status).toBe(400);
    expect(zero.json.error.fields.startsAt).toContain('2000');
    const created = await call(api, 'POST', `/api/organisations/${owner.organisationId}/events`, {
      token: owner.coordinator,
      body: eventBody(),
    });
    expect(created.status, created.text).toBe(201);
    const eventPath = `/api/organisations/${owner.organisationId}/events/${created.json.event.id}`;
    const change = await call(api, 'PATCH', eventPath, {
      token: owner.coordinator,
      body: { startsAt: '0000-03-10T18:00:00Z', endsAt: '0000-03-10T20:00:00Z' },
    });
    expect(change.status).toBe(400);
    const occurrenceId = created.json.event.occurrences[0].id;
    const moveOne = await call(api, 'PATCH', `${eventPath}/occurrences/${occurrenceId}`, {
      token: owner.coordinator,
      body: { startsAt: '0000-03-10T18:00:00Z', endsAt: '0000-03-10T20:00:00Z' },
    });
    expect(moveOne.status).toBe(400);
    const tooLong = await call(api, 'PATCH', `${eventPath}/occurrences/${occurrenceId}`, {
      token: owner.coordinator,
      body: { endsAt: `${nextYear}-12-30T20:00:00+02:00` },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.fields.endsAt).toContain('31 days');
    const stored = await call(api, 'GET', eventPath, { token: owner.coordinator });
    expect(stored.json.event.occurrences[0].startsAt).toBe(new Date(at(3, 10, 18)).toISOString());
  });

  it('refuses impossible calendar dates in event recurrences and booking series', async () => {
    const events = await countRows('event_occurrences');
    const recurring = await call(api, 'POST', `/api/organisations/${owner.organisationId}/events`, {
      token: owner.coordinator,
      body: eventBody({
        recurrence: { frequency: 'weekly', weekdays: [3], until: `${nextYear}-13-45`, exceptions: [`${nextYear}-02-31`] },
      }),
    });
    expect(recurring.status).toBe(400);
    expect(Object.keys(recurring.json.error.fields).sort()).toEqual(['recurrence.exceptions.0', 'recurrence.until']);
    expect(await countRows('event_occurrences')).toBe(events);
    const bookings = await countRows('bookings');
    const series = await call(api, 'POST', '/api/booking-series', {
      token: other.coordinator,
      body: {
        spaceId,
        startsAt: at(2, 1, 18),
        endsAt: at(2, 1, 20),
        title: 'Kuoro',
        organisationId: other.organisationId,
        rule: { frequency: 'weekly', weekdays: [1], until: `${nextYear}-13-45`, skipDates: [`${nextYear}-02-30`] },
      },
    });
    expect(series.status).toBe(400);
    expect(Object.keys(series.json.error.fields).sort()).toEqual(['rule.skipDates.0', 'rule.until']);
    expect(await countRows('bookings')).toBe(bookings);
  });

  it('names the bounds: events in the past, years away, or longer than a month; bookings far ahead', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ startsAt: '2001-01-10T10:00:00Z', endsAt: '2001-01-10T12:00:00Z' }, 'startsAt', 'past'],
      [{ startsAt: `${nextYear + 5}-01-10T10:00:00Z`, endsAt: `${nextYear + 5}-01-10T12:00:00Z` }, 'startsAt', '3 years'],
      [{ startsAt: '9999-01-10T10:00:00Z', endsAt: '9999-01-10T12:00:00Z' }, 'startsAt', '2100'],
      [{ startsAt: at(3, 1, 10), endsAt: `${nextYear + 10}-03-01T10:00:00Z` }, 'endsAt', '31 days'],
    ];
    for (const [times, field, words] of cases) {
      const answer = await call(api, 'POST', `/api/organisations/${owner.organisationId}/events`, {
        token: owner.coordinator,
        body: eventBody(times),
      });
      expect(answer.status, JSON.stringify(times)).toBe(400);
      expect(answer.json.error.fields[field]).toContain(words);
    }
    const farBooking = await call(api, 'POST', '/api/bookings', {
      token: other.coordinator,
      body: {
        spaceId,
        startsAt: '2999-01-10T10:00:00Z',
        endsAt: '2999-01-10T12:00:00Z',
        title: 'Juhlat',
        organisationId: other.organisationId,
      },
    });
    expect(farBooking.status).toBe(400);
    expect(farBooking.json.error.fields.startsAt).toContain('2100');
  });
});

describe('ids', () => {
  it('treats an upper-case organisation id as the same organisation', async () => {
    const upper = owner.organisationId.toUpperCase();
    const created = await call(api, 'POST', `/api/organisations/${upper}/events`, {
      token: owner.coordinator,
      body: eventBody(),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.event.organisation).toEqual({ id: owner.organisationId, name: 'Kotalahden kyläyhdistys ry' });
    const venue = await call(api, 'POST', `/api/organisations/${upper}/venues`, {
      token: owner.coordinator,
      body: { villageId: villageId.toUpperCase(), name: 'Kota', address: 'Rantatie 1', capacity: 20 },
    });
    expect(venue.status, venue.text).toBe(201);
    expect(venue.json.venue.organisation.id).toBe(owner.organisationId);
  });

  it('answers 404 to a platform admin on an organisation that does not exist, on writes and on lists', async () => {
    const missing = '6f1c1d6e-2b7a-4c39-9d55-3f0e8b1a2c4d';
    const events = await call(api, 'GET', `/api/organisations/${missing}/events`, { token: adminToken });
    expect(events.status).toBe(404);
    const members = await call(api, 'GET', `/api/organisations/${missing}/members`, { token: adminToken });
    expect(members.status).toBe(404);
    const create = await call(api, 'POST', `/api/organisations/${missing}/events`, { token: adminToken, body: eventBody() });
    expect(create.status).toBe(404);
    const ownList = await call(api, 'GET', `/api/organisations/${owner.organisationId}/events`, { token: adminToken });
    expect(ownList.status).toBe(200);
  });

  it("refuses to link an event to another organisation's booking or to a booking that does not exist", async () => {
    const created = await call(api, 'POST', `/api/organisations/${owner.organisationId}/events`, {
      token: owner.coordinator,
      body: eventBody(),
    });
    const eventPath = `/api/organisations/${owner.organisationId}/events/${created.json.event.id}`;
    const othersBooking = await call(api, 'POST', '/api/bookings', {
      token: other.coordinator,
      body: { spaceId, startsAt: at(4, 6, 18), endsAt: at(4, 6, 20), title: 'Seuran ilta', organisationId: other.organisationId },
    });
    expect(othersBooking.status, othersBooking.text).toBe(201);
    for (const bookingId of [othersBooking.json.booking.id, '6f1c1d6e-2b7a-4c39-9d55-3f0e8b1a2c4d']) {
      const link = await call(api, 'PATCH', eventPath, { token: owner.coordinator, body: { bookingId } });
      expect(link.status).toBe(400);
      expect(link.json.error).toMatchObject({
        reason: 'event.booking_not_linkable',
        fields: { bookingId: "Link a booking made by this event's organisers" },
        fieldReasons: { bookingId: 'event.booking_not_linkable' },
      });
    }
    const ownBooking = await call(api, 'POST', '/api/bookings', {
      token: owner.coordinator,
      body: { spaceId, startsAt: at(4, 7, 18), endsAt: at(4, 7, 20), title: 'Kyläkokous', organisationId: owner.organisationId },
    });
    const link = await call(api, 'PATCH', eventPath, {
      token: owner.coordinator,
      body: { bookingId: ownBooking.json.booking.id },
    });
    expect(link.status, link.text).toBe(200);
    expect(link.json.event.bookingId).toBe(ownBooking.json.booking.id);
  });
});

describe('prices, cancellations and what the api reads', () => {
  it("refuses a price quote for an organisation the person is not in instead of quoting the members' price", async () => {
    const query = new URLSearchParams({ startsAt: at(5, 5, 18), endsAt: at(5, 5, 20), organisationId: owner.organisationId });
    const quote = await call(api, 'GET', `/api/spaces/${spaceId}/quote?${query}`, { token: other.coordinator });
    expect(quote.status).toBe(403);
    const own = await call(api, 'GET', `/api/spaces/${spaceId}/quote?${query}`, { token: owner.coordinator });
    expect(own.status).toBe(200);
    expect(own.json.quote.priceTier).toBe('members');
  });

  it("lets the owner's coordinators cancel a booking made for a resident, and nobody else", async () => {
    const assisted = await call(api, 'POST', `/api/organisations/${owner.organisationId}/assisted-bookings`, {
      token: owner.coordinator,
      body: {
        spaceId,
        startsAt: at(6, 2, 12),
        endsAt: at(6, 2, 15),
        title: 'Syntymäpäivät',
        guestName: 'Helmi Jäntti',
        guestPhone: '040 123 4567',
        consent: true,
      },
    });
    expect(assisted.status, assisted.text).toBe(201);
    const bookingId = assisted.json.booking.id;
    expect(
      (
        await call(api, 'POST', `/api/organisations/${other.organisationId}/bookings/${bookingId}/cancellation`, {
          token: other.coordinator,
        })
      ).status,
    ).toBe(404);
    expect((await call(api, 'POST', `/api/bookings/${bookingId}/cancellation`, { token: owner.coordinator })).status).toBe(403);
    const cancelled = await call(api, 'POST', `/api/organisations/${owner.organisationId}/bookings/${bookingId}/cancellation`, {
      token: owner.coordinator,
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json.booking.status).toBe('cancelled');
    const again = await call(api, 'POST', `/api/organisations/${owner.organisationId}/bookings/${bookingId}/cancellation`, {
      token: owner.coordinator,
    });
    expect(again.status).toBe(422);
    const ordinary = await call(api, 'POST', '/api/bookings', {
      token: other.coordinator,
      body: { spaceId, startsAt: at(6, 3, 18), endsAt: at(6, 3, 20), title: 'Seuran ilta', organisationId: other.organisationId },
    });
    const notForResident = await call(
      api,
      'POST',
      `/api/organisations/${owner.organisationId}/bookings/${ordinary.json.booking.id}/cancellation`,
      { token: owner.coordinator },
    );
    expect(notForResident.status).toBe(403);
  });

  it('answers 415 to form-encoded and plain-text bodies, which no route documents', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
      const answer = await call(api, 'PATCH', '/api/me', {
        token: owner.coordinator,
        rawBody: 'name=Aino',
        headers: { 'content-type': contentType },
      });
      expect(answer.status, contentType).toBe(415);
    }
  });

  it('refuses a GIF as a venue photo: JPEG, PNG and WebP only', async () => {
    const venues = await call(api, 'GET', `/api/venues`);
    const venueId = venues.json.venues.find(
      (venue: { organisation: { id: string } }) => venue.organisation.id === owner.organisationId,
    ).id;
    const gif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
      .gif()
      .toBuffer();
    const response = await fetch(
      `${api.url}/api/organisations/${owner.organisationId}/venues/${venueId}/photos?altText=${encodeURIComponent('Sali edestä')}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.coordinator}`, 'content-type': 'image/gif' },
        body: new Uint8Array(gif),
      },
    );
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields.photo).toContain('JPEG');
  });
});
