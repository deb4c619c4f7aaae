import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, helsinkiToday, mondayOf } from '@talkoot/platform/time';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The demo data (packages/database/src/demo-venues.ts) books Kerkonkoski's gym every Tuesday 18–20
// and Kotalahti's hall every Thursday 13–15 for twelve weeks from the coming one. Next week's
// Monday is after the coming Tuesday/Thursday or at most a week before, so its days are booked.
const nextMonday = mondayOf(addDays(helsinkiToday(), 7));
const tuesday = addDays(nextMonday, 1);
const wednesday = addDays(nextMonday, 2);
const thursday = addDays(nextMonday, 3);

async function demoVenue(page: Page, name: string): Promise<{ id: string; spaces: { id: string; name: string }[] }> {
  const { venues } = await (await page.request.get('/api/venues')).json();
  return venues.find((venue: { name: string }) => venue.name === name);
}

async function search(page: Page, fields: { village?: string; date: string; from: string; to: string; people?: string }) {
  await page.goto('/venues');
  if (fields.village) await page.getByLabel('Kylä', { exact: true }).selectOption({ label: fields.village });
  await page.getByLabel('Päivä', { exact: true }).fill(fields.date);
  await page.getByLabel('Alkaa kello', { exact: true }).fill(fields.from);
  await page.getByLabel('Päättyy kello', { exact: true }).fill(fields.to);
  if (fields.people) await page.getByLabel('Henkilömäärä', { exact: true }).fill(fields.people);
  await page.getByRole('button', { name: 'Hae vapaat tilat' }).click();
  await page.locator('#results-title').waitFor();
}

describe('finding a free hall in the region', () => {
  it('lists halls free for the whole evening, leaves out booked ones, and fills in the request', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await signInByLink(page, 'eeva@example.org');

    // Tuesday evening: Kerkonkoski's gym is taken by the volleyball club, Kotalahti's hall is free.
    await search(page, { date: tuesday, from: '18:00', to: '20:00', people: '40' });
    const results = page.locator('.search-results');
    expect(await results.getByRole('link', { name: 'Kotalahden kylätalo: Sali' }).isVisible()).toBe(true);
    expect(await results.getByRole('link', { name: /^Kerkonkosken koulu: Liikuntasali$/ }).count()).toBe(0);
    // The address of the results can be shared.
    const shared = new URL(page.url());
    expect(shared.pathname).toBe('/venues');
    expect(shared.searchParams.get('date')).toBe(tuesday);
    expect(shared.searchParams.get('people')).toBe('40');

    // Only Kerkonkoski: nothing free that evening for 40, with advice.
    await search(page, { village: 'Kerkonkoski', date: tuesday, from: '18:00', to: '20:00', people: '40' });
    expect(await page.getByText('Tälle ajalle ei löytynyt vapaita tiloja.').isVisible()).toBe(true);
    expect(await page.getByText(/Kokeile toista päivää/).isVisible()).toBe(true);
    // The next evening the gym is free.
    await search(page, { village: 'Kerkonkoski', date: wednesday, from: '18:00', to: '20:00', people: '40' });
    expect(
      await page.locator('.search-results').getByRole('link', { name: 'Kerkonkosken koulu: Liikuntasali' }).isVisible(),
    ).toBe(true);

    // The result opens the venue with the space, the day and the times filled in.
    await search(page, { date: tuesday, from: '18:00', to: '20:00', people: '40' });
    await page.locator('.search-results').getByRole('link', { name: 'Kotalahden kylätalo: Sali' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/venues/') && url.searchParams.get('date') === tuesday);
    expect(await page.getByLabel('Päivä', { exact: true }).inputValue()).toBe(tuesday);
    expect(await page.getByLabel('Alkaa kello', { exact: true }).inputValue()).toBe('18:00');
    expect(await page.getByLabel('Päättyy kello', { exact: true }).inputValue()).toBe('20:00');
    expect(await page.locator('#booking-spaceId option:checked').innerText()).toBe('Sali');
    expect(await page.locator(`td[data-date="${tuesday}"][data-hour="18"]`).innerText()).toBe('vapaa');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('says in plain words what is wrong with a search', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto('/venues?date=&from=&to=');
    expect(await page.getByText('Korjaa nämä kohdat').isVisible()).toBe(true);
    expect(await page.locator('#search-date-error').innerText()).toContain('Valitse päivä.');
    await page.goto(`/venues?date=${tuesday}&from=20:00&to=18:00&people=paljon`);
    expect(await page.locator('#search-to-error').innerText()).toContain('Päättymisajan pitää olla alkamisajan jälkeen.');
    expect(await page.locator('#search-people-error').innerText()).toContain('Kirjoita henkilömäärä numeroina');
    await context.close();
  });

  it('shows the week hour by hour, is accessible at 320 px, and speaks English', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    const kotalahti = await demoVenue(page, 'Kotalahden kylätalo');
    const hall = kotalahti.spaces.find((space) => space.name === 'Sali')!;
    const weekPath = `/venues/${kotalahti.id}?space=${hall.id}&view=week&week=${nextMonday}`;
    await page.goto(weekPath);
    const table = page.getByRole('table', { name: /Sali: viikko \d+/ });
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator(`td[data-date="${thursday}"][data-hour="13"]`).innerText()).toBe('varattu');
    expect(await table.locator(`td[data-date="${thursday}"][data-hour="14"]`).innerText()).toBe('varattu');
    expect(await table.locator(`td[data-date="${thursday}"][data-hour="9"]`).innerText()).toBe('vapaa');
    await page.getByRole('link', { name: 'Seuraava viikko' }).click();
    await page.waitForURL((url) => url.searchParams.get('week') === addDays(nextMonday, 7));
    expect(await page.locator(`td[data-date="${addDays(thursday, 7)}"][data-hour="13"]`).innerText()).toBe('varattu');

    const paths = [
      `/venues/${kotalahti.id}?space=${hall.id}`,
      weekPath,
      `/venues?date=${tuesday}&from=18%3A00&to=20%3A00&people=40`,
      `/venues?date=${tuesday}&from=20%3A00&to=18%3A00`,
    ];
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectAccessible(page);
        await expectNoHorizontalScroll(page);
      }
    }
    // VENUES_SCREENSHOTS=/some/dir keeps pictures for a person to look at.
    if (process.env.VENUES_SCREENSHOTS) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, path] of [
          ['venue-month', paths[0]!],
          ['venue-week', paths[1]!],
          ['search', paths[2]!],
          ['search-errors', paths[3]!],
        ] as const) {
          await page.goto(path);
          await page.screenshot({ path: `${process.env.VENUES_SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
        }
      }
    }

    // Once in English: the language switch is a form in the header.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(weekPath);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.goto(weekPath);
    expect(await page.getByRole('link', { name: 'Month', exact: true }).isVisible()).toBe(true);
    expect(await page.locator(`td[data-date="${thursday}"][data-hour="13"]`).innerText()).toBe('booked');
    expect(await page.getByText('Opening hours').first().isVisible()).toBe(true);
    await expectAccessible(page);
    await page.goto(`/venues?date=${tuesday}&from=18%3A00&to=20%3A00`);
    expect(await page.getByRole('heading', { name: /^Free spaces / }).isVisible()).toBe(true);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
