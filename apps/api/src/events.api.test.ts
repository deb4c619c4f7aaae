import { DigestService, FeedService } from '@talkoot/events';
import { dayText, helsinkiParts, isoWeekday } from '@talkoot/platform';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  lastMailTo,
  linkIn,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
  helsinkiIso as helsinki,
} from './testing/test-api.js';

// The joint event calendar over HTTP against a real PostgreSQL: organisers, co-organisers,
// recurring dates, the public calendar, stored feeds and the email digest.
let api: TestApi;
let villageId: string;
let otherVillageId: string;
let municipalityId: string;
const publisher = { id: '', coordinator: '', member: '' };
const partner = { id: '', coordinator: '' };
const stranger = { id: '', coordinator: '' };

const nextYear = new Date().getUTCFullYear() + 1;

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

async function coordinatorOf(organisationId: string, role: 'coordinator' | 'member' = 'coordinator') {
  const user = await makeUser(api);
  await addMember(api, user.id, organisationId, role);
  return signIn(api, user.email);
}

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  otherVillageId = await makeVillage(api);
  municipalityId = (await api.sql.query('select municipality_id from villages where id = $1', [villageId])).rows[0]
    .municipality_id;
  publisher.id = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  partner.id = await makeOrganisation(api, villageId, 'Rautalammin Eläkkeensaajat ry');
  stranger.id = await makeOrganisation(api, otherVillageId, 'Vesannon Urheilijat ry');
  publisher.coordinator = await coordinatorOf(publisher.id);
  publisher.member = await coordinatorOf(publisher.id, 'member');
  partner.coordinator = await coordinatorOf(partner.id);
  stranger.coordinator = await coordinatorOf(stranger.id);
});
afterAll(async () => {
  await api?.close();
});

function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    title: { fi: 'Kesäteatteri: Tukkijoella', sv: 'Sommarteater' },
    description: { fi: 'Kylän oma kesäteatteri, väliajalla kahvia.' },
    startsAt: helsinki(nextYear, 6, 12, 18),
    endsAt: helsinki(nextYear, 6, 12, 21),
    placeName: 'Kerkonkosken kesäteatteri',
    address: 'Teatterintie 1',
    villageId,
    category: 'culture',
    audiences: ['everyone'],
    publish: true,
    ...overrides,
  };
}

const create = (body: Record<string, unknown>, token = publisher.coordinator, organisationId = publisher.id) =>
  call(api, 'POST', `/api/organisations/${organisationId}/events`, { token, body });

const text = (value: string | { val: string } | undefined) => (typeof value === 'string' ? value : value?.val);

async function feed(path: string) {
  const response = await call(api, 'GET', path, { headers: { accept: 'application/json' } });
  expect(response.status, response.text).toBe(200);
  return {
    response,
    events: Object.values(ical.sync.parseICS(response.text)).filter((item): item is VEvent => item?.type === 'VEVENT'),
  };
}

async function rebuildFeeds() {
  await api.app.get(FeedService).rebuildStale();
}

describe('organisers and co-organisers', () => {
  it('publishes an event that the co-organiser sees, shown as co-organised only once it accepts', async () => {
    const created = await create(eventBody({ coOrganiserIds: [partner.id] }));
    expect(created.status, created.text).toBe(201);
    const eventId = created.json.event.id;
    expect(created.json.event.coOrganisers).toEqual([
      { id: partner.id, name: 'Rautalammin Eläkkeensaajat ry', status: 'invited' },
    ]);

    const partnerList = await call(api, 'GET', `/api/organisations/${partner.id}/events`, { token: partner.coordinator });
    expect(partnerList.json.events.map((event: { id: string }) => event.id)).toContain(eventId);
    expect((await call(api, 'GET', `/api/events/${eventId}`)).json.event.coOrganisers).toEqual([]);
    const partnerFeedBefore = await feed(`/feeds/organisations/${partner.id}.ics`);
    expect(partnerFeedBefore.events).toHaveLength(0);

    const accepted = await call(api, 'POST', `/api/organisations/${partner.id}/events/${eventId}/co-organising`, {
      token: partner.coordinator,
      body: { accept: true },
    });
    expect(accepted.status, accepted.text).toBe(200);
    await rebuildFeeds();
    expect((await call(api, 'GET', `/api/events/${eventId}`)).json.event.coOrganisers).toEqual([
      expect.objectContaining({ id: partner.id, status: 'accepted' }),
    ]);
    const [inPartnerFeed] = (await feed(`/feeds/organisations/${partner.id}.ics`)).events;
    expect(inPartnerFeed?.summary).toContain('Kesäteatteri');
    const [inPublisherFeed] = (await feed(`/feeds/organisations/${publisher.id}.ics`)).events;
    expect(inPublisherFeed?.uid).toBe(inPartnerFeed?.uid);

    // Cancelling keeps it in both feeds, marked cancelled.
    expect(
      (
        await call(api, 'POST', `/api/organisations/${publisher.id}/events/${eventId}/cancellation`, {
          token: publisher.coordinator,
        })
      ).status,
    ).toBe(200);
    await rebuildFeeds();
    for (const organisationId of [publisher.id, partner.id]) {
      const [cancelled] = (await feed(`/feeds/organisations/${organisationId}.ics`)).events;
      expect(cancelled?.status).toBe('CANCELLED');
      expect(Number(cancelled?.sequence)).toBeGreaterThan(Number(inPartnerFeed?.sequence));
    }
  });

  it('refuses edits by anyone but the publisher, and names bad input', async () => {
    const { json } = await create(eventBody());
    const eventId = json.event.id;
    const change = { title: { fi: 'Muutettu' } };
    expect((await call(api, 'PATCH', `/api/organisations/${publisher.id}/events/${eventId}`, { body: change })).status).toBe(401);
    expect(
      (
        await call(api, 'PATCH', `/api/organisations/${publisher.id}/events/${eventId}`, {
          token: publisher.member,
          body: change,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(api, 'PATCH', `/api/organisations/${publisher.id}/events/${eventId}`, {
          token: stranger.coordinator,
          body: change,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(api, 'PATCH', `/api/organisations/${stranger.id}/events/${eventId}`, {
          token: stranger.coordinator,
          body: change,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(api, 'POST', `/api/organisations/${stranger.id}/events/${eventId}/cancellation`, {
          token: stranger.coordinator,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(api, 'POST', `/api/organisations/${stranger.id}/events/${eventId}/co-organising`, {
          token: stranger.coordinator,
          body: { accept: true },
        })
      ).status,
    ).toBe(404);
    const invalid = await create(eventBody({ title: {}, endsAt: helsinki(nextYear, 6, 12, 17), category: 'wrestling' }));
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { title: 'Write it in at least one language', category: 'Choose a category' },
      fieldReasons: { title: 'validation.custom', category: 'validation.invalid_value' },
    });
    const badVillage = await create(eventBody({ villageId: '00000000-0000-4000-8000-000000000000' }));
    expect(badVillage.status).toBe(400);
    expect(badVillage.json.error).toMatchObject({
      reason: 'place.village_unknown',
      fields: { villageId: 'Choose a village from the list' },
      fieldReasons: { villageId: 'place.village_unknown' },
    });
    const edited = await call(api, 'PATCH', `/api/organisations/${publisher.id}/events/${eventId}`, {
      token: publisher.coordinator,
      body: change,
    });
    expect(edited.json.event.title).toEqual({ fi: 'Muutettu' });
    expect(edited.json.event.occurrences[0].sequence).toBe(1);
  });

  it('keeps drafts out of the public calendar until they are published', async () => {
    const draft = await create(eventBody({ publish: false, title: { fi: 'Salainen luonnos' } }));
    expect((await call(api, 'GET', `/api/events/${draft.json.event.id}`)).status).toBe(404);
    const from = `${nextYear}-06-01`;
    const listed = async () => (await call(api, 'GET', `/api/calendar?from=${from}&to=${nextYear}-06-30&q=salainen`)).json.items;
    expect(await listed()).toEqual([]);
    await call(api, 'POST', `/api/organisations/${publisher.id}/events/${draft.json.event.id}/publication`, {
      token: publisher.coordinator,
    });
    expect(await listed()).toHaveLength(1);
  });
});

describe('recurring events', () => {
  it('changes or cancels one date on its own, and the feed says so', async () => {
    const created = await create(
      eventBody({
        title: { fi: 'Tuolijumppa' },
        category: 'seniors',
        audiences: ['seniors'],
        startsAt: helsinki(nextYear, 9, 1, 10),
        endsAt: helsinki(nextYear, 9, 1, 11),
        recurrence: { frequency: 'weekly', interval: 1, weekdays: [], count: 5, until: null, exceptions: [`${nextYear}-09-15`] },
      }),
    );
    expect(created.status, created.text).toBe(201);
    const dates = created.json.event.occurrences as { id: string; startsAt: string }[];
    expect(dates.map((date) => date.startsAt)).toEqual(
      [1, 8, 22, 29].map((day) => helsinki(nextYear, 9, day, 10)).concat(helsinki(nextYear, 10, 6, 10)),
    );
    const path = (occurrenceId: string) =>
      `/api/organisations/${publisher.id}/events/${created.json.event.id}/occurrences/${occurrenceId}`;
    const moved = await call(api, 'PATCH', path(dates[1]!.id), {
      token: publisher.coordinator,
      body: {
        startsAt: helsinki(nextYear, 9, 9, 10),
        endsAt: helsinki(nextYear, 9, 9, 11),
        note: { fi: 'Poikkeuksellisesti keskiviikkona' },
      },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(
      (await call(api, 'PATCH', path(dates[2]!.id), { token: publisher.coordinator, body: { isCancelled: true } })).status,
    ).toBe(200);
    expect(
      (await call(api, 'PATCH', path(dates[3]!.id), { token: stranger.coordinator, body: { isCancelled: true } })).status,
    ).toBe(403);
    await rebuildFeeds();
    const { events } = await feed(`/feeds/calendar.ics?q=tuolijumppa`);
    const byUid = new Map(events.map((event) => [event.uid, event]));
    const movedEvent = byUid.get(`occurrence-${dates[1]!.id}@talkoot`)!;
    expect(new Date(movedEvent.start).toISOString()).toBe(helsinki(nextYear, 9, 9, 10));
    expect(movedEvent.description).toContain('keskiviikkona');
    expect(Number(movedEvent.sequence)).toBe(1);
    expect(byUid.get(`occurrence-${dates[2]!.id}@talkoot`)?.status).toBe('CANCELLED');
    expect(byUid.get(`occurrence-${dates[0]!.id}@talkoot`)?.status).toBe('CONFIRMED');
  });

  it('keeps the local time across the change to winter time', async () => {
    const lastSundayOfOctober = 31 - (isoWeekday(dayText(nextYear, 10, 31)) % 7);
    const created = await create(
      eventBody({
        title: { fi: 'Iltamessu' },
        category: 'church',
        startsAt: helsinki(nextYear, 10, lastSundayOfOctober - 7, 18),
        endsAt: helsinki(nextYear, 10, lastSundayOfOctober - 7, 19),
        recurrence: { frequency: 'weekly', interval: 1, weekdays: [7], count: 2, until: null, exceptions: [] },
      }),
    );
    expect(created.status, created.text).toBe(201);
    await rebuildFeeds();
    const { response, events } = await feed('/feeds/calendar.ics?q=iltamessu');
    // UTC instants, which need no zone rules (see the repeated-hour test below).
    expect(response.text).not.toContain('TZID');
    const starts = events.map((event) => new Date(event.start).toISOString()).sort();
    expect(starts).toEqual([
      helsinki(nextYear, 10, lastSundayOfOctober - 7, 18),
      helsinki(nextYear, 10, lastSundayOfOctober, 18),
    ]);
    expect(new Set(starts.map((start) => new Date(start).getUTCHours()))).toEqual(new Set([15, 16]));
  });
});

describe('the public calendar and its feeds', () => {
  it('filters by place and audience, finds Finnish words inside compounds, and the feed holds exactly those events', async () => {
    const seniors = await create(
      eventBody({
        title: { fi: 'Eläkeläisten tanssit' },
        category: 'seniors',
        audiences: ['seniors'],
        startsAt: helsinki(nextYear, 7, 3, 14),
        endsAt: helsinki(nextYear, 7, 3, 17),
      }),
    );
    const children = await create(
      eventBody({
        title: { fi: 'Lasten satutunti' },
        category: 'children',
        audiences: ['children'],
        startsAt: helsinki(nextYear, 7, 4, 10),
        endsAt: helsinki(nextYear, 7, 4, 11),
      }),
    );
    const elsewhere = await create(
      eventBody({
        title: { fi: 'Vesannon seniorilenkki' },
        audiences: ['seniors'],
        villageId: otherVillageId,
        startsAt: helsinki(nextYear, 7, 5, 10),
        endsAt: helsinki(nextYear, 7, 5, 11),
      }),
      stranger.coordinator,
      stranger.id,
    );
    const listed = await call(
      api,
      'GET',
      `/api/calendar?from=${nextYear}-07-01&to=${nextYear}-07-31&municipality=${municipalityId}&audience=seniors`,
    );
    expect(listed.status, listed.text).toBe(200);
    const eventIds = listed.json.items.map((item: { eventId: string }) => item.eventId);
    expect(eventIds).toContain(seniors.json.event.id);
    expect(eventIds).not.toContain(children.json.event.id);
    expect(eventIds).not.toContain(elsewhere.json.event.id);

    const query = `municipality=${municipalityId}&audience=seniors`;
    const { response, events } = await feed(`/feeds/calendar.ics?${query}`);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const summaries = events.map((event) => event.summary);
    expect(summaries).toContain('Eläkeläisten tanssit');
    expect(summaries).not.toContain('Lasten satutunti');
    expect(summaries).not.toContain('Vesannon seniorilenkki');
    expect(events.find((event) => event.summary === 'Eläkeläisten tanssit')?.description).toContain(
      `/events/${seniors.json.event.id}`,
    );

    const search = await call(
      api,
      'GET',
      `/api/calendar?from=${nextYear}-06-01&to=${nextYear}-06-30&q=${encodeURIComponent('TEATTERI')}`,
    );
    expect(search.json.items.map((item: { title: { fi: string } }) => item.title.fi)).toContain('Kesäteatteri: Tukkijoella');
    const accented = await call(
      api,
      'GET',
      `/api/calendar?from=${nextYear}-06-01&to=${nextYear}-06-30&q=${encodeURIComponent('kesäteatteri')}`,
    );
    expect(accented.json.items.length).toBeGreaterThan(0);
    const wildcard = await call(
      api,
      'GET',
      `/api/calendar?from=${nextYear}-06-01&to=${nextYear}-06-30&q=${encodeURIComponent('%')}`,
    );
    expect(wildcard.json.items).toEqual([]);
    const badFilter = await call(api, 'GET', '/api/calendar?category=wrestling');
    expect(badFilter.status).toBe(400);
    expect(badFilter.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the filter',
      reason: 'calendar.filter_invalid',
      fields: { 'category.0': expect.stringContaining('Invalid option') },
      fieldReasons: { 'category.0': 'calendar.filter_invalid' },
    });
  });

  it('serves stored bytes with a strong ETag, 304 to a match, and builds a new feed once for 100 simultaneous requests', async () => {
    const feeds = api.app.get(FeedService);
    const path = `/feeds/calendar.ics?category=market&village=${villageId}`;
    const before = feeds.builds;
    const answers = await Promise.all(Array.from({ length: 100 }, () => call(api, 'GET', path)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(feeds.builds - before).toBe(1);
    const etag = answers[0]!.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Set(answers.map((answer) => answer.headers.get('etag')))).toEqual(new Set([etag]));
    expect(answers[0]!.headers.get('last-modified')).toBeTruthy();
    // Calendar apps ask for gzip; each encoding has its own strong ETag.
    expect(answers[0]!.headers.get('content-encoding')).toBe('gzip');
    const plain = await call(api, 'GET', path, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.text).toBe(answers[0]!.text);
    expect(plain.headers.get('etag')).not.toBe(etag);
    const notModified = await call(api, 'GET', path, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');

    // A change marks it stale: the worker rebuilds it, not the requests.
    await create(
      eventBody({
        title: { fi: 'Joulumarkkinat' },
        category: 'market',
        startsAt: helsinki(nextYear, 12, 5, 10),
        endsAt: helsinki(nextYear, 12, 5, 15),
      }),
    );
    const staleBuilds = feeds.builds;
    const stale = await Promise.all(Array.from({ length: 100 }, () => call(api, 'GET', path)));
    expect(feeds.builds).toBe(staleBuilds);
    expect(stale[0]!.headers.get('etag')).toBe(etag);
    // If the worker is late, the requests rebuild it themselves, still only once.
    await api.sql.query(`update feed_snapshots set stale_since = now() - interval '5 minutes' where stale_since is not null`);
    await Promise.all(Array.from({ length: 100 }, () => call(api, 'GET', path)));
    expect(feeds.builds - staleBuilds).toBe(1);
    const rebuilt = await call(api, 'GET', path, { headers: { 'if-none-match': etag } });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.text).toContain('Joulumarkkinat');
  });
});

describe('the size of a subscribed feed', () => {
  it("reaches 800 days ahead and shortens long descriptions, while the event's own .ics keeps all of it", async () => {
    const hour = 3_600_000;
    const farAhead = new Date(Math.ceil((Date.now() + 900 * 86_400_000) / hour) * hour);
    const far = await create(
      eventBody({
        title: { fi: 'Kylän 100-vuotisjuhla' },
        startsAt: farAhead.toISOString(),
        endsAt: new Date(farAhead.getTime() + 3 * hour).toISOString(),
      }),
    );
    expect(far.status, far.text).toBe(201);
    const story = `${'Kylätalon historia alkaa vuodesta 1926, jolloin talkoilla rakennettiin seuraintalo. '.repeat(12)}LOPPU`;
    const long = await create(eventBody({ title: { fi: 'Kyläillan tarinat' }, description: { fi: story } }));
    expect(long.status, long.text).toBe(201);

    const { events } = await feed(`/feeds/organisations/${publisher.id}.ics`);
    expect(events.map((event) => event.summary)).not.toContain('Kylän 100-vuotisjuhla');
    const shortened = text(events.find((event) => event.summary === 'Kyläillan tarinat')?.description)!;
    expect(shortened).toContain('Kylätalon historia alkaa vuodesta 1926');
    expect(shortened).not.toContain('LOPPU');
    expect(shortened).toContain('…');
    // The page with the whole text is still linked.
    expect(shortened).toContain(`/events/${long.json.event.id}`);

    const farFile = await feed(`/feeds/events/${far.json.event.id}.ics`);
    expect(farFile.events.map((event) => event.summary)).toEqual(['Kylän 100-vuotisjuhla']);
    const longFile = await feed(`/feeds/events/${long.json.event.id}.ics`);
    expect(text(longFile.events[0]?.description)).toContain('LOPPU');
  });
});

describe('the repeated autumn hour and the spring gap', () => {
  it('writes such events as UTC instants, so an independent parser reads the whole region feed and every exact instant', async () => {
    const autumn = nextClockChange(10);
    const spring = nextClockChange(3);
    const cases = [
      // 03:30 summer time (UTC+3) → 03:00 winter time (UTC+2): with TZID it would end before it starts.
      { title: 'Kellojen siirron yöjuoksu', startsAt: minutesFrom(autumn, -30), endsAt: minutesFrom(autumn, 0) },
      // 03:10–03:50 the second time round (UTC+2): with TZID it would read an hour early.
      { title: 'Toisen kolmen tunnin tähtiretki', startsAt: minutesFrom(autumn, 10), endsAt: minutesFrom(autumn, 50) },
      // 02:30 winter time → 04:30 summer time: one hour over the hour that does not exist.
      { title: 'Kevätyön linturetki', startsAt: minutesFrom(spring, -30), endsAt: minutesFrom(spring, 30) },
    ];
    const uids = new Map<string, (typeof cases)[number]>();
    for (const item of cases) {
      const created = await create(
        eventBody({ title: { fi: item.title }, category: 'nature', startsAt: item.startsAt, endsAt: item.endsAt }),
      );
      expect(created.status, created.text).toBe(201);
      uids.set(`occurrence-${created.json.event.occurrences[0].id}@talkoot`, item);
      const file = await call(api, 'GET', `/feeds/events/${created.json.event.id}.ics`);
      expect(file.status).toBe(200);
      const [only] = Object.values(ical.sync.parseICS(file.text)).filter(
        (component): component is VEvent => component?.type === 'VEVENT',
      );
      expect(new Date(only!.start).toISOString(), item.title).toBe(item.startsAt);
      expect(new Date(only!.end!).toISOString(), item.title).toBe(item.endsAt);
    }
    await rebuildFeeds();
    const { response, events } = await feed('/feeds/calendar.ics');
    // Every VEVENT of the region feed parses, and every one ends after it starts.
    expect(events).toHaveLength(response.text.match(/\r\nBEGIN:VEVENT\r\n/g)!.length);
    for (const event of events)
      expect(new Date(event.end!).getTime(), event.uid).toBeGreaterThan(new Date(event.start).getTime());
    for (const [uid, item] of uids) {
      const event = events.find((candidate) => candidate.uid === uid);
      expect(event, item.title).toBeDefined();
      expect(new Date(event!.start).toISOString(), item.title).toBe(item.startsAt);
      expect(new Date(event!.end!).toISOString(), item.title).toBe(item.endsAt);
    }
    expect(response.text).not.toContain('TZID');
  });
});

describe('the email digest', () => {
  it('needs a confirmation, sends the week ahead through the outbox, and stops with one click', async () => {
    const email = `digest-${Date.now()}@example.org`;
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const local = helsinkiParts(soon);
    await create(
      eventBody({
        title: { fi: 'Pihatalkoot' },
        category: 'talkoot',
        startsAt: helsinki(local.year, local.month, local.day, 17),
        endsAt: helsinki(local.year, local.month, local.day, 19),
      }),
    );
    const bad = await call(api, 'POST', '/api/digest-subscriptions', { body: { email: 'not-an-address', frequency: 'weekly' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      fields: { email: 'Enter an email address' },
      fieldReasons: { email: 'validation.invalid_format' },
    });
    const subscribed = await call(api, 'POST', '/api/digest-subscriptions', {
      body: { email, language: 'fi', frequency: 'weekly', filter: { village: [villageId], category: ['talkoot'] } },
    });
    expect(subscribed.status, subscribed.text).toBe(202);
    const confirmMail = await lastMailTo(api, email);
    expect(confirmMail?.template).toBe('digest-confirm');
    const digests = api.app.get(DigestService);
    expect(await digests.sendDigests('weekly')).toBe(0);

    const token = new URL(linkIn(confirmMail, '/calendar/digest/confirm')).searchParams.get('token')!;
    expect(
      (await call(api, 'POST', '/api/digest-subscriptions/confirmation', { body: { token: `${token.slice(0, -4)}AAAA` } }))
        .status,
    ).toBe(404);
    expect((await call(api, 'POST', '/api/digest-subscriptions/confirmation', { body: { token } })).status).toBe(200);
    expect(await digests.sendDigests('weekly')).toBe(1);
    const digest = (
      await api.sql.query(
        `select payload from outbox_messages where payload->>'to' = $1 and payload->>'template' = 'event-digest'`,
        [email],
      )
    ).rows;
    expect(digest).toHaveLength(1);
    const payload = digest[0].payload;
    // One event in the letter, with its link: Pihatalkoot.
    expect(payload.rendered.text.match(/https?:\/\/\S+\/events\/\S+/g)).toHaveLength(1);
    expect(payload.rendered.text).toContain('Pihatalkoot');
    expect(payload.unsubscribe.url).toMatch(/\/api\/digest-subscriptions\/one-click-unsubscribe\?token=/);
    // The same week again: nothing more.
    expect(await digests.sendDigests('weekly')).toBe(0);

    const oneClick = new URL(payload.unsubscribe.url);
    const unsubscribed = await call(api, 'POST', `${oneClick.pathname}${oneClick.search}`, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsubscribed.status, unsubscribed.text).toBe(200);
    await api.sql.query(`update digest_subscriptions set last_sent_at = null where email = $1`, [email]);
    expect(await digests.sendDigests('weekly')).toBe(0);
  });
});

describe('the event picture', () => {
  it('is resized, needs a text alternative, and only the publisher sets it', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2f6b3a' } })
      .png()
      .toBuffer();
    const { json } = await create(eventBody({ title: { fi: 'Kuvallinen tapahtuma' } }));
    const path = `/api/organisations/${publisher.id}/events/${json.event.id}/image`;
    const upload = (token: string, alt: string | null, body: string | Buffer = png, organisationPath = path) =>
      fetch(`${api.url}${organisationPath}${alt === null ? '' : `?altText=${encodeURIComponent(alt)}`}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
        body,
      });
    const noAlt = await upload(publisher.coordinator, null);
    expect(noAlt.status).toBe(422);
    expect(((await noAlt.json()) as { error: unknown }).error).toMatchObject({
      reason: 'event.image_alt_length',
      fields: { imageAlt: 'Describe the picture in 3 to 300 characters' },
      fieldReasons: { imageAlt: 'event.image_alt_length' },
    });
    const notImage = await upload(publisher.coordinator, 'Kuva', Buffer.from('not a picture'));
    expect(notImage.status).toBe(422);
    expect((await upload(stranger.coordinator, 'Kuva kylältä')).status).toBe(403);
    expect(
      (await upload(stranger.coordinator, 'Kuva kylältä', png, `/api/organisations/${stranger.id}/events/${json.event.id}/image`))
        .status,
    ).toBe(404);
    const uploaded = await upload(publisher.coordinator, 'Kyläläisiä tanssimassa lavalla');
    expect(uploaded.status).toBe(200);
    const { event } = (await uploaded.json()) as { event: { imageAlt: string; imageUrl: string } };
    expect(event.imageAlt).toBe('Kyläläisiä tanssimassa lavalla');
    const image = await fetch(`${api.url}${event.imageUrl}`);
    expect(image.headers.get('content-type')).toBe('image/webp');
    const metadata = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(metadata.width).toBe(1200);
  });
});

describe('confirmation mails of the email digest', () => {
  it('sends at most three to one address a day, even to parallel requests, and says when to try again', async () => {
    const email = `flooded-${Date.now()}@example.org`;
    const body = { email, language: 'fi', frequency: 'weekly', filter: {} };
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(api, 'POST', '/api/digest-subscriptions', { body })));
    expect(answers.map((answer) => answer.status).toSorted()).toEqual([202, 202, 202, 429, 429, 429]);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
    expect(refused.json.error.code).toBe('rate_limited');
    const { rows } = await api.sql.query(
      `select count(*)::int as n from outbox_messages where payload->>'to' = $1 and payload->>'template' = 'digest-confirm'`,
      [email],
    );
    expect(rows[0].n).toBe(3);
    const other = await call(api, 'POST', '/api/digest-subscriptions', { body: { ...body, email: `other-${email}` } });
    expect(other.status).toBe(202);
  });
});
