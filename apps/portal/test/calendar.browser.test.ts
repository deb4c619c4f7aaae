import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDayOf } from '@talkoot/platform/time';
import {
  baseUrl,
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  openPage,
  signInByLink,
  waitForDevMail,
} from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Places = { regions: { municipalities: { id: string; name: string; villages: { id: string; name: string }[] }[] }[] };
type CreatedEvent = { id: string; occurrences: { id: string; startsAt: string }[] };

async function post(page: Page, path: string, body: unknown, method: 'POST' | 'PATCH' = 'POST') {
  const response = await page.request.fetch(path, { method, data: body, headers: { origin: baseUrl() } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

// Ten days ahead at noon UTC (afternoon in Helsinki): inside the list's first four weeks.
function daysAhead(days: number, hours = 2): { startsAt: string; endsAt: string } {
  const start = new Date(Date.now() + days * 86_400_000);
  start.setUTCHours(10, 0, 0, 0);
  const end = new Date(start.getTime() + hours * 3_600_000);
  return { startsAt: start.toISOString(), endsAt: end.toISOString() };
}

// The Helsinki month ('YYYY-MM') `days` ahead.
function monthAhead(days: number): string {
  return helsinkiDayOf(Date.now() + days * 86_400_000).slice(0, 7);
}

const stamp = Date.now().toString(36);
const titles = {
  seniors: `Senioritanssit ${stamp}`,
  youth: `Nuorten pelit ${stamp}`,
  elsewhere: `Toisen kunnan kahvit ${stamp}`,
  weekly: `Tuolijooga ${stamp}`,
};

describe('the public event calendar', () => {
  let municipalityId = '';
  let seniorsEvent: CreatedEvent;
  let elsewhereEvent: CreatedEvent;

  beforeAll(async () => {
    // A coordinator publishes events through the api, the way the organiser pages do.
    const coordinator = await openPage(browser);
    await signInByLink(coordinator.page, 'matti@example.org');
    const { organisations } = await (await coordinator.page.request.get('/api/organisations')).json();
    const kotalahti = organisations.find((organisation: { name: string }) =>
      organisation.name.startsWith('Kotalahden kyläyhdistys'),
    );
    const places = (await (await coordinator.page.request.get('/api/places')).json()) as Places;
    const municipalities = places.regions.flatMap((region) => region.municipalities);
    const home = municipalities.find((municipality) =>
      municipality.villages.some((village) => village.id === kotalahti.village.id),
    )!;
    const other = municipalities.find((municipality) => municipality.id !== home.id && municipality.villages.length > 0)!;
    municipalityId = home.id;
    const base = {
      placeName: 'Kotalahden kylätalo',
      address: 'Kyläraitti 12, 79100 Leppävirta',
      villageId: kotalahti.village.id,
      category: 'seniors',
      publish: true,
    };
    const create = (body: Record<string, unknown>) =>
      post(coordinator.page, `/api/organisations/${kotalahti.id}/events`, { ...base, ...body });
    ({ event: seniorsEvent } = await create({
      title: { fi: titles.seniors, en: `Seniors' dance ${stamp}` },
      description: { fi: 'Tanssia ja kahvit. Tervetuloa!' },
      ...daysAhead(10),
      audiences: ['seniors'],
      accessibility: ['step_free', 'hearing_loop'],
      isRideSharingWelcome: true,
    }));
    await create({ title: { fi: titles.youth }, ...daysAhead(11), category: 'children', audiences: ['youth'], priceCents: 500 });
    ({ event: elsewhereEvent } = await create({
      title: { fi: titles.elsewhere },
      ...daysAhead(12),
      villageId: other.villages[0]!.id,
      placeName: 'Kirkonkylän koulu',
      audiences: ['seniors'],
      priceCents: 1200,
    }));
    const { event: weekly } = await create({
      title: { fi: titles.weekly },
      ...daysAhead(3, 1),
      category: 'sport',
      audiences: ['seniors', 'adults'],
      recurrence: { frequency: 'weekly', interval: 1, weekdays: [], until: null, count: 3, exceptions: [] },
    });
    // One date of the series is called off, with a note; the event elsewhere is cancelled as a whole.
    await post(
      coordinator.page,
      `/api/organisations/${kotalahti.id}/events/${weekly.id}/occurrences/${weekly.occurrences[1].id}`,
      { isCancelled: true, note: { fi: 'Sali on remontissa' } },
      'PATCH',
    );
    await post(coordinator.page, `/api/organisations/${kotalahti.id}/events/${elsewhereEvent.id}/cancellation`, {});
    await coordinator.context.close();
  });

  it('filters by municipality and audience without JavaScript, keeps a stable address and subscribes to exactly those events', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto('/calendar');
    await page.getByRole('heading', { level: 1, name: 'Tapahtumat' }).waitFor();
    await page.getByText('Valitse, mitä näytetään').click();
    const municipalityName = await page.locator(`label[for="calendar-municipality-${municipalityId}"]`).innerText();
    await page.getByRole('group', { name: 'Kunta' }).getByLabel(municipalityName).check();
    await page.getByRole('group', { name: 'Kenelle' }).getByLabel('ikäihmiset').check();
    await page.getByRole('button', { name: 'Näytä tapahtumat' }).click();

    const canonical = `municipality=${municipalityId}&audience=seniors`;
    await page.waitForURL((url) => url.search === `?${canonical}`);
    const item = page.locator('.calendar-item', { hasText: titles.seniors });
    expect(await item.innerText()).toMatch(/maksuton/);
    expect(await item.innerText()).toMatch(/pääsee ilman portaita, induktiosilmukka/);
    expect(await item.innerText()).toMatch(/Kimppakyydit ovat tervetulleita/);
    expect(await page.getByText(titles.youth).count()).toBe(0);
    expect(await page.getByText(titles.elsewhere).count()).toBe(0);
    const cancelledDate = page.locator('.calendar-item', { hasText: 'Sali on remontissa' });
    expect(await cancelledDate.innerText()).toContain(`PERUTTU: ${titles.weekly}`);

    // The same choice spelled another way lands on the one canonical address.
    await page.goto(`/calendar?audience=seniors&q=&municipality=${municipalityId}&village=`);
    expect(new URL(page.url()).search).toBe(`?${canonical}`);

    // Month view: a real table with the event as a link.
    await page.getByRole('link', { name: 'Kuukausi' }).click();
    await page.goto(`/calendar?${canonical}&view=month&month=${monthAhead(10)}`);
    expect(await page.locator('table.calendar-month').getByRole('link', { name: titles.seniors }).count()).toBe(1);

    await page.goto(`/calendar?${canonical}`);
    await page.getByRole('link', { name: 'Tilaa tämä kalenteri puhelimeen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilaa kalenteri' }).waitFor();
    const feedUrl = await page.getByLabel('Tilausosoite', { exact: true }).inputValue();
    expect(feedUrl).toBe(`${baseUrl()}/feeds/calendar.ics?${canonical}`);
    expect(await page.getByRole('link', { name: 'Tilaa tällä laitteella' }).getAttribute('href')).toBe(
      feedUrl.replace(/^https?:/, 'webcal:'),
    );
    expect(await page.getByRole('img', { name: /QR-koodi/ }).count()).toBe(1);
    for (const heading of ['iPhone ja iPad', 'Android-puhelin ja Google-kalenteri', 'Outlook'])
      expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true);

    const feed = await page.request.get(feedUrl);
    expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
    const ics = (await feed.text()).replace(/\r?\n[ \t]/g, '');
    const summaries = [...ics.matchAll(/^SUMMARY[^:]*:(.*)$/gm)].map((match) => match[1]!.replace(/\\,/g, ','));
    expect(summaries.some((summary) => summary.includes(titles.seniors))).toBe(true);
    expect(summaries.filter((summary) => summary.includes(titles.weekly)).length).toBeGreaterThanOrEqual(2);
    expect(summaries.some((summary) => summary.includes(titles.youth) || summary.includes(titles.elsewhere))).toBe(false);
    // Exactly the filtered events: every event in the feed is one the calendar shows for this filter.
    const { items } = await (await page.request.get(`/api/calendar?${canonical}`)).json();
    const shownTitles = new Set((items as { title: { fi?: string } }[]).map((entry) => entry.title.fi));
    for (const ours of summaries.filter((summary) => summary.includes(stamp)))
      expect([...shownTitles].some((title) => title && ours.includes(title))).toBe(true);
    await context.close();
  });

  it('shows everything about an event with valid schema.org JSON-LD and no CSP errors', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await page.goto(`/events/${seniorsEvent.id}`);
    await page.getByRole('heading', { level: 1, name: titles.seniors }).waitFor();
    await page.waitForLoadState('networkidle');
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Event');
    expect(data.name).toBe(titles.seniors);
    expect(data.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(data.location['@type']).toBe('Place');
    expect(data.location.address.streetAddress).toBe('Kyläraitti 12, 79100 Leppävirta');
    expect(data.organizer[0].name).toMatch(/^Kotalahden kyläyhdistys/);
    expect(data.isAccessibleForFree).toBe(true);
    expect(data.offers.price).toBe('0');
    expect(await page.getByRole('link', { name: 'Lisää omaan kalenteriin' }).getAttribute('href')).toBe(
      `/feeds/events/${seniorsEvent.id}.ics`,
    );
    const file = await page.request.get(`/feeds/events/${seniorsEvent.id}.ics`);
    expect(file.headers()['content-type']).toMatch(/^text\/calendar/);

    await page.goto(`/events/${elsewhereEvent.id}`);
    expect(await page.getByText('Tapahtuma on peruttu.').isVisible()).toBe(true);
    const cancelled = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(cancelled.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(cancelled.offers.price).toBe('12.00');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('subscribes to the email letter with a confirmation button, and the unsubscribe page answers without signing in', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    const email = `digest-${stamp}@example.org`;
    await page.goto(`/calendar?municipality=${municipalityId}&audience=seniors`);
    await page.getByRole('link', { name: 'Tapahtumakirje sähköpostiin' }).click();
    expect(new URL(page.url()).search).toBe(`?municipality=${municipalityId}&audience=seniors`);
    expect(await page.locator('.calendar-summary').innerText()).toMatch(/ikäihmiset/);
    const since = Date.now();
    await page.getByLabel('Sähköpostiosoite').fill(email);
    await page.getByLabel('Kerran kuukaudessa').check();
    await page.getByRole('button', { name: 'Tilaa kirje' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tarkista sähköpostisi' }).waitFor();

    const mail = await waitForDevMail(page, email, since);
    const { message } = await (await page.request.get(`/api/dev/mail/${mail.id}`)).json();
    const link = /https?:\/\/[^\s"<>]+\/calendar\/digest\/confirm\?token=[A-Za-z0-9_-]+/.exec(
      `${message.text} ${message.html}`,
    )![0];
    const confirmPath = new URL(link).pathname + new URL(link).search;
    // Opening the link (as a mail scanner does) confirms nothing; the button does.
    await page.goto(confirmPath);
    await page.getByRole('heading', { level: 1, name: 'Vahvista tapahtumakirje' }).waitFor();
    await page.getByRole('button', { name: 'Vahvista tilaus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilaus on vahvistettu' }).waitFor();
    expect(await page.getByText('Saat tapahtumakirjeen kerran kuukaudessa.').isVisible()).toBe(true);

    await page.goto(`/calendar/digest/unsubscribe?token=${'x'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'Lopeta tapahtumakirje' }).waitFor();
    await page.getByRole('button', { name: 'Lopeta kirje' }).click();
    expect(await page.getByRole('alert').innerText()).toMatch(/Linkki ei toimi/);
    await context.close();
  });

  it('lets other websites frame the embed and nothing else', async () => {
    const embedHeaders = (await fetch(`${baseUrl()}/calendar/embed?audience=seniors`)).headers;
    const calendarHeaders = (await fetch(`${baseUrl()}/calendar`)).headers;
    expect(embedHeaders.get('content-security-policy')).toContain('frame-ancestors *');
    // One answer per page: no X-Frame-Options: DENY contradicting the embed's permission.
    expect(embedHeaders.get('x-frame-options')).toBeNull();
    expect(calendarHeaders.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(calendarHeaders.get('x-frame-options')).toBe('DENY');

    // An association's website: a real server on another origin of the loopback address (pages that
    // Playwright fulfils itself count as public and Chrome keeps them from framing local servers).
    const html = `<!doctype html><title>Kyläyhdistys</title><iframe name="embed" src="${baseUrl()}/calendar/embed?municipality=${municipalityId}&audience=seniors"></iframe><iframe name="full" src="${baseUrl()}/calendar"></iframe>`;
    const association = createServer((_request, response) =>
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html),
    );
    await new Promise<void>((resolve) => association.listen(0, '127.0.0.1', resolve));
    const { page, context } = await openPage(browser);
    await page.goto(`http://127.0.0.1:${(association.address() as AddressInfo).port}/`);
    await page.waitForLoadState('load');
    const embedFrame = page.frame({ name: 'embed' })!;
    const embedText = await embedFrame
      .locator('body')
      .innerText({ timeout: 5000 })
      .catch((error: unknown) => `not shown at ${embedFrame.url()}: ${String(error)}`);
    expect(embedText).toContain(titles.seniors);
    expect(await embedFrame.getByRole('link', { name: new RegExp(titles.seniors) }).getAttribute('target')).toBe('_blank');
    expect(await embedFrame.locator('.site-header').count()).toBe(0);
    const fullFrame = page.frame({ name: 'full' })!;
    // Chrome shows its own error page in place of the refused frame: no calendar in it.
    expect(await fullFrame.locator('.site-header, .calendar-page').count()).toBe(0);
    await context.close();
    association.close();
  });

  it.each([320, 1280])('passes axe on every calendar page at %i px (and fits 320 px)', async (width) => {
    const paths = [
      '/calendar',
      `/calendar?municipality=${municipalityId}&audience=seniors`,
      `/calendar?view=month&month=${monthAhead(10)}`,
      `/events/${seniorsEvent.id}`,
      `/calendar/subscribe?audience=seniors`,
      '/calendar/digest',
      `/calendar/digest/confirm?token=${'x'.repeat(43)}`,
      `/calendar/digest/unsubscribe?token=${'x'.repeat(43)}`,
      `/calendar/embed?municipality=${municipalityId}`,
    ];
    {
      const { page, context, consoleErrors } = await openPage(browser, { width });
      for (const path of paths) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await expectAccessible(page);
        if (width === 320) await expectNoHorizontalScroll(page);
      }
      // The filter form open, too.
      await page.goto('/calendar');
      await page.getByText('Valitse, mitä näytetään').click();
      await expectAccessible(page);
      if (width === 320) await expectNoHorizontalScroll(page);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('keeps each public page under 150 KB compressed, with all its assets', async () => {
    const { page, context } = await openPage(browser);
    for (const path of [
      '/calendar',
      `/calendar?view=month&month=${monthAhead(10)}`,
      `/events/${seniorsEvent.id}`,
      '/calendar/subscribe',
      '/calendar/embed',
    ]) {
      const bodies: Promise<Buffer>[] = [];
      const listener = (response: import('playwright-core').Response) => {
        if (response.status() < 300) bodies.push(response.body().catch(() => Buffer.alloc(0)));
      };
      page.on('response', listener);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      page.off('response', listener);
      const sizes = (await Promise.all(bodies)).map((body) => gzipSync(body).length);
      const total = sizes.reduce((sum, size) => sum + size, 0);
      console.info(`${path}: ${total} bytes gzipped (${sizes.join(' + ')})`);
      expect(total, `${path}: ${total} bytes gzipped`).toBeLessThan(150 * 1024);
    }
    await context.close();
  });
});
