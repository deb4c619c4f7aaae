import { VenueFeedService } from '@talkoot/venues';
import ical, { type VEvent } from 'node-ical';
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
  helsinkiIso as helsinki,
} from './testing/test-api.js';

let api: TestApi;
let villageId: string;
let ownerId: string;
let guestId: string;
let ownerToken: string;
let guestToken: string;
let guestUserId: string;

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  ownerId = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  guestId = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  const owner = await makeUser(api);
  const guest = await makeUser(api, { name: 'Ville Varaaja' });
  guestUserId = guest.id;
  await addMember(api, owner.id, ownerId, 'coordinator');
  await addMember(api, guest.id, guestId, 'coordinator');
  ownerToken = await signIn(api, owner.email);
  guestToken = await signIn(api, guest.email);
});
afterAll(async () => {
  await api?.close();
});

async function makeHall() {
  const created = await call(api, 'POST', `/api/organisations/${ownerId}/venues`, {
    token: ownerToken,
    body: { villageId, name: 'Kerkonkosken kylätalo', address: 'Koulutie 2, Rautalampi', capacity: 80 },
  });
  const venueId = created.json.venue.id as string;
  const space = await call(api, 'POST', `/api/organisations/${ownerId}/venues/${venueId}/spaces`, {
    token: ownerToken,
    body: { name: 'Sali', maxMinutes: 24 * 60, bookableBy: 'anyone' },
  });
  const manage = await call(api, 'GET', `/api/organisations/${ownerId}/venues/${venueId}`, { token: ownerToken });
  return {
    venueId,
    spaceId: space.json.venue.spaces[0].id as string,
    privateFeedUrl: manage.json.venue.privateFeedUrl as string,
  };
}

type FeedEvent = { uid: string; start: Date; end: Date; summary: string; status?: string; description?: string };

function eventsOf(text: string): FeedEvent[] {
  const plain = (value: unknown) =>
    typeof value === 'object' && value && 'val' in value
      ? String((value as { val: unknown }).val)
      : value === undefined
        ? undefined
        : String(value);
  return Object.values(ical.sync.parseICS(text))
    .filter((component) => component?.type === 'VEVENT')
    .map((component) => {
      const event = component as VEvent;
      return {
        uid: event.uid,
        start: new Date(event.start),
        end: new Date(event.end as Date),
        summary: plain(event.summary)!,
        status: event.status,
        description: plain(event.description),
      };
    });
}

const feedPath = (url: string) => new URL(url).pathname;

// The next last Sunday of March (clocks forward) or October (clocks back) at least two days
// away; in the EU the clocks change at 01:00 UTC.
function nextClockChange(month: 3 | 10): Date {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const lastDay = new Date(Date.UTC(year, month, 0));
    const change = Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
    if (change > Date.now() + 2 * 86_400_000) return new Date(change);
  }
}

const minutesFrom = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000).toISOString();

describe('calendar feeds of a venue', () => {
  it('publishes busy times without names, and the secret feed with titles and bookers', async () => {
    const hall = await makeHall();
    const day = new Date(Date.now() + 20 * 86_400_000);
    const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const requested = await call(api, 'POST', '/api/bookings', {
      token: guestToken,
      body: {
        spaceId: hall.spaceId,
        startsAt: helsinki(year, month, date, 18),
        endsAt: helsinki(year, month, date, 21),
        title: 'Salibandyn syyskokous',
        organisationId: guestId,
      },
    });
    expect(requested.status, requested.text).toBe(201);
    const approved = await call(api, 'POST', '/api/bookings', {
      token: guestToken,
      body: {
        spaceId: hall.spaceId,
        startsAt: helsinki(year, month, date, 10),
        endsAt: helsinki(year, month, date, 12),
        title: 'Ville Varaajan synttärit',
        organisationId: null,
      },
    });
    expect(approved.status, approved.text).toBe(201);
    await call(api, 'POST', `/api/organisations/${ownerId}/bookings/${approved.json.booking.id}/approval`, {
      token: ownerToken,
      body: {},
    });

    const open = await fetch(`${api.url}/feeds/venues/${hall.venueId}.ics`);
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const openText = await open.text();
    expect(openText).toContain('X-WR-CALNAME:Kerkonkosken kylätalo');
    const busy = eventsOf(openText);
    expect(busy).toHaveLength(2);
    expect(busy.map((event) => [event.start.toISOString(), event.end.toISOString(), event.status])).toEqual(
      expect.arrayContaining([
        [helsinki(year, month, date, 18), helsinki(year, month, date, 21), 'TENTATIVE'],
        [helsinki(year, month, date, 10), helsinki(year, month, date, 12), 'CONFIRMED'],
      ]),
    );
    for (const event of busy) expect(event.summary).toBe('Varattu / Bokad / Booked: Sali');
    for (const secret of ['Salibandy', 'Ville', 'Varaaja', 'Urheiluseura', 'synttärit', '@example.org'])
      expect(openText).not.toContain(secret);
    // UIDs stay the same from one fetch to the next, so calendar apps update instead of duplicating.
    expect(
      eventsOf(await (await fetch(`${api.url}/feeds/venues/${hall.venueId}.ics`)).text())
        .map((event) => event.uid)
        .toSorted(),
    ).toEqual(busy.map((event) => event.uid).toSorted());

    const detailed = await fetch(`${api.url}${feedPath(hall.privateFeedUrl)}`);
    expect(detailed.status).toBe(200);
    expect(detailed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const detailedText = await detailed.text();
    expect(detailedText).toContain('X-WR-CALNAME:');
    const events = eventsOf(detailedText);
    const meeting = events.find((event) => event.summary.includes('Salibandyn syyskokous'))!;
    expect(meeting.summary).toContain('Rautalammin Urheiluseura ry');
    expect(meeting.status).toBe('TENTATIVE');
    const party = events.find((event) => event.summary.includes('synttärit'))!;
    expect(party.summary).toContain('Ville Varaaja');
    expect(party.status).toBe('CONFIRMED');
    expect(party.description).toContain('Confirmed');
  });

  it('answers 404 to a wrong or replaced secret address and to an unknown venue', async () => {
    const hall = await makeHall();
    const old = feedPath(hall.privateFeedUrl);
    expect((await fetch(`${api.url}${old}`)).status).toBe(200);
    const renewed = await call(api, 'POST', `/api/organisations/${ownerId}/venues/${hall.venueId}/feed-token`, {
      token: ownerToken,
    });
    expect((await fetch(`${api.url}${old}`)).status).toBe(404);
    expect((await fetch(`${api.url}${feedPath(renewed.json.venue.privateFeedUrl)}`)).status).toBe(200);
    expect((await fetch(`${api.url}/feeds/venues/${hall.venueId}/${'a'.repeat(32)}.ics`)).status).toBe(404);
    expect((await fetch(`${api.url}/feeds/venues/${hall.venueId}/short.ics`)).status).toBe(404);
    expect((await fetch(`${api.url}/feeds/venues/00000000-0000-4000-8000-000000000000.ics`)).status).toBe(404);
    expect((await fetch(`${api.url}/feeds/venues/not-a-venue.ics`)).status).toBe(404);
  });

  it('puts a booking over the night the clocks turn back (2026-10-25) at the right UTC instants', async () => {
    const hall = await makeHall();
    // Midnight to 06:00 Helsinki: 00:00 is still summer time (UTC+3), 06:00 already winter time (UTC+2).
    await api.build.booking({
      spaceId: hall.spaceId,
      requesterId: guestUserId,
      title: 'Yöpyminen',
      status: 'approved',
      startsAt: new Date('2026-10-24T21:00:00Z'),
      endsAt: new Date('2026-10-25T04:00:00Z'),
    });
    // The feed's window is counted from today; seen from 2026-10-20 the night is in it.
    const feed = await api.app.get(VenueFeedService).publicFeed(hall.venueId, new Date('2026-10-20T12:00:00Z'));
    const [night] = eventsOf(feed);
    expect(night!.start.toISOString()).toBe(helsinki(2026, 10, 25, 0));
    expect(night!.start.toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(night!.end.toISOString()).toBe(helsinki(2026, 10, 25, 6));
    expect(night!.end.toISOString()).toBe('2026-10-25T04:00:00.000Z');
    expect(night!.status).toBe('CONFIRMED');
    // Seen from far later, it has left the window.
    expect(eventsOf(await api.app.get(VenueFeedService).publicFeed(hall.venueId, new Date('2027-01-01T12:00:00Z')))).toHaveLength(
      0,
    );
  });

  it('writes bookings in the repeated autumn hour and over the spring gap as UTC instants in both feeds and the mail attachment', async () => {
    const hall = await makeHall();
    await call(api, 'PATCH', `/api/organisations/${ownerId}/venues/${hall.venueId}/spaces/${hall.spaceId}`, {
      token: ownerToken,
      body: { minMinutes: 30 },
    });
    const autumn = nextClockChange(10);
    const spring = nextClockChange(3);
    const bookings = [
      // 03:30 summer time (UTC+3) → 03:00 winter time (UTC+2): half an hour that ends at a lower clock time.
      { title: 'Yökerho', startsAt: minutesFrom(autumn, -30), endsAt: minutesFrom(autumn, 0) },
      // 03:10–03:50 the second time round (UTC+2).
      { title: 'Toinen kolmen tunti', startsAt: minutesFrom(autumn, 10), endsAt: minutesFrom(autumn, 50) },
      // 02:30 winter time → 04:30 summer time: one hour; 03:00–03:59 never happens that night.
      { title: 'Kevätyö', startsAt: minutesFrom(spring, -30), endsAt: minutesFrom(spring, 30) },
    ];
    const ids = new Map<string, string>();
    for (const booking of bookings) {
      const made = await call(api, 'POST', '/api/bookings', {
        token: guestToken,
        body: { spaceId: hall.spaceId, ...booking, organisationId: guestId },
      });
      expect(made.status, made.text).toBe(201);
      ids.set(made.json.booking.id as string, booking.title);
    }
    const expectExact = (text: string, uidOf: (id: string) => string) => {
      const events = eventsOf(text);
      for (const event of events) expect(event.end.getTime(), event.uid).toBeGreaterThan(event.start.getTime());
      for (const [id, title] of ids) {
        const booking = bookings.find((item) => item.title === title)!;
        const event = events.find((item) => item.uid === uidOf(id))!;
        expect(event.start.toISOString(), title).toBe(booking.startsAt);
        expect(event.end.toISOString(), title).toBe(booking.endsAt);
      }
      // Never a local time that could name two instants.
      expect(text).not.toContain('TZID');
      for (const line of text.split('\r\n').filter((item) => /^DT(START|END)/.test(item)))
        expect(line).toMatch(/^DT(START|END):\d{8}T\d{6}Z$/);
    };
    expectExact(await (await fetch(`${api.url}/feeds/venues/${hall.venueId}.ics`)).text(), (id) => `busy-${id}@talkoot`);
    expectExact(await (await fetch(`${api.url}${feedPath(hall.privateFeedUrl)}`)).text(), (id) => `booking-feed-${id}@talkoot`);
    const { rows } = await api.sql.query(
      `select payload from outbox_messages where topic = 'mail.send' and payload->'rendered'->>'text' like '%Yökerho%' order by id desc limit 1`,
    );
    const attachment = rows[0].payload.attachments[0].content as string;
    const [attached] = eventsOf(attachment);
    expect(attached!.start.toISOString()).toBe(bookings[0]!.startsAt);
    expect(attached!.end.toISOString()).toBe(bookings[0]!.endsAt);
    expect(attachment).not.toContain('TZID');
  });
});
