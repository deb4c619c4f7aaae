import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, helsinkiToday, isoWeekday } from '@talkoot/platform/time';
import { launchBrowser, openPage, signInByLink, waitForDevMail } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The coming Saturday at least two days ahead, as a Helsinki calendar date (YYYY-MM-DD).
function nextSaturday(): string {
  const today = helsinkiToday();
  let days = (6 - isoWeekday(today) + 7) % 7;
  if (days < 2) days += 7;
  return addDays(today, days);
}

// The "Done when", as a new user would walk it, with JavaScript on (the other venue test
// walks the same path without JavaScript): find another association's hall free next Saturday,
// request it, the hall's coordinator approves, the confirmation mail with its .ics is in the dev
// mailbox, the month view says booked, and the requester cancels.
describe('booking another association’s hall, as a new user would', () => {
  it('request → approve → confirmation mail with .ics → booked in the month view → cancel', async () => {
    const requester = await openPage(browser);
    await signInByLink(requester.page, 'matti@example.org');
    const page = requester.page;
    const { venues } = await (await page.request.get('/api/venues')).json();
    const school = venues.find((venue: { name: string }) => venue.name === 'Kerkonkosken koulu');
    const gym = school.spaces.find((space: { name: string }) => space.name === 'Liikuntasali');
    const saturday = nextSaturday();
    const title = `Nuorisoseuran harjoitus ${Date.now()}`;

    await page.goto('/');
    await page.getByRole('link', { name: 'Tilat', exact: true }).click();
    await page.getByRole('link', { name: 'Kerkonkosken koulu' }).first().click();
    await page.getByLabel('Tila', { exact: true }).selectOption(gym.id);
    await page.getByLabel('Päivä', { exact: true }).fill(saturday);
    await page.getByLabel('Alkaa kello', { exact: true }).fill('12:00');
    await page.getByLabel('Päättyy kello', { exact: true }).fill('14:00');
    await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).fill(title);
    await page.getByLabel('Kenen nimissä varaat', { exact: true }).selectOption({ label: 'Kotalahden kyläyhdistys ry' });
    await page.getByRole('button', { name: 'Jatka: tarkista hinta ja ehdot' }).click();
    await page.getByRole('heading', { name: 'Tarkista pyyntö ennen lähettämistä' }).waitFor();
    await page.getByRole('button', { name: 'Lähetä varauspyyntö' }).click();
    await page.waitForURL((url) => url.pathname === '/bookings');
    await expect.poll(() => page.getByText('Varauspyyntö lähetettiin').isVisible(), { timeout: 15_000 }).toBe(true);

    const owner = await openPage(browser);
    await signInByLink(owner.page, 'juhani@example.org');
    await owner.page.goto('/bookings');
    await owner.page.locator('li.booking', { hasText: title }).getByRole('button', { name: 'Hyväksy' }).click();
    await expect.poll(() => owner.page.getByText('Varaus hyväksyttiin.').isVisible(), { timeout: 15_000 }).toBe(true);
    const approvedAt = Date.now() - 5_000;

    // The confirmation reaches the requester through the outbox and the worker, with the booking
    // as a calendar file.
    const mail = await waitForDevMail(page, 'matti@example.org', approvedAt);
    expect(mail.subject).toContain('Varauksesi on vahvistettu');
    await page.goto(`/dev/mail/${mail.id}`);
    const attachments = page.locator('section', { has: page.getByRole('heading', { name: 'Liitteet' }) });
    await attachments.getByText('varaus.ics').click();
    const calendarFile = await attachments.locator('pre').innerText();
    expect(calendarFile).toContain('BEGIN:VCALENDAR');
    expect(calendarFile).toContain('STATUS:CONFIRMED');
    expect(calendarFile).toContain(title);

    await page.goto(`/venues/${school.id}?space=${gym.id}&month=${saturday.slice(0, 7)}`);
    const day = Number(saturday.slice(8));
    expect(await page.locator(`td[data-day="${day}"]`).innerText()).toMatch(/12\.00–14\.\d\d varattu/);

    // The same time again: taken, and the page offers the waiting list for it.
    await page.getByLabel('Päivä', { exact: true }).fill(saturday);
    await page.getByLabel('Alkaa kello', { exact: true }).fill('12:00');
    await page.getByLabel('Päättyy kello', { exact: true }).fill('14:00');
    await page.getByLabel('Mihin tarvitsette tilaa?', { exact: true }).fill(`${title} toinen`);
    await page.getByLabel('Kenen nimissä varaat', { exact: true }).selectOption({ label: 'Kotalahden kyläyhdistys ry' });
    await page.getByRole('button', { name: 'Jatka: tarkista hinta ja ehdot' }).click();
    await page.getByRole('heading', { name: 'Tarkista pyyntö ennen lähettämistä' }).waitFor();
    await page.getByRole('button', { name: 'Lähetä varauspyyntö' }).click();
    const queue = page.getByRole('link', { name: /Liity jonoon/ });
    await queue.waitFor();
    expect(await queue.getAttribute('href')).toBe(`/waitlist/new?space=${gym.id}&date=${saturday}&from=12%3A00&to=14%3A00`);
    expect(await page.getByRole('link', { name: /Varaa toistuva vuoro/ }).getAttribute('href')).toBe(
      `/bookings/series/new?venue=${school.id}&space=${gym.id}`,
    );

    await page.goto('/bookings');
    await page.locator('li.booking', { hasText: title }).getByRole('button', { name: 'Peru varaus' }).click();
    await expect.poll(() => page.getByText('Varaus peruttiin.').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('li.booking', { hasText: title }).getByText('peruttu').isVisible()).toBe(true);
    // The refused second request answers 409 on purpose; nothing else may log an error.
    expect(requester.consoleErrors.filter((message) => !/status of 409/.test(message))).toEqual([]);
    expect(owner.consoleErrors).toEqual([]);
  });
});
