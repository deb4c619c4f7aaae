import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, helsinkiDayOf } from '@talkoot/platform/time';
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Screenshots for a person to look at, when asked for (BOOKING_SCREENSHOTS=/some/folder).
const screenshotFolder = process.env.BOOKING_SCREENSHOTS;
async function shoot(page: Page, name: string) {
  if (!screenshotFolder) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshotFolder}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

// A Helsinki calendar date `days` days from today: "2027-01-15".
function dayFromToday(days: number): string {
  return helsinkiDayOf(Date.now() + days * 86_400_000);
}
const finnishDate = (iso: string) => iso.split('-').map(Number).toReversed().join('.');
const finnishWeekday = (iso: string) =>
  new Intl.DateTimeFormat('fi-FI', { weekday: 'long', timeZone: 'UTC' }).format(Date.parse(`${iso}T12:00:00Z`));

type DemoVenue = {
  id: string;
  name: string;
  paymentIban: string | null;
  organisation: { id: string };
  spaces: { id: string; name: string }[];
};

async function demoSpace(page: Page, venueName: string, spaceName: string) {
  const { venues } = (await (await page.request.get('/api/venues')).json()) as { venues: DemoVenue[] };
  const venue = venues.find((candidate) => candidate.name === venueName)!;
  return { venue, space: venue.spaces.find((space) => space.name === spaceName)! };
}

async function organisationId(page: Page, prefix: string): Promise<string> {
  const { organisations } = await (await page.request.get('/api/organisations')).json();
  return organisations.find((organisation: { name: string }) => organisation.name.startsWith(prefix)).id;
}

// A form answered with 4xx is logged by the browser; anything else in the console is a fault.
const unexpected = (errors: string[]) =>
  errors.filter((error) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(error));

async function checkPage(page: Page, path: string) {
  await page.goto(path);
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('bookings: series, payments, residents and the waiting list', () => {
  it('a coordinator books a weekly series without JavaScript and the owner approves all of it in one go', async () => {
    // Everyone signs in first: a sign-in is read from the dev mailbox, where booking mails arrive too.
    const owner = await openPage(browser, { javaScriptEnabled: false });
    await signInByLink(owner.page, 'aino@example.org');
    const other = await openPage(browser);
    await signInByLink(other.page, 'juhani@example.org');
    const coordinator = await openPage(browser, { javaScriptEnabled: false });
    const page = coordinator.page;
    await signInByLink(page, 'matti@example.org');
    const { venue, space } = await demoSpace(page, 'Kotalahden kylätalo', 'Sali');
    const [first, skipped, taken, last] = [42, 49, 56, 63].map(dayFromToday) as [string, string, string, string];

    // Someone else asked for the third date first: it is listed as taken, the rest are booked.
    const response = await other.page.request.post('/api/bookings', {
      data: {
        spaceId: space.id,
        startsAt: `${taken}T08:00:00+02:00`,
        endsAt: `${taken}T09:00:00+02:00`,
        title: 'Aamukokous',
        organisationId: await organisationId(other.page, 'Kerkonkosken'),
      },
      headers: { origin: baseUrl() },
    });
    expect(response.status(), await response.text()).toBe(201);

    await page.goto(`/bookings/series/new?venue=${venue.id}&space=${space.id}`);
    await page.getByRole('button', { name: 'Varaa toistuva vuoro' }).click();
    await expect.poll(() => page.getByText('Korjaa nämä kohdat').isVisible()).toBe(true);
    await shoot(page, 'series-form-errors');

    const title = `Aamujumppa ${Date.now()}`;
    await page.getByLabel('Ensimmäinen päivä', { exact: true }).fill(first);
    await page.getByLabel('Alkaa kello', { exact: true }).fill('08:00');
    await page.getByLabel('Päättyy kello', { exact: true }).fill('09:00');
    await page.getByLabel('Joka viikko', { exact: true }).check();
    await page.getByLabel(finnishWeekday(first), { exact: true }).check();
    await page.getByLabel('Viimeinen päivä', { exact: true }).fill(last);
    await page.getByLabel('Päivät, jotka jätetään väliin (vapaaehtoinen)').fill(finnishDate(skipped));
    await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).fill(title);
    await page.getByLabel('Kenen nimissä varaat', { exact: true }).selectOption({ label: 'Leppävirran Nuorisoseura ry' });
    await page.getByRole('button', { name: 'Varaa toistuva vuoro' }).click();

    await page.getByRole('heading', { level: 1, name: 'Toistuva vuoro varattu' }).waitFor();
    const booked = await page.locator('.series-dates--result').innerText();
    expect(booked).toContain(`${finnishDate(first)} 08.00–09.00`);
    expect(booked).toContain(`${finnishDate(last)} 08.00–09.00`);
    expect(booked).not.toContain(finnishDate(skipped));
    const conflicts = await page.locator('.series-conflicts').innerText();
    expect(conflicts).toContain(finnishDate(taken));
    expect(conflicts).toContain('aika on jo varattu tai pyydetty');
    await shoot(page, 'series-result');

    await page.goto('/bookings');
    const mine = page.locator('li.booking-series', { hasText: title });
    expect(await mine.locator('li.booking').count()).toBe(2);
    expect(await mine.getByText('odottaa päätöstä').first().isVisible()).toBe(true);

    // The owner's admin answers both dates at once.
    await owner.page.goto('/bookings');
    const request = owner.page.locator('li.series-request', { hasText: title });
    expect(await request.locator('.series-dates li').count()).toBe(2);
    await shoot(owner.page, 'bookings-owner');
    await request.getByRole('button', { name: 'Hyväksy koko sarja (2 päivää)' }).click();
    await expect.poll(() => owner.page.getByText('Sarjan kaikki odottavat päivät hyväksyttiin.').isVisible()).toBe(true);
    expect(await owner.page.locator('li.series-request', { hasText: title }).count()).toBe(0);

    // The transfer of the first date arrived: the owner marks it paid.
    const firstDate = owner.page.locator('li.owner-booking', { hasText: title }).first();
    await firstDate.getByRole('button', { name: 'Merkitse maksetuksi' }).click();
    await expect.poll(() => owner.page.getByText('Varaus merkittiin maksetuksi.').isVisible()).toBe(true);

    await page.goto('/bookings');
    const approved = page.locator('li.booking-series', { hasText: title });
    expect(await approved.getByText('hyväksytty').count()).toBe(2);
    const text = await approved.innerText();
    expect(text).toContain('Näin maksat');
    expect(text).toMatch(/Maksettu ✓/);
    if (venue.paymentIban) expect(text).toContain(venue.paymentIban.replace(/(.{4})(?=.)/g, '$1 '));
    expect(text).toContain('Avain ja sisäänpääsy');
    await shoot(page, 'bookings-mine');

    // Cancelling the rest of the series in one go.
    await approved.getByRole('button', { name: 'Peru kaikki jäljellä olevat päivät' }).click();
    await expect.poll(() => page.getByText('Sarjan kaikki jäljellä olevat päivät peruttiin.').isVisible()).toBe(true);
    expect(await page.locator('li.booking-series', { hasText: title }).getByText('peruttu').count()).toBe(2);

    for (const person of [coordinator, other, owner]) expect(unexpected(person.consoleErrors)).toEqual([]);
  });

  it('a coordinator books for a resident without JavaScript and gets a printable confirmation', async () => {
    const viewer = await openPage(browser);
    await signInByLink(viewer.page, 'matti@example.org');
    const coordinator = await openPage(browser, { javaScriptEnabled: false });
    const page = coordinator.page;
    await signInByLink(page, 'matti@example.org');
    const { venue, space } = await demoSpace(page, 'Kotalahden kylätalo', 'Keittiö');
    await page.goto('/bookings');
    await page
      .locator('section', { hasText: 'Vahvistetut varaukset: Kotalahden kyläyhdistys' })
      .getByRole('link', { name: 'Varaa asukkaan puolesta' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Varaa asukkaan puolesta' }).waitFor();

    // Without the resident's agreement nothing is stored.
    await page.getByRole('button', { name: 'Varaa asukkaalle' }).click();
    await expect.poll(() => page.getByText('Korjaa nämä kohdat').isVisible()).toBe(true);
    expect(await page.locator('.error-summary').innerText()).toContain('Lue lause asukkaalle');
    await shoot(page, 'assisted-form-errors');

    const day = dayFromToday(50);
    const title = `Muistotilaisuus ${Date.now()}`;
    await page.getByLabel('Tila', { exact: true }).selectOption(space.id);
    await page.getByLabel('Päivä', { exact: true }).fill(day);
    await page.getByLabel('Alkaa kello', { exact: true }).fill('10:00');
    await page.getByLabel('Päättyy kello', { exact: true }).fill('12:00');
    await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).fill(title);
    await page.getByLabel('Asukkaan nimi').fill('Helvi Lahtinen');
    await page.getByLabel('Asukkaan puhelinnumero').fill('040 555 1234');
    await page.getByLabel('Asukas suostui tähän').check();
    await page.getByRole('button', { name: 'Varaa asukkaalle' }).click();

    await page.waitForURL((url) => /\/organisations\/[^/]+\/bookings\/[^/]+\/sheet$/.test(url.pathname));
    await expect.poll(() => page.getByText('Varaus tehtiin. Tulosta vahvistus asukkaalle.').isVisible()).toBe(true);
    const sheet = await page.locator('.sheet').innerText();
    expect(sheet).toContain('Varausvahvistus');
    expect(sheet).toContain(`${venue.name}, Keittiö`);
    expect(sheet).toContain(`${finnishDate(day)} 10.00–12.00`);
    expect(sheet).toContain('Helvi Lahtinen');
    expect(sheet).toContain('040 555 1234');
    expect(sheet).toContain('hyväksytty');
    expect(sheet).toContain('ota yhteyttä tilan omistajaan');
    if (venue.paymentIban) {
      expect(sheet).toContain(venue.paymentIban.replace(/(.{4})(?=.)/g, '$1 '));
      expect(sheet).toContain('Viitenumero');
    }
    expect(sheet).toContain('Ctrl + P');
    const sheetPath = new URL(page.url()).pathname;
    if (screenshotFolder) {
      await shoot(page, 'sheet');
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${screenshotFolder}/sheet-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    }

    // With JavaScript the print button appears; every new page passes axe and fits 320 px.
    await viewer.page.goto(sheetPath);
    await viewer.page.getByRole('button', { name: 'Tulosta' }).waitFor();
    const kotalahti = venue.organisation.id;
    for (const path of [
      '/bookings',
      `/bookings/series/new?venue=${venue.id}&space=${space.id}`,
      `/organisations/${kotalahti}/assisted-bookings/new`,
      sheetPath,
      '/waitlist',
      `/waitlist/new?space=${space.id}&date=${day}&from=10:00&to=12:00`,
    ]) {
      await checkPage(viewer.page, path);
    }

    // The resident calls to cancel: the coordinator cancels it for them, without JavaScript.
    await page.goto('/bookings');
    const confirmed = page.locator('.owner-booking', { hasText: title });
    await confirmed.getByRole('button', { name: 'Peru asukkaan pyynnöstä' }).click();
    await expect.poll(() => page.getByText('Varaus peruttiin.').isVisible()).toBe(true);
    expect(
      await page.locator('.owner-booking', { hasText: title }).getByRole('button', { name: 'Peru asukkaan pyynnöstä' }).count(),
    ).toBe(0);
    for (const person of [coordinator, viewer]) expect(unexpected(person.consoleErrors)).toEqual([]);
  });

  it('someone queues for a taken time without JavaScript and is first in line', async () => {
    const queuer = await openPage(browser, { javaScriptEnabled: false });
    const page = queuer.page;
    await signInByLink(page, 'juhani@example.org');
    const { space } = await demoSpace(page, 'Kotalahden kylätalo', 'Sali');
    // A confirmed demo booking four to six weeks ahead (the weekly pensioners' club).
    const from = new Date(Date.now() + 28 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 42 * 86_400_000).toISOString();
    const { busy } = (await (await page.request.get(`/api/spaces/${space.id}/availability?from=${from}&to=${to}`)).json()) as {
      busy: { startsAt: string; status: string }[];
    };
    const slot = busy.find((period) => period.status === 'approved')!;
    expect(slot, 'a confirmed demo booking to queue for').toBeTruthy();
    const start = Date.parse(slot.startsAt);
    const date = helsinkiDayOf(start);
    const startTime = formatClock(start, 'en');
    const endTime = formatClock(start + 60 * 60_000, 'en');

    await page.goto(`/waitlist/new?space=${space.id}&date=${date}&from=${startTime}&to=${endTime}`);
    expect(await page.getByText('Aika on jo varattu').isVisible()).toBe(true);
    await shoot(page, 'waitlist-new');
    await page.getByRole('button', { name: 'Liity jonoon' }).click();
    await expect.poll(() => page.getByText('Korjaa nämä kohdat').isVisible()).toBe(true);
    const title = `Kuorotreenit ${Date.now()}`;
    await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Liity jonoon' }).click();

    await page.waitForURL((url) => url.pathname === '/waitlist');
    await expect.poll(() => page.getByText('Olet nyt jonossa.').isVisible()).toBe(true);
    const entry = page.locator('li.waitlist-entry', { hasText: title });
    expect(await entry.locator('.waitlist-entry__position').innerText()).toBe('1. jonossa');
    await shoot(page, 'waitlist');

    // The same time again: already in line.
    await page.goto(`/waitlist/new?space=${space.id}&date=${date}&from=${startTime}&to=${endTime}`);
    await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Liity jonoon' }).click();
    await expect.poll(() => page.getByText('Olet jo jonossa tähän aikaan.').first().isVisible()).toBe(true);

    await page.goto('/waitlist');
    await page.locator('li.waitlist-entry', { hasText: title }).getByRole('button', { name: 'Poistu jonosta' }).click();
    await expect.poll(() => page.getByText('Poistuit jonosta.').isVisible()).toBe(true);
    expect(await page.locator('li.waitlist-entry', { hasText: title }).count()).toBe(0);
    expect(unexpected(queuer.consoleErrors)).toEqual([]);
  });
  it('with JavaScript, an owner still denies a single request with a reason and its requester sees why', async () => {
    const owner = await openPage(browser);
    await signInByLink(owner.page, 'aino@example.org');
    const requester = await openPage(browser);
    await signInByLink(requester.page, 'juhani@example.org');
    const { space } = await demoSpace(requester.page, 'Kotalahden kylätalo', 'Keittiö');
    const day = dayFromToday(45);
    const title = `Leivontailta ${Date.now()}`;
    const response = await requester.page.request.post('/api/bookings', {
      data: {
        spaceId: space.id,
        startsAt: `${day}T19:00:00+02:00`,
        endsAt: `${day}T21:00:00+02:00`,
        title,
        organisationId: await organisationId(requester.page, 'Kerkonkosken'),
      },
      headers: { origin: baseUrl() },
    });
    expect(response.status(), await response.text()).toBe(201);

    await owner.page.goto('/bookings');
    const request = owner.page.locator('li.booking', { hasText: title });
    await request.getByLabel('Syy hylkäämiselle').fill('Keittiö on silloin remontissa.');
    await request.getByRole('button', { name: 'Hylkää' }).click();
    await expect.poll(() => owner.page.getByText('Varaus hylättiin.').isVisible()).toBe(true);

    await requester.page.goto('/bookings');
    const declined = requester.page.locator('li.booking', { hasText: title });
    expect(await declined.getByText('hylätty').isVisible()).toBe(true);
    expect(await declined.getByText('Keittiö on silloin remontissa.').isVisible()).toBe(true);
    for (const person of [requester, owner]) expect(unexpected(person.consoleErrors)).toEqual([]);
  });
});
