import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { FeedService } from '@talkoot/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startReplica,
  startTestApi,
  helsinkiIso as helsinki,
} from './testing/test-api.js';

// Every calendar feed answers conditional requests the same way (one helper in platform): strong
// ETag per encoding, Last-Modified, 304 to a matching If-None-Match (weak comparison, lists, *)
// or, without one, to If-Modified-Since; gzip when asked; a new version after a change.
let api: TestApi;
let villageId: string;
let organisationId: string;
let coordinator: string;
let booker: string;
let bookerOrganisationId: string;

const nextYear = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  organisationId = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  bookerOrganisationId = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  const owner = await makeUser(api);
  await addMember(api, owner.id, organisationId, 'coordinator');
  coordinator = await signIn(api, owner.email);
  const guest = await makeUser(api);
  await addMember(api, guest.id, bookerOrganisationId, 'coordinator');
  booker = await signIn(api, guest.email);
});
afterAll(async () => {
  await api?.close();
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

// fetch() would undo the gzip; the raw bytes show what was sent.
function get(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${api.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function createEvent(title: string, day: number) {
  const created = await call(api, 'POST', `/api/organisations/${organisationId}/events`, {
    token: coordinator,
    body: {
      title: { fi: title },
      description: { fi: 'Kaikki tervetulleita.' },
      startsAt: helsinki(nextYear, 5, day, 18),
      endsAt: helsinki(nextYear, 5, day, 20),
      placeName: 'Kylätalo',
      villageId,
      category: 'meeting',
      audiences: ['everyone'],
      publish: true,
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.event.id as string;
}

async function bookHall(spaceId: string, day: number) {
  const start = new Date(Date.now() + day * 86_400_000);
  const [year, month, date] = [start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()];
  const made = await call(api, 'POST', '/api/bookings', {
    token: booker,
    body: {
      spaceId,
      startsAt: helsinki(year, month, date, 10),
      endsAt: helsinki(year, month, date, 12),
      title: `Harjoitukset ${day}`,
      organisationId: bookerOrganisationId,
    },
  });
  expect(made.status, made.text).toBe(201);
}

// The whole conditional-request contract of one feed; `change` must change its bytes.
async function expectConditionalGets(path: string, change: () => Promise<void>, cacheControl: string) {
  const first = await get(path);
  expect(first.status).toBe(200);
  expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
  expect(first.headers['content-encoding']).toBeUndefined();
  expect(first.headers['cache-control']).toBe(cacheControl);
  expect(first.headers.vary).toMatch(/accept-encoding/i);
  const etag = first.headers.etag!;
  expect(etag).toMatch(/^"[^"]+"$/);
  const lastModified = first.headers['last-modified']!;
  expect(new Date(lastModified).toUTCString()).toBe(lastModified);
  expect(first.body.toString('utf8')).toContain('BEGIN:VCALENDAR');

  // gzip: its own strong ETag, and the same bytes once decoded.
  const zipped = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
  expect(zipped.status).toBe(200);
  expect(zipped.headers['content-encoding']).toBe('gzip');
  const gzipEtag = zipped.headers.etag!;
  expect(gzipEtag).toMatch(/^"[^"]+"$/);
  expect(gzipEtag).not.toBe(etag);
  expect(gunzipSync(zipped.body).equals(first.body)).toBe(true);
  expect(zipped.headers['last-modified']).toBe(lastModified);
  expect((await get(path, { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined();

  // If-None-Match, weak comparison: strong, weak, in a list, and *.
  for (const ifNoneMatch of [etag, `W/${etag}`, `"something-else", W/${etag}`, '*']) {
    const answer = await get(path, { 'if-none-match': ifNoneMatch });
    expect(answer.status, ifNoneMatch).toBe(304);
    expect(answer.body.length).toBe(0);
    expect(answer.headers.etag).toBe(etag);
  }
  expect((await get(path, { 'if-none-match': gzipEtag, 'accept-encoding': 'gzip' })).status).toBe(304);
  expect((await get(path, { 'if-none-match': `W/${gzipEtag}`, 'accept-encoding': 'gzip' })).status).toBe(304);
  expect((await get(path, { 'if-none-match': '"something-else"' })).status).toBe(200);

  // If-Modified-Since, used only without If-None-Match.
  expect((await get(path, { 'if-modified-since': lastModified })).status).toBe(304);
  expect((await get(path, { 'if-modified-since': new Date(Date.parse(lastModified) + 3_600_000).toUTCString() })).status).toBe(
    304,
  );
  expect((await get(path, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
  expect((await get(path, { 'if-modified-since': 'not a date' })).status).toBe(200);
  expect((await get(path, { 'if-modified-since': lastModified, 'if-none-match': '"something-else"' })).status).toBe(200);

  // The same bytes keep their validators.
  const again = await get(path);
  expect(again.headers.etag).toBe(etag);
  expect(again.headers['last-modified']).toBe(lastModified);

  // After a change: a new ETag and a later Last-Modified, even within the same second.
  await change();
  const changed = await get(path, { 'if-none-match': etag });
  expect(changed.status).toBe(200);
  expect(changed.headers.etag).not.toBe(etag);
  expect(changed.body.equals(first.body)).toBe(false);
  expect(Date.parse(changed.headers['last-modified']!)).toBeGreaterThan(Date.parse(lastModified));
  expect((await get(path, { 'if-modified-since': lastModified })).status).toBe(200);
  expect((await get(path, { 'if-modified-since': changed.headers['last-modified']! })).status).toBe(304);
  expect((await get(path, { 'if-none-match': changed.headers.etag! })).status).toBe(304);
}

const rebuildFeeds = () => api.app.get(FeedService).rebuildStale();

describe('conditional requests and gzip on every calendar feed', () => {
  it('the filtered calendar feed (stored bytes)', async () => {
    await createEvent('Kyläkokous', 5);
    await expectConditionalGets(
      `/feeds/calendar.ics?category=meeting&village=${villageId}`,
      async () => {
        await createEvent('Toinen kyläkokous', 6);
        await rebuildFeeds();
      },
      'public, max-age=300, stale-while-revalidate=3600',
    );
  });

  it("an organisation's feed (stored bytes)", async () => {
    await expectConditionalGets(
      `/feeds/organisations/${organisationId}.ics`,
      async () => {
        await createEvent('Syystalkoot', 7);
        await rebuildFeeds();
      },
      'public, max-age=300, stale-while-revalidate=3600',
    );
  });

  it("an event's .ics file (computed per request)", async () => {
    const eventId = await createEvent('Pihakirppis', 8);
    await expectConditionalGets(
      `/feeds/events/${eventId}.ics`,
      async () => {
        const changed = await call(api, 'PATCH', `/api/organisations/${organisationId}/events/${eventId}`, {
          token: coordinator,
          body: { title: { fi: 'Pihakirppis ja kahvila' } },
        });
        expect(changed.status, changed.text).toBe(200);
      },
      'public, max-age=300',
    );
    expect((await get(`/feeds/events/${eventId}.ics`)).headers['content-disposition']).toBe(
      'attachment; filename="tapahtuma.ics"',
    );
  });

  it("a venue's public busy feed and the owner's secret feed (computed per request)", async () => {
    const created = await call(api, 'POST', `/api/organisations/${organisationId}/venues`, {
      token: coordinator,
      body: { villageId, name: 'Kerkonkosken kylätalo', address: 'Koulutie 2, Rautalampi', capacity: 80 },
    });
    const venueId = created.json.venue.id as string;
    const space = await call(api, 'POST', `/api/organisations/${organisationId}/venues/${venueId}/spaces`, {
      token: coordinator,
      body: { name: 'Sali', bookableBy: 'anyone' },
    });
    const spaceId = space.json.venue.spaces[0].id as string;
    const manage = await call(api, 'GET', `/api/organisations/${organisationId}/venues/${venueId}`, { token: coordinator });
    const privatePath = new URL(manage.json.venue.privateFeedUrl as string).pathname;
    await bookHall(spaceId, 20);

    await expectConditionalGets(`/feeds/venues/${venueId}.ics`, () => bookHall(spaceId, 21), 'public, max-age=900');
    await expectConditionalGets(privatePath, () => bookHall(spaceId, 22), 'private, max-age=300');
    expect((await get(privatePath)).headers['referrer-policy']).toBe('no-referrer');
    // The secret token is not what the version is kept under.
    const { rows } = await api.sql.query('select key from served_versions');
    expect(rows.map((row: { key: string }) => row.key).join(' ')).not.toContain(
      privatePath.split('/').at(-1)!.replace('.ics', ''),
    );
  });
});

describe('the validators of stored feeds, kept in memory by every api replica', () => {
  it('answers 304 without asking the database, and a replica serves a change made through another within a second', async () => {
    const replica = await startReplica(api);
    try {
      const path = `/feeds/organisations/${organisationId}.ics`;
      const first = await call(api, 'GET', path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect((await call(replica, 'GET', path, { headers: { 'if-none-match': etag } })).status).toBe(304);
      // Give the listeners a moment to be certain of their connections before the lock.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await call(replica, 'GET', path, { headers: { 'if-none-match': etag } })).status).toBe(304);

      // With the stored feeds locked, any read of them would wait: the 304 comes from memory.
      const locker = await api.sql.connect();
      try {
        await locker.query('begin');
        await locker.query('lock table feed_snapshots in access exclusive mode');
        const answer = await Promise.race([
          call(replica, 'GET', path, { headers: { 'if-none-match': etag } }),
          new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3000)),
        ]);
        expect(answer === 'waited' ? answer : answer.status).toBe(304);
      } finally {
        await locker.query('rollback');
        locker.release();
      }

      // A change through the first replica, rebuilt there (as the worker does): the other one
      // serves the new version, not the remembered validators, within a second.
      await createEvent('Joulutalkoot', 9);
      await rebuildFeeds();
      const changedAt = Date.now();
      let seen: Awaited<ReturnType<typeof call>>;
      do {
        seen = await call(replica, 'GET', path, { headers: { 'if-none-match': etag } });
      } while (seen.status === 304 && Date.now() - changedAt < 5000);
      expect(seen.status).toBe(200);
      expect(Date.now() - changedAt).toBeLessThan(1000);
      expect(seen.headers.get('etag')).not.toBe(etag);
      expect(seen.text).toContain('Joulutalkoot');
    } finally {
      await replica.close();
    }
  });

  it('never serves remembered validators while its listening connection is lost, and listens again by itself', async () => {
    const path = `/feeds/organisations/${organisationId}.ics`;
    const before = await call(api, 'GET', path);
    const etag = before.headers.get('etag')!;
    expect((await call(api, 'GET', path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // The database drops the listening connection (a restart, a failover): a change made then
    // could go unheard, so the memory is forgotten and reads go to the database until it listens again.
    await api.sql.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'listen:feed_snapshots'`,
    );
    await createEvent('Pikkujoulut', 10);
    await rebuildFeeds();
    const after = await call(api, 'GET', path, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.text).toContain('Pikkujoulut');
    // And it comes back: a listening connection is open again within a few seconds.
    const deadline = Date.now() + 5000;
    let listeners = 0;
    while (Date.now() < deadline && listeners === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      listeners = (
        await api.sql.query(`select count(*)::int as n from pg_stat_activity where application_name = 'listen:feed_snapshots'`)
      ).rows[0].n;
    }
    expect(listeners).toBeGreaterThan(0);
  });
});
