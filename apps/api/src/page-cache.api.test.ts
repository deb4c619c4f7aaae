import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  helsinkiIso as helsinki,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startReplica,
  startTestApi,
} from './testing/test-api.js';

// The public page cache (ADR 020) through the portal's public origin: two portal processes, each
// in front of its own api replica on one database, as behind a load balancer.
const portalMain = path.resolve(import.meta.dirname, '../../portal/dist/server/main.js');
const nextYear = new Date().getUTCFullYear() + 1;
const monthPage = `/calendar?view=month&month=${nextYear}-06`;

interface Portal {
  url: string;
  stop: () => Promise<void>;
}

let api: TestApi;
let replica: TestApi;
let portalA: Portal;
let portalB: Portal;
let organisationId: string;
let organiserToken: string;
let eventId: string;
let homeVillageId: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startPortal(apiUrl: string, databaseUrl: string): Promise<Portal> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [portalMain], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', API_URL: apiUrl, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${url}/favicon.svg`);
      break;
    } catch {
      if (attempt > 600 || child.exitCode !== null) throw new Error('the portal did not start in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function page(portal: Portal, pathAndQuery: string, headers: Record<string, string> = {}) {
  return fetch(`${portal.url}${pathAndQuery}`, { headers: { 'accept-language': 'fi', ...headers }, redirect: 'manual' });
}

// The listener hears its first change a moment after start; until then nothing is kept.
async function untilKept(portal: Portal, pathAndQuery: string, headers: Record<string, string> = {}) {
  for (let attempt = 0; attempt < 50; attempt++) {
    await (await page(portal, pathAndQuery, headers)).text();
    const second = await page(portal, pathAndQuery, headers);
    if (second.headers.get('x-cache') === 'HIT') return second;
    await second.text();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${pathAndQuery} was never kept`);
}

beforeAll(async () => {
  api = await startTestApi();
  replica = await startReplica(api);
  const databaseUrl = api.sql.options.connectionString!;
  [portalA, portalB] = await Promise.all([startPortal(api.url, databaseUrl), startPortal(replica.url, databaseUrl)]);
  const villageId = await makeVillage(api);
  homeVillageId = villageId;
  organisationId = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  const organiser = await makeUser(api, { name: 'Olli Organiser' });
  await addMember(api, organiser.id, organisationId, 'coordinator');
  organiserToken = await signIn(api, organiser.email);
  const created = await call(api, 'POST', `/api/organisations/${organisationId}/events`, {
    token: organiserToken,
    body: {
      title: { fi: 'Kesäteatteri: Tukkijoella', sv: 'Sommarteater: Tukkijoella', en: 'Summer theatre' },
      description: { fi: 'Kylän oma kesäteatteri.' },
      startsAt: helsinki(nextYear, 6, 12, 18),
      endsAt: helsinki(nextYear, 6, 12, 21),
      placeName: 'Kerkonkosken kesäteatteri',
      address: 'Teatterintie 1',
      villageId,
      category: 'culture',
      audiences: ['everyone'],
      publish: true,
    },
  });
  expect(created.status).toBe(201);
  eventId = created.json.event.id;
}, 120_000);

afterAll(async () => {
  await Promise.all([portalA?.stop(), portalB?.stop()]);
  await replica?.close();
  await api?.close();
});

describe('the public page cache', () => {
  it('answers a second signed-out reader from the kept page, and 304 to a matching If-None-Match', async () => {
    const kept = await untilKept(portalA, monthPage);
    const body = await kept.text();
    expect(body).toContain('Kesäteatteri: Tukkijoella');
    expect(kept.headers.get('age')).not.toBeNull();
    expect(kept.headers.get('vary')).toBe('Cookie, Accept-Language');
    expect(kept.headers.get('set-cookie')).toBeNull();
    const etag = kept.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);

    const revalidated = await page(portalA, monthPage, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    // Another replica names the same page with the same tag.
    expect((await page(portalB, monthPage, { 'if-none-match': etag })).status).toBe(304);
  });

  it('gives every answer its own script nonce, also from the kept page', async () => {
    await untilKept(portalA, `/events/${eventId}`);
    const [first, second] = [await page(portalA, `/events/${eventId}`), await page(portalA, `/events/${eventId}`)];
    const nonces = [first, second].map((answer) => /'nonce-([^']+)'/.exec(answer.headers.get('content-security-policy')!)![1]);
    expect(nonces[0]).not.toBe(nonces[1]);
    // The JSON-LD element carries the answer's own nonce.
    expect(await second.text()).toContain(`nonce="${nonces[1]}"`);
  });

  it('shows an organiser’s change on the next page in every portal within a second', async () => {
    await untilKept(portalA, monthPage);
    await untilKept(portalB, monthPage);
    const changed = await fetch(`${portalA.url}/api/organisations/${organisationId}/events/${eventId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${organiserToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: { fi: 'Kesäteatteri: Pohjantähden alla', sv: 'Sommarteater', en: 'Summer theatre' } }),
    });
    expect(changed.status).toBe(200);
    const changedAt = Date.now();
    for (const portal of [portalA, portalB]) {
      let body = '';
      while (Date.now() - changedAt < 1_000) {
        body = await (await page(portal, monthPage)).text();
        if (body.includes('Pohjantähden alla')) break;
      }
      expect(body).toContain('Pohjantähden alla');
    }
  });

  it('keeps the languages apart', async () => {
    const finnish = await (await untilKept(portalA, `/events/${eventId}`, { 'accept-language': 'fi' })).text();
    const swedish = await (await untilKept(portalA, `/events/${eventId}`, { 'accept-language': 'sv' })).text();
    const english = await (await untilKept(portalA, `/events/${eventId}`, { cookie: 'talkoot_lang=en' })).text();
    expect(finnish).toContain('<html lang="fi"');
    expect(swedish).toContain('<html lang="sv"');
    expect(english).toContain('<html lang="en"');
    expect(swedish).toContain('Sommarteater');
    // The language cookie wins over the browser's wish, as the pages decide it.
    const chosen = await page(portalA, `/events/${eventId}`, { cookie: 'talkoot_lang=sv', 'accept-language': 'en' });
    expect(await chosen.text()).toContain('<html lang="sv"');
  });

  it('never answers a signed-in reader from the kept page, nor keeps what they see', async () => {
    const secondReader = await makeUser(api, { name: 'Saara Second' });
    const secondToken = await signIn(api, secondReader.email);
    const anonymous = await untilKept(portalA, monthPage);
    const etag = anonymous.headers.get('etag')!;
    await anonymous.text();

    for (const [token, name] of [
      [organiserToken, 'Olli Organiser'],
      [secondToken, 'Saara Second'],
    ] as const) {
      const signedIn = await page(portalA, monthPage, { cookie: `talkoot_session=${token}`, 'if-none-match': etag });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('x-cache')).toBe('BYPASS');
      expect(signedIn.headers.get('etag')).toBeNull();
      expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
      expect(await signedIn.text()).toContain(name);
    }
    // The signed-out reader still gets the anonymous page, not a signed-in one.
    const after = await page(portalA, monthPage);
    expect(after.headers.get('x-cache')).toBe('HIT');
    const body = await after.text();
    expect(body).not.toContain('Olli Organiser');
    expect(body).not.toContain('Saara Second');
  });

  it('neither keeps nor serves a page with a one-shot notice or a cookie set', async () => {
    await untilKept(portalA, monthPage);
    const withNotice = await page(portalA, monthPage, { cookie: 'talkoot_notice=signed_out' });
    expect(withNotice.headers.get('x-cache')).toBe('BYPASS');
    expect(withNotice.headers.get('set-cookie')).toContain('talkoot_notice=;');
    expect(await withNotice.text()).toMatch(/class="notice"/);
    // A stale session cookie is cleared with Set-Cookie: that answer is not kept either.
    const stale = await page(portalA, monthPage, { cookie: 'talkoot_session=expired-token' });
    expect(stale.headers.get('x-cache')).toBe('BYPASS');
    expect(stale.headers.get('set-cookie')).toContain('talkoot_session=;');
    await stale.text();
    const next = await page(portalA, monthPage);
    expect(next.headers.get('x-cache')).toBe('HIT');
    expect(next.headers.get('set-cookie')).toBeNull();
    expect(await next.text()).not.toMatch(/class="notice"/);
  });

  it('keeps the venue pages too', async () => {
    expect(await (await untilKept(portalB, '/venues')).text()).toContain('<html lang="fi"');
  });

  it('keeps a lending item’s page and shows a new loan in every portal within a second', async () => {
    const item = await call(api, 'POST', `/api/organisations/${organisationId}/lending/items`, {
      token: organiserToken,
      body: {
        name: { fi: 'Tuolit' },
        category: 'furniture',
        quantity: 50,
        address: 'Kylätie 1',
        villageId: homeVillageId,
        borrowers: ['members', 'region', 'residents'],
        isApprovalRequired: true,
      },
    });
    expect(item.status).toBe(201);
    const itemPage = `/lending/items/${item.json.item.id}?month=${nextYear}-06`;
    for (const portal of [portalA, portalB])
      expect(await (await untilKept(portal, itemPage)).text()).toContain('50 / 50 vapaana');

    const requested = await fetch(`${portalB.url}/api/lending/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organiserToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        lines: [{ itemId: item.json.item.id, quantity: 30 }],
        startsAt: helsinki(nextYear, 6, 13, 10),
        endsAt: helsinki(nextYear, 6, 13, 18),
        collectorName: 'Olli Organiser',
      }),
    });
    expect(requested.status).toBe(201);
    const requestedAt = Date.now();
    for (const portal of [portalA, portalB]) {
      let body = '';
      while (Date.now() - requestedAt < 1_000) {
        body = await (await page(portal, itemPage)).text();
        if (body.includes('20 / 50 vapaana')) break;
      }
      expect(body).toContain('20 / 50 vapaana');
    }
  });

  it('answers a stored feed’s 304 at the public origin, and a rebuilt feed in every portal within a second (ADR 024)', async () => {
    const feed = (portal: Portal, headers: Record<string, string> = {}) =>
      fetch(`${portal.url}/feeds/calendar.ics`, { headers: { 'accept-encoding': 'gzip', ...headers } });
    const first = await feed(portalA);
    expect(first.status).toBe(200);
    const before = first.headers.get('etag')!;
    await first.arrayBuffer();
    // The listener connects a moment after start: until it does, the api answers every 304.
    for (const portal of [portalA, portalB]) {
      let answer = await feed(portal, { 'if-none-match': before });
      for (let attempt = 0; attempt < 100 && answer.headers.get('x-cache') !== 'HIT'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        answer = await feed(portal, { 'if-none-match': before });
      }
      expect(answer.status).toBe(304);
      expect(answer.headers.get('x-cache')).toBe('HIT');
      expect(answer.headers.get('etag')).toBe(before);
      expect(answer.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    }

    const changed = await fetch(`${portalA.url}/api/organisations/${organisationId}/events/${eventId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${organiserToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: { fi: 'Kesäteatteri: Syysilta', sv: 'Sommarteater', en: 'Summer theatre' } }),
    });
    expect(changed.status).toBe(200);
    // The worker is not running here: past its grace, the next request rebuilds the feed.
    await api.sql.query(`update feed_snapshots set stale_since = now() - interval '1 hour'`);
    const changedAt = Date.now();
    for (const portal of [portalB, portalA]) {
      let answer = await feed(portal, { 'if-none-match': before });
      while (answer.status === 304 && Date.now() - changedAt < 1_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        answer = await feed(portal, { 'if-none-match': before });
      }
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).not.toBe(before);
      expect(await answer.text()).toContain('Syysilta');
    }
  });

  it('keeps pages that do not opt in out of the cache', async () => {
    const signInPage = await page(portalA, '/sign-in');
    await signInPage.text();
    expect(signInPage.headers.get('x-cache')).toBeNull();
    expect(signInPage.headers.get('cache-control')).toBe('private, no-store');
  });
});
