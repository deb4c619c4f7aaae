// TEMPORARY (screenshots for review); deleted before hand-over.
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

it('takes screenshots', async () => {
  for (const width of [390, 1280]) {
    const { page, context } = await openPage(browser, { width });
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit' }).format(new Date(Date.now() + 10 * 86400000));
    await page.goto('/calendar');
    await page.screenshot({ path: `/tmp/cal/shots/list-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: width === 390 ? 1700 : 1300 } });
    const href = await page.locator('.calendar-item__title a').first().getAttribute('href');
    await page.goto(`/calendar?view=month&month=${month}`);
    await page.screenshot({ path: `/tmp/cal/shots/month-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: width === 390 ? 1700 : 1300 } });
    await page.goto(href!);
    await page.screenshot({ path: `/tmp/cal/shots/event-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: width === 390 ? 1700 : 1300 } });
    const cancelled = await page.request.get('/api/calendar');
    const items = (await cancelled.json()).items as { eventId: string; status: string; isCancelled: boolean }[];
    const c = items.find((i) => i.status === 'cancelled' || i.isCancelled);
    if (c) { await page.goto(`/events/${c.eventId}`); await page.screenshot({ path: `/tmp/cal/shots/event-cancelled-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: width === 390 ? 1700 : 1300 } }); }
    await page.goto('/calendar/subscribe?audience=seniors');
    await page.screenshot({ path: `/tmp/cal/shots/subscribe-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: width === 390 ? 1700 : 1300 } });
    await page.goto('/calendar/embed');
    await page.screenshot({ path: `/tmp/cal/shots/embed-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: width === 390 ? 1700 : 1300 } });
    await page.goto('/calendar/digest?audience=seniors');
    await page.screenshot({ path: `/tmp/cal/shots/digest-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: width === 390 ? 1700 : 1300 } });
    await page.goto('/calendar');
    await page.getByText('Valitse, mitä näytetään').click();
    await page.screenshot({ path: `/tmp/cal/shots/filter-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: width === 390 ? 1700 : 1300 } });
    await context.close();
  }
});
