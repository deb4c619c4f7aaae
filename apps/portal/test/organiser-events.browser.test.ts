import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDayOf } from '@talkoot/platform/time';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Screenshots for a person to look at, when asked for (EVENTS_SCREENSHOTS=/some/folder).
const screenshotFolder = process.env.EVENTS_SCREENSHOTS;
async function shoot(page: Page, name: string) {
  if (!screenshotFolder) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshotFolder}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const dayFromToday = (days: number) => helsinkiDayOf(Date.now() + days * 86_400_000);

type OrganisationSummary = { id: string; name: string; village: { id: string } };
async function organisationByName(page: Page, prefix: string): Promise<OrganisationSummary> {
  const { organisations } = await (await page.request.get('/api/organisations')).json();
  return organisations.find((organisation: { name: string }) => organisation.name.startsWith(prefix));
}

// The worker rebuilds stale feeds through the queue: wait until the feed says what we expect.
async function waitForFeed(
  page: Page,
  organisationId: string,
  title: string,
  isExpected: (vevent: string) => boolean,
): Promise<string> {
  const deadline = Date.now() + 25_000;
  let last = '';
  while (Date.now() < deadline) {
    const response = await page.request.get(`/feeds/organisations/${organisationId}.ics`);
    last = await response.text();
    // Unfold folded lines (RFC 5545) before looking at the event's lines.
    const vevent = last
      .replace(/\r?\n[ \t]/g, '')
      .split('BEGIN:VEVENT')
      .find((part) => part.includes(title));
    if (vevent && isExpected(vevent)) return vevent;
    await page.waitForTimeout(500);
  }
  throw new Error(`the feed of ${organisationId} did not show ${title} as expected:\n${last.slice(0, 2000)}`);
}

describe('organisers plan events together', () => {
  it('a coordinator creates and publishes an event without JavaScript, the co-organiser accepts, both feeds show it, and cancelling marks it cancelled', async () => {
    const organiser = await openPage(browser, { javaScriptEnabled: false });
    await signInByLink(organiser.page, 'juhani@example.org');
    const page = organiser.page;
    const kerkonkoski = await organisationByName(page, 'Kerkonkosken kyläyhdistys');
    const sorsakoski = await organisationByName(page, 'Sorsakosken kyläseura');
    const title = `Kyläilta ${Date.now() % 1_000_000}`;
    const date = dayFromToday(12);

    // The organisation page leads to its events.
    await page.goto(`/organisations/${kerkonkoski.id}`);
    await page.locator('main').getByRole('link', { name: 'Tapahtumat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tapahtumat' }).waitFor();
    expect(await page.locator(`a[href$="/feeds/organisations/${kerkonkoski.id}.ics"]`).count()).toBe(1);
    await page.getByRole('link', { name: 'Uusi tapahtuma' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uusi tapahtuma' }).waitFor();

    // An empty form gets a summary of what is missing.
    await page.getByRole('button', { name: 'Tallenna luonnoksena' }).click();
    await page.getByRole('heading', { name: 'Korjaa nämä kohdat' }).waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Kirjoita tapahtuman nimi ainakin yhdellä kielellä');
    await shoot(page, 'event-form-errors');

    await page.getByLabel('Nimi suomeksi').fill(title);
    await page.getByLabel('Kuvaus suomeksi').fill('Kahvia, pullaa ja yhteislaulua. Tervetuloa!');
    await page.getByLabel('Päivä', { exact: true }).fill(date);
    await page.getByLabel('Alkaa klo').fill('18:00');
    await page.getByLabel('Päättyy klo').fill('21:00');
    await page.getByLabel('Muu paikka', { exact: true }).check();
    await page.getByLabel('Paikan nimi').fill('Kerkonkosken koulu');
    await page.getByLabel('Kylä', { exact: true }).selectOption(kerkonkoski.village.id);
    await page.getByLabel('Aihe', { exact: true }).selectOption('culture');
    await page.getByLabel('Maksullinen', { exact: true }).check();
    await page.getByLabel('Hinta euroina (jos maksullinen)').fill('5,50');
    await page.getByLabel('Esteetön kulku (ei portaita)').check();
    await page.getByLabel(sorsakoski.name).check();
    await shoot(page, 'event-form');
    await page.getByRole('button', { name: 'Tallenna luonnoksena' }).click();
    await page.getByText('Tapahtuma on tallennettu.').waitFor();
    const eventPath = new URL(page.url()).pathname;
    expect(eventPath).toMatch(new RegExp(`^/organisations/${kerkonkoski.id}/events/[0-9a-f-]{36}$`));
    expect(await page.locator('main').textContent()).toContain('Luonnos');
    await page.getByRole('button', { name: 'Julkaise nyt' }).click();
    await page.getByText('Tapahtuma on julkaistu.').waitFor();
    expect(await page.locator('main').textContent()).toContain('ei ole vielä vastannut');
    await shoot(page, 'event-edit');

    // The co-organiser's coordinator accepts from the list of invitations.
    const partner = await openPage(browser, { javaScriptEnabled: false });
    await signInByLink(partner.page, 'eeva@example.org');
    await partner.page.goto(`/organisations/${sorsakoski.id}/events`);
    const invitation = partner.page.locator('.event-list__item', { hasText: title });
    await invitation.getByRole('button', { name: 'Hyväksy' }).click();
    await partner.page.getByText('Olette nyt mukana järjestämässä tapahtumaa.').waitFor();
    expect(await partner.page.locator('.event-list__item', { hasText: title }).textContent()).toContain(
      'Järjestäjä: Kerkonkosken',
    );

    // Both organisations' feeds carry it within seconds (the worker rebuilds them).
    const ownFeed = await waitForFeed(page, kerkonkoski.id, title, (vevent) => !vevent.includes('STATUS:CANCELLED'));
    expect(ownFeed).toContain('Kerkonkosken koulu');
    await waitForFeed(page, sorsakoski.id, title, (vevent) => !vevent.includes('STATUS:CANCELLED'));

    // The printable sheet for the village lists it, with the QR code and a PDF of the same.
    await page.goto(`/calendar/print?village=${kerkonkoski.village.id}&period=week&date=${date}`);
    const sheet = page.locator('.print-sheet');
    expect(await sheet.textContent()).toContain(title);
    expect(await sheet.textContent()).toContain('18.00–21.00');
    expect(await sheet.locator('.print-sheet__qr svg path').count()).toBe(1);
    const pdfHref = await page.getByRole('link', { name: 'Lataa PDF-tiedostona' }).getAttribute('href');
    expect(pdfHref).toBe(`/calendar/print.pdf?village=${kerkonkoski.village.id}&period=week&date=${date}`);
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await shoot(page, 'print');
    if (screenshotFolder) {
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${screenshotFolder}/print-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`/organisations/${kerkonkoski.id}/events`);
      await shoot(page, 'event-list');
      await partner.page.goto(`/organisations/${sorsakoski.id}/events`);
      await partner.page.screenshot({ path: `${screenshotFolder}/partner-list-1280.png`, fullPage: true });
    }

    // Cancelling needs the tick; then both feeds say STATUS:CANCELLED.
    await page.goto(eventPath);
    await page.getByRole('button', { name: 'Peru tapahtuma' }).click();
    await page.getByText('Rastita ruutu, jos haluat perua tapahtuman').first().waitFor();
    await page.getByLabel('Kyllä, peru tämä tapahtuma kaikkina päivinä').check();
    await page.getByRole('button', { name: 'Peru tapahtuma' }).click();
    await page.locator('.notice', { hasText: 'Tapahtuma on peruttu.' }).waitFor();
    await waitForFeed(page, kerkonkoski.id, title, (vevent) => vevent.includes('STATUS:CANCELLED'));
    await waitForFeed(page, sorsakoski.id, title, (vevent) => vevent.includes('STATUS:CANCELLED'));

    // Members and other organisations' people get the forbidden page.
    const member = await openPage(browser, { javaScriptEnabled: false });
    await signInByLink(member.page, 'helmi@example.org');
    for (const path of [`/organisations/${kerkonkoski.id}/events`, `/organisations/${kerkonkoski.id}/events/new`, eventPath]) {
      const response = await member.page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    const other = await partner.page.goto(`/organisations/${kerkonkoski.id}/events/new`);
    expect(other?.status()).toBe(403);

    for (const person of [organiser, partner, member]) {
      // The empty form answers 400 and the forbidden pages 403, on purpose.
      expect(person.consoleErrors.filter((message) => !/status of (400|403)/.test(message))).toEqual([]);
      await person.context.close();
    }

    // Every new page passes axe and fits 320 px, with scripts running.
    const viewer = await openPage(browser);
    await signInByLink(viewer.page, 'juhani@example.org');
    for (const path of [
      `/organisations/${kerkonkoski.id}/events`,
      `/organisations/${kerkonkoski.id}/events/new`,
      eventPath,
      `/calendar/print?period=month&date=${date}`,
    ]) {
      for (const width of [1280, 320]) {
        await viewer.page.setViewportSize({ width, height: 900 });
        await viewer.page.goto(path);
        await viewer.page.waitForLoadState('networkidle');
        await expectAccessible(viewer.page);
        await expectNoHorizontalScroll(viewer.page);
      }
    }
    expect(viewer.consoleErrors).toEqual([]);
    await viewer.context.close();
  });

  it('asks for the venue space with the event, and keeps a second event at the same time as a draft naming the taken slot', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await signInByLink(page, 'juhani@example.org');
    const kerkonkoski = await organisationByName(page, 'Kerkonkosken kyläyhdistys');
    const date = dayFromToday(20);
    const { venues } = await (await page.request.get('/api/venues')).json();
    const school = venues.find((venue: { name: string }) => venue.name === 'Kerkonkosken koulu');
    const classroom = school.spaces.find((space: { name: string }) => space.name === 'Luokka');

    async function createAtSchool(title: string) {
      await page.goto(`/organisations/${kerkonkoski.id}/events/new`);
      await page.getByLabel('Nimi suomeksi').fill(title);
      await page.getByLabel('Päivä', { exact: true }).fill(date);
      await page.getByLabel('Alkaa klo').fill('17:00');
      await page.getByLabel('Päättyy klo').fill('19:00');
      await page.getByLabel('Talkoot-palvelussa oleva tila', { exact: true }).check();
      await page.getByLabel('Tila', { exact: true }).selectOption(`${school.id}/${classroom.id}`);
      await page.getByLabel('Varaa tämä tila tapahtuman ajaksi').check();
      await page.getByLabel('Aihe', { exact: true }).selectOption('meeting');
      await page.getByRole('button', { name: 'Julkaise', exact: true }).click();
    }

    await createAtSchool(`Kerhoilta ${Date.now() % 1_000_000}`);
    await page.getByText('Tilavaraus on lähetetty tilan omistajalle.').waitFor();
    expect(await page.locator('main').textContent()).toContain('Julkaistu');

    await createAtSchool(`Päällekkäinen ${Date.now() % 1_000_000}`);
    await page.getByText('Tila oli jo varattu tapahtuman ajaksi.').waitFor();
    expect(await page.locator('main').textContent()).toContain('Varattu aika:');
    expect(await page.locator('.lead').textContent()).toContain('Luonnos');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a coordinator adds a picture with its description without JavaScript, and the developer mailbox sends the weekly letters now', async () => {
    // sharp is the api's dependency, not the portal's: resolve it from there.
    const requireFromApi = createRequire(new URL('../../api/package.json', import.meta.url));
    type Sharp = (options: {
      create: { width: number; height: number; channels: 3; background: { r: number; g: number; b: number } };
    }) => { png(): { toBuffer(): Promise<Buffer> } };
    const { default: sharp } = (await import(requireFromApi.resolve('sharp'))) as { default: Sharp };
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 40, g: 120, b: 60 } } })
      .png()
      .toBuffer();

    const organiser = await openPage(browser, { javaScriptEnabled: false });
    const page = organiser.page;
    await signInByLink(page, 'juhani@example.org');
    const kerkonkoski = await organisationByName(page, 'Kerkonkosken kyläyhdistys');
    await page.goto(`/organisations/${kerkonkoski.id}/events/new`);
    await page.getByLabel('Nimi suomeksi').fill(`Kuvailta ${Date.now() % 1_000_000}`);
    await page.getByLabel('Päivä', { exact: true }).fill(dayFromToday(15));
    await page.getByLabel('Alkaa klo').fill('18:00');
    await page.getByLabel('Päättyy klo').fill('20:00');
    await page.getByLabel('Muu paikka', { exact: true }).check();
    await page.getByLabel('Paikan nimi').fill('Kerkonkosken koulu');
    await page.getByLabel('Kylä', { exact: true }).selectOption(kerkonkoski.village.id);
    await page.getByLabel('Aihe', { exact: true }).selectOption('culture');
    await page.getByRole('button', { name: 'Julkaise', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Kuva', exact: true }).waitFor();
    const eventPath = new URL(page.url()).pathname;
    expect(await page.locator('main').textContent()).toContain('Tapahtumalla ei ole vielä kuvaa.');

    // Without the description the form answers with the field error and the summary.
    await page.getByLabel('Kuvatiedosto').setInputFiles({ name: 'kylailta.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Tallenna kuva' }).click();
    await page.getByRole('heading', { name: 'Korjaa nämä kohdat' }).waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Kirjoita kuvan kuvaus');
    expect(await page.getByLabel('Kuvan kuvaus').getAttribute('aria-invalid')).toBe('true');

    const alt = 'Kyläläisiä laulamassa koulun salissa';
    await page.getByLabel('Kuvatiedosto').setInputFiles({ name: 'kylailta.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('Kuvan kuvaus').fill(alt);
    await page.getByRole('button', { name: 'Tallenna kuva' }).click();
    await page.locator('.notice', { hasText: 'Kuva on tallennettu.' }).waitFor();
    const image = page.getByRole('img', { name: alt });
    await image.waitFor();
    const picture = await page.request.get((await image.getAttribute('src'))!);
    expect(picture.status()).toBe(200);
    expect(picture.headers()['content-type']).toBe('image/webp');
    await shoot(page, 'event-image');

    // Removing needs the tick.
    await page.getByRole('button', { name: 'Poista kuva' }).click();
    await page.getByText('Rastita ruutu, jos haluat poistaa kuvan').waitFor();
    await page.getByLabel('Kyllä, poista tapahtuman kuva').check();
    await page.getByRole('button', { name: 'Poista kuva' }).click();
    await page.locator('.notice', { hasText: 'Kuva on poistettu.' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Tapahtumalla ei ole vielä kuvaa.');
    await page.getByLabel('Kuvatiedosto').setInputFiles({ name: 'kylailta.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('Kuvan kuvaus').fill(alt);
    await page.getByRole('button', { name: 'Tallenna kuva' }).click();
    await page.getByRole('img', { name: alt }).waitFor();
    // The missing description answered 400 on purpose.
    expect(organiser.consoleErrors.filter((message) => !/status of 400/.test(message))).toEqual([]);
    await organiser.context.close();

    const viewer = await openPage(browser);
    await signInByLink(viewer.page, 'juhani@example.org');
    for (const width of [1280, 320]) {
      await viewer.page.setViewportSize({ width, height: 900 });
      await viewer.page.goto(eventPath);
      await viewer.page.waitForLoadState('networkidle');
      await expectAccessible(viewer.page);
      await expectNoHorizontalScroll(viewer.page);
    }

    // The developer mailbox sends the weekly letters at once (the worker delivers them).
    await viewer.page.goto('/dev/mail');
    await viewer.page.waitForLoadState('networkidle');
    await viewer.page.getByRole('button', { name: 'Lähetä viikkokirjeet nyt' }).click();
    await viewer.page
      .locator('.notice')
      .getByText(/^\d+ kirjettä lähetetty jonoon\./)
      .waitFor();
    await expectAccessible(viewer.page);
    await shoot(viewer.page, 'dev-mail-digests');
    expect(viewer.consoleErrors).toEqual([]);
    await viewer.context.close();
  });
});
