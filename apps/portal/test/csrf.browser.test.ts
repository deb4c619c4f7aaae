import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, signInByLink } from './browser.js';

// Forged form posts: a page on another site makes the person's browser post to one of our actions
// with the session cookie. Plain HTTP (Node's fetch sends no Origin and no Sec-Fetch-Site) with the
// cookie of a really signed-in person; every route module that exports an action is tried.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const appFolder = path.resolve(import.meta.dirname, '../app');

// The action routes, read from routes.ts so that a new one is covered without editing this test.
function actionRoutes(): { pattern: string; file: string }[] {
  const config = readFileSync(path.join(appFolder, 'routes.ts'), 'utf8');
  const routes = [...config.matchAll(/route\('([^']+)',\s*'([^']+)'\)/g)].map(([, pattern, file]) => ({
    pattern: pattern!,
    file: file!,
  }));
  const index = /index\('([^']+)'\)/.exec(config);
  if (index) routes.push({ pattern: '', file: index[1]! });
  return routes.filter(({ file }) =>
    /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(path.join(appFolder, file), 'utf8')),
  );
}

type Ids = { organisationId: string; otherOrganisationId: string; venueId: string; eventId: string };

function addressOf(pattern: string, ids: Ids): string {
  const filled = pattern
    .replace(/^venues\/:id/, `venues/${ids.venueId}`)
    .replace(':id', ids.organisationId)
    .replace(':eventId', ids.eventId)
    .replace(':token', 'x'.repeat(43))
    .replace('*', 'no-such-page');
  // An index route's own form posts to `/?index`.
  return pattern === '' ? '/?index' : `/${filled}`;
}

// What each form would send: enough that the action, if it ran, would really change something.
function formFor(pattern: string, ids: Ids): Record<string, string> {
  const forms: Record<string, Record<string, string>> = {
    profile: { intent: 'save', name: 'Väärennetty Nimi', phone: '', language: 'en' },
    language: { language: 'sv', redirectTo: '/' },
    'organisation-selection': { organisationId: ids.otherOrganisationId, redirectTo: '/' },
    'sign-in': { email: 'aino@example.org' },
    'calendar/digest': { email: 'aino@example.org', frequency: 'weekly' },
    'admin/organisations/:id': { intent: 'invite', email: 'forged@example.org', role: 'admin' },
    'organisations/:id/events/new': { title_fi: 'Väärennetty tapahtuma', publish: 'yes' },
    'organisations/:id/events/:eventId': { intent: 'cancel', confirmCancel: 'yes' },
    'dev/mail': { frequency: 'weekly' },
  };
  return forms[pattern] ?? { intent: 'cancel' };
}

type Fingerprint = Record<string, string>;

// What the person and their organisation look like through the api; a refused post changes none of it.
async function fingerprint(cookie: string, ids: Ids): Promise<Fingerprint> {
  const paths = [
    '/api/me',
    '/api/me/bookings',
    '/api/me/waitlist',
    '/api/organisations',
    `/api/organisations/${ids.organisationId}`,
    `/api/organisations/${ids.organisationId}/members`,
    `/api/organisations/${ids.organisationId}/invitations`,
    `/api/organisations/${ids.organisationId}/events`,
    `/api/organisations/${ids.organisationId}/bookings`,
    '/api/venues',
  ];
  const result: Fingerprint = {};
  for (const address of paths) {
    const response = await fetch(`${baseUrl()}${address}`, { headers: { Cookie: cookie } });
    result[address] = `${response.status} ${await response.text()}`;
  }
  const { messages } = (await (await fetch(`${baseUrl()}/api/dev/mail`)).json()) as { messages: unknown[] };
  result.mail = String(messages.length);
  return result;
}

async function signedInCookie(email: string): Promise<string> {
  const { page, context } = await openPage(browser);
  await signInByLink(page, email);
  const cookies = await context.cookies();
  await context.close();
  const session = cookies.find((cookie) => cookie.name.endsWith('talkoot_session'));
  expect(session, 'a session cookie after signing in').toBeDefined();
  return `${session!.name}=${session!.value}; talkoot_lang=fi`;
}

async function findIds(cookie: string): Promise<Ids> {
  const get = async (address: string) => (await fetch(`${baseUrl()}${address}`, { headers: { Cookie: cookie } })).json();
  const { organisations } = await get('/api/organisations');
  const organisation = organisations.find((entry: { name: string }) => entry.name === 'Kotalahden kyläyhdistys ry');
  const other = organisations.find((entry: { name: string }) => entry.name.startsWith('Kotalahden Martat'));
  const { venues } = await get('/api/venues');
  const { events } = await get(`/api/organisations/${organisation.id}/events`);
  const venue = venues.find((entry: { organisation: { id: string } }) => entry.organisation.id === organisation.id);
  return { organisationId: organisation.id, otherOrganisationId: other.id, venueId: venue.id, eventId: events[0].id };
}

describe('forged form posts', () => {
  it('refuses every cookie-carried action posted without Origin or from another site, and changes nothing', async () => {
    const cookie = await signedInCookie('aino@example.org');
    const ids = await findIds(cookie);
    const routes = actionRoutes();
    // The actions of today (a guard against the reading of routes.ts silently finding none).
    expect(routes.map(({ pattern }) => pattern)).toEqual(
      expect.arrayContaining(['profile', 'language', 'sign-out', 'bookings', 'organisations/:id/events/:eventId', 'venues/:id']),
    );
    const before = await fingerprint(cookie, ids);

    const variants: { name: string; headers: Record<string, string> }[] = [
      { name: 'no Origin', headers: {} },
      { name: 'Sec-Fetch-Site: cross-site', headers: { 'Sec-Fetch-Site': 'cross-site' } },
      { name: 'Sec-Fetch-Site: same-site', headers: { 'Sec-Fetch-Site': 'same-site' } },
      { name: 'another site as Origin', headers: { Origin: 'https://kyla.example' } },
    ];
    for (const { pattern } of routes) {
      const address = addressOf(pattern, ids);
      for (const variant of variants) {
        // As a script-driven form (`.data`) and as a plain one: both reach the same action.
        for (const target of [address, address.replace(/^\/([^?]*)/, (_whole, rest: string) => `/${rest || '_root'}.data`)]) {
          const response = await fetch(`${baseUrl()}${target}`, {
            method: 'POST',
            headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', ...variant.headers },
            body: new URLSearchParams(formFor(pattern, ids)),
            redirect: 'manual',
          });
          const what = `${target} with ${variant.name}`;
          expect(response.status, what).toBe(403);
          expect(response.headers.getSetCookie(), what).toEqual([]);
          expect(await response.text(), what).toContain('Lomaketta ei lähetetty');
        }
      }
    }

    // Mail goes out through the outbox: give an accepted post the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await fingerprint(cookie, ids)).toEqual(before);
  });

  it("lets the browser's own form posts through: the same profile post with the browser's headers saves", async () => {
    const cookie = await signedInCookie('matti@example.org');
    const me = async () =>
      (
        (await (await fetch(`${baseUrl()}/api/me`, { headers: { Cookie: cookie } })).json()) as {
          user: { name: string; phone: string | null; language: string };
        }
      ).user;
    const { name, phone, language } = await me();
    const post = (newName: string) =>
      fetch(`${baseUrl()}/profile`, {
        method: 'POST',
        headers: {
          Cookie: cookie,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Sec-Fetch-Site': 'same-origin',
          Origin: baseUrl(),
        },
        body: new URLSearchParams({ intent: 'save', name: newName, phone: phone ?? '', language }),
        redirect: 'manual',
      });
    expect((await post('Matti Testinen')).status).toBe(303);
    expect((await me()).name).toBe('Matti Testinen');
    expect((await post(name)).status).toBe(303);
    expect((await me()).name).toBe(name);
  });

  it('leaves signed-out posts that carry no session as they were (they can do only what anyone can)', async () => {
    const response = await fetch(`${baseUrl()}/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'nobody@example.org' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
  });
});
