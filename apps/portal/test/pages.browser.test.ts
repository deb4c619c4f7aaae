import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function firstOrganisationId(page: Page): Promise<string> {
  const { organisations } = await (await page.request.get('/api/organisations')).json();
  return organisations.find((organisation: { name: string }) => organisation.name === 'Kotalahden kyläyhdistys ry').id;
}

async function checkPages(page: Page, paths: string[], widths: number[]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      if (process.env.DEBUG_BROWSER) console.log(width, path);
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(path.includes('no-such') ? 500 : 400);
      await expect.poll(() => page.locator('main h1').count(), { message: `${path} has a main heading` }).toBeGreaterThan(0);
      expect(await page.title(), `${path} has a title`).not.toBe('');
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    }
  }
}

describe('the home page', () => {
  it("leads to this week's events, the village halls and the ways to subscribe, also without JavaScript and at 320 px", async () => {
    const { page, context, consoleErrors } = await openPage(browser, { javaScriptEnabled: false, width: 320 });
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const week = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Tapahtumia tällä viikolla' }) });
    // The demo calendar has weekly clubs: this week always has some, each linking to its own page.
    const eventLinks = week.locator('a[href^="/events/"]');
    await expect.poll(() => eventLinks.count()).toBeGreaterThan(0);
    const first = eventLinks.first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(page.url()).toMatch(/\/events\/[0-9a-f-]{36}$/);

    await page.goto('/');
    expect(await week.getByRole('link', { name: 'Kaikki tapahtumat kalenterissa' }).getAttribute('href')).toBe('/calendar');
    const subscribe = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Tilaa tapahtumat itsellesi' }),
    });
    expect(await subscribe.getByRole('link', { name: 'Puhelimen kalenteriin' }).getAttribute('href')).toBe('/calendar/subscribe');
    expect(await subscribe.getByRole('link', { name: 'Sähköpostiin' }).getAttribute('href')).toBe('/calendar/digest');
    expect(await subscribe.getByRole('link', { name: 'Paperille' }).getAttribute('href')).toBe('/calendar/print');
    // Big targets for unsteady hands: the ways to subscribe are at least 48 px high.
    for (const box of await subscribe
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height)))
      expect(box).toBeGreaterThanOrEqual(48);

    const halls = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Kylätalot ja tilat' }) });
    await halls.getByRole('link', { name: 'Kotalahden kylätalo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kotalahden kylätalo' }).waitFor();
    await page.goto('/');
    expect(await halls.getByRole('link', { name: 'Kaikki tilat ja vapaat ajat' }).getAttribute('href')).toBe('/venues');
    // Only what is there: no promises of things to come.
    expect(await page.locator('main').innerText()).not.toMatch(/Tulossa pian|tulossa/i);
    await expectNoHorizontalScroll(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('reads the same in Swedish and English', async () => {
    for (const [locale, week, halls] of [
      ['sv-FI', 'Evenemang den här veckan', 'Bygdegårdar och lokaler'],
      ['en-GB', 'Events this week', 'Village halls and spaces'],
    ] as const) {
      const { page, context } = await openPage(browser, { locale });
      await page.goto('/');
      await page.getByRole('heading', { level: 2, name: week }).waitFor();
      await page.getByRole('heading', { level: 2, name: halls }).waitFor();
      expect(await page.locator('main a[href^="/events/"]').count(), locale).toBeGreaterThan(0);
      await context.close();
    }
  });
});

describe('every page is accessible (axe, WCAG 2.1 AA) at desktop and 320 px widths', () => {
  it('public pages', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    const organisationId = await firstOrganisationId(page);
    await checkPages(
      page,
      [
        '/',
        '/sign-in',
        '/sign-in/code?email=aino%40example.org',
        '/organisations',
        `/organisations/${organisationId}`,
        '/dev/mail',
        '/no-such-page',
      ],
      [1280, 320],
    );
    expect(consoleErrors.filter((error) => !error.includes('404'))).toEqual([]);
    await context.close();
  });

  it('pages of a signed-in organisation admin, also in Swedish and English', async () => {
    const { page, context } = await openPage(browser);
    await signInByLink(page, 'aino@example.org');
    const organisationId = await firstOrganisationId(page);
    const { messages } = await (await page.request.get('/api/dev/mail')).json();
    const paths = ['/', '/profile', `/admin/organisations/${organisationId}`, `/dev/mail/${messages[0].id}`];
    await checkPages(page, paths, [1280, 320]);
    for (const language of ['Svenska', 'English']) {
      await page.goto('/');
      await page.getByRole('button', { name: language }).click();
      await page.waitForLoadState('load');
      await checkPages(page, paths, [1280]);
    }
    await page.getByRole('button', { name: 'Suomi' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fi');
    await context.close();
  });

  it('pages of a platform admin', async () => {
    const { page, context } = await openPage(browser);
    await signInByLink(page, 'admin@example.org');
    await checkPages(page, ['/admin/organisations', '/admin/undelivered-mail'], [1280, 320]);
    // The developer mailbox never refuses a mail: nothing to show, and the page says so plainly.
    await page.goto('/admin/undelivered-mail');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Perille menemättömät viestit');
    expect(await page.getByText('Kaikki viestit ovat menneet perille.').isVisible()).toBe(true);
    await context.close();
  });

  it('keeps a signed-out person out of admin pages with a way forward', async () => {
    const { page, context } = await openPage(browser);
    const response = await page.goto('/admin/organisations');
    // Sent to sign in, and back to the page afterwards.
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/admin/organisations');
    await expect.poll(() => page.getByRole('button', { name: 'Lähetä linkki ja koodi' }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('an address the router cannot read', () => {
  it('is answered 400 in the api’s error shape after the body is read, never with a reset', async () => {
    const body = JSON.stringify({ text: 'a'.repeat(2_000_000) });
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await fetch(`${baseUrl()}/api/organisations/%C0%AE/lending/give-aways/x/claim`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ error: { code: 'validation_failed', message: 'The address could not be read' } });
    }
  });

  it('gives a person a page in their language with a way forward', async () => {
    const answer = await fetch(`${baseUrl()}/venues/%C0%AE`, { headers: { 'accept-language': 'en' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await answer.text();
    expect(html).toContain('<h1>The address could not be read</h1>');
    expect(html).toContain('<a href="/">Go to the home page</a>');
  });
});
