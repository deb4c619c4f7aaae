import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helsinkiParts, monthText, shiftMonth } from '@talkoot/platform/time';
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The 15th of next month, as a Helsinki calendar date.
function nextMonth(): { month: string; date: string } {
  const { year, month } = helsinkiParts(new Date());
  const next = shiftMonth(year, month, 1);
  const text = monthText(next.year, next.month);
  return { month: text, date: `${text}-15` };
}

async function organisationByName(page: Page, prefix: string): Promise<{ id: string; village: { id: string } }> {
  const { organisations } = await (await page.request.get('/api/organisations')).json();
  return organisations.find((organisation: { name: string }) => organisation.name.startsWith(prefix));
}

async function post(page: Page, path: string, body: unknown) {
  const response = await page.request.post(path, { data: body, headers: { origin: baseUrl() } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

describe('booking a village hall', () => {
  it('a coordinator asks for a space without JavaScript, the owner approves it, and the month view says booked', async () => {
    const owner = await openPage(browser);
    await signInByLink(owner.page, 'matti@example.org');
    const kotalahti = await organisationByName(owner.page, 'Kotalahden kyläyhdistys');
    const name = `Testitalo ${Date.now()}`;
    const { venue } = await post(owner.page, `/api/organisations/${kotalahti.id}/venues`, {
      villageId: kotalahti.village.id,
      name,
      address: 'Kylätie 1',
      capacity: 80,
      facilities: ['kitchen', 'sauna'],
      accessibility: ['step_free_entrance'],
    });
    const { venue: withSpace } = await post(owner.page, `/api/organisations/${kotalahti.id}/venues/${venue.id}/spaces`, {
      name: 'Juhlasali',
      bookableBy: 'region',
      isApprovalRequired: true,
      minMinutes: 60,
      maxMinutes: 720,
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' })),
      priceUnit: 'hour',
      priceMembersCents: 2000,
      priceRegionCents: 4500,
      pricePrivateCents: 6000,
      depositCents: 10000,
      freeCancellationHours: 48,
      cancellationFeePercent: 50,
    });
    const spaceId: string = withSpace.spaces[0].id;
    const { month, date } = nextMonth();

    // The requester has no JavaScript: every step is a plain form post.
    const requester = await openPage(browser, { javaScriptEnabled: false });
    const page = requester.page;
    await signInByLink(page, 'juhani@example.org');
    await page.goto('/');
    await page.getByRole('link', { name: 'Tilat', exact: true }).click();
    await page.getByRole('link', { name }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible()).toBe(true);
    expect(await page.getByText('keittiö, sauna').first().isVisible()).toBe(true);
    // The space's rules in words: opening hours, prices by tier, deposit, booking window, cancelling.
    const rules = page.locator('.card', { hasText: 'Juhlasali' });
    expect(await rules.innerText()).toMatch(/ma–su\s8\.00–22\.00/);
    expect(await rules.innerText()).toMatch(/Yhdistykset: 45\s€ \/ tunti/);
    expect(await rules.innerText()).toMatch(/Takuumaksu\s+100\s€/);
    expect(await rules.innerText()).toContain('Varaa vähintään 24 h ennen ja enintään 365 päivää etukäteen.');
    expect(await rules.innerText()).toContain('48 h ennen alkua. Sen jälkeen peruutusmaksu on 50 % hinnasta.');
    expect(await page.getByRole('link', { name: 'Tilaa kalenteri (webcal)' }).getAttribute('href')).toMatch(
      new RegExp(`^webcal://.+/feeds/venues/${venue.id}\\.ics$`),
    );

    // Nothing filled in: the form says what is missing.
    await page.getByRole('button', { name: 'Jatka: tarkista hinta ja ehdot' }).click();
    await expect.poll(() => page.getByText('Korjaa nämä kohdat').isVisible()).toBe(true);

    const title = `Syyskokous ${Date.now()}`;
    const fillRequest = async (bookingTitle: string, day = date, from = '18:00', to = '21:00') => {
      await page.getByLabel('Päivä', { exact: true }).fill(day);
      await page.getByLabel('Alkaa kello', { exact: true }).fill(from);
      await page.getByLabel('Päättyy kello', { exact: true }).fill(to);
      await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).fill(bookingTitle);
      // Step one shows the price and the terms; step two sends.
      await page.getByRole('button', { name: 'Jatka: tarkista hinta ja ehdot' }).click();
      await page.getByRole('heading', { name: 'Tarkista pyyntö ennen lähettämistä' }).waitFor();
      await page.getByRole('button', { name: 'Lähetä varauspyyntö' }).click();
    };
    // Change goes back to the filled form; nothing is sent before "Lähetä varauspyyntö".
    await page.getByLabel('Päivä', { exact: true }).fill(date);
    await page.getByLabel('Alkaa kello', { exact: true }).fill('18:00');
    await page.getByLabel('Päättyy kello', { exact: true }).fill('21:00');
    await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).fill(title);
    await page.getByLabel('Avoin yleisötapahtuma – pyydämme tilaa maksutta').check();
    await page.getByRole('button', { name: 'Jatka: tarkista hinta ja ehdot' }).click();
    const summary = page.locator('.booking-confirm');
    await summary.getByRole('heading', { name: 'Tarkista pyyntö ennen lähettämistä' }).waitFor();
    const freeText = await summary.innerText();
    expect(freeText).toContain('Pyydätte tilaa maksutta avoimeen yleisötapahtumaan. Ylläpitäjä päättää.');
    expect(freeText).toMatch(/Jos ylläpitäjä ei anna tilaa maksutta, hinta on 135\s€\./);
    await page.getByRole('button', { name: 'Muuta tietoja' }).click();
    expect(await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).inputValue()).toBe(title);
    expect(await page.getByLabel('Avoin yleisötapahtuma – pyydämme tilaa maksutta').isChecked()).toBe(true);
    await page.getByLabel('Avoin yleisötapahtuma – pyydämme tilaa maksutta').uncheck();
    await page.getByRole('button', { name: 'Jatka: tarkista hinta ja ehdot' }).click();
    await summary.getByRole('heading', { name: 'Tarkista pyyntö ennen lähettämistä' }).waitFor();
    const summaryText = await summary.innerText();
    expect(summaryText).toMatch(/135\s€/);
    expect(summaryText).toMatch(/Takuumaksu\s+100\s€/);
    expect(summaryText).toMatch(/Maksuton, kun perut viimeistään .+ Sen jälkeen peruutusmaksu on 67,50\s€\./);
    if (process.env.VENUES_SCREENSHOTS) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page
          .locator('#request-title')
          .locator('..')
          .screenshot({ path: `${process.env.VENUES_SCREENSHOTS}/confirm-${width}.png` });
      }
    }
    // Only the owner's admins and coordinators are offered the manage page.
    expect(await page.getByRole('link', { name: 'Hallinnoi tätä tilaa' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lähetä varauspyyntö' }).click();
    await page.waitForURL((url) => url.pathname === '/bookings');
    await expect.poll(() => page.getByText('Varauspyyntö lähetettiin').isVisible()).toBe(true);
    const mine = page.locator('li.booking', { hasText: title });
    expect(await mine.getByText('odottaa päätöstä').isVisible()).toBe(true);
    expect(await mine.getByText('18.00–21.00').isVisible()).toBe(true);

    // The same time again: refused, with the clashing times in words.
    await page.goto(`/venues/${venue.id}?space=${spaceId}&month=${month}`);
    expect(await page.locator('td[data-day="15"]').innerText()).toContain('18.00–21.00 pyydetty');
    await fillRequest(`${title} toinen`);
    await expect.poll(() => page.getByText('Tämä aika on jo varattu: 18.00–21.00').isVisible()).toBe(true);

    // The owner's coordinator decides in /bookings.
    await owner.page.goto('/bookings');
    const waiting = owner.page.locator('li.booking', { hasText: title });
    await waiting.getByRole('button', { name: 'Hyväksy' }).click();
    await expect.poll(() => owner.page.getByText('Varaus hyväksyttiin.').isVisible()).toBe(true);
    expect(await owner.page.locator('li.booking', { hasText: title }).count()).toBe(0);

    await page.goto(`/venues/${venue.id}?space=${spaceId}&month=${month}`);
    expect(await page.locator('td[data-day="15"]').innerText()).toContain('18.00–21.00 varattu');
    // The week view says it hour by hour, in words.
    await page.getByRole('link', { name: 'Viikko', exact: true }).click();
    await page.goto(`/venues/${venue.id}?space=${spaceId}&view=week&week=${date}`);
    expect(await page.locator(`td[data-date="${date}"][data-hour="18"]`).innerText()).toBe('varattu');
    expect(await page.locator(`td[data-date="${date}"][data-hour="17"]`).innerText()).toBe('vapaa');
    await page.goto('/bookings');
    expect(await page.locator('li.booking', { hasText: title }).getByText('hyväksytty').isVisible()).toBe(true);

    // A second request is declined with a reason, and the first one is cancelled by its requester.
    const second = `Talkoot ${Date.now()}`;
    await page.goto(`/venues/${venue.id}`);
    await fillRequest(second, date.replace(/-15$/, '-16'), '10:00', '12:00');
    await page.waitForURL((url) => url.pathname === '/bookings');
    await owner.page.goto('/bookings');
    const request = owner.page.locator('li.booking', { hasText: second });
    await request.getByLabel('Syy hylkäämiselle').fill('Sali on silloin remontissa.');
    await request.getByRole('button', { name: 'Hylkää' }).click();
    await expect.poll(() => owner.page.getByText('Varaus hylättiin.').isVisible()).toBe(true);
    await page.goto('/bookings');
    const declined = page.locator('li.booking', { hasText: second });
    expect(await declined.getByText('hylätty').isVisible()).toBe(true);
    expect(await declined.getByText('Sali on silloin remontissa.').isVisible()).toBe(true);
    await page.locator('li.booking', { hasText: title }).getByRole('button', { name: 'Peru varaus' }).click();
    await expect.poll(() => page.getByText('Varaus peruttiin.').isVisible()).toBe(true);
    expect(await page.locator('li.booking', { hasText: title }).getByText('peruttu').isVisible()).toBe(true);

    await owner.page.goto(`/venues/${venue.id}`);
    expect(await owner.page.getByRole('link', { name: 'Hallinnoi tätä tilaa' }).getAttribute('href')).toBe(
      `/venues/${venue.id}/manage`,
    );

    // Accessibility (axe needs JavaScript) and 320 px without sideways scrolling.
    const paths = [
      '/venues',
      `/venues/${venue.id}?space=${spaceId}&month=${month}`,
      `/venues/${venue.id}?space=${spaceId}&view=week&week=${date}`,
      '/bookings',
    ];
    for (const width of [1280, 320]) {
      await owner.page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        const response = await owner.page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectAccessible(owner.page);
        await expectNoHorizontalScroll(owner.page);
      }
    }
    // VENUES_SCREENSHOTS=/some/dir keeps pictures of the month view for a person to look at.
    if (process.env.VENUES_SCREENSHOTS) {
      for (const width of [390, 1280]) {
        await owner.page.setViewportSize({ width, height: 900 });
        await owner.page.goto(`/venues/${venue.id}?space=${spaceId}&month=${month}`);
        await owner.page.locator('#calendar-title').scrollIntoViewIfNeeded();
        await owner.page.screenshot({ path: `${process.env.VENUES_SCREENSHOTS}/month-${width}.png`, fullPage: true });
      }
    }
    expect(owner.consoleErrors).toEqual([]);
    await owner.context.close();
    await requester.context.close();
  });
});
