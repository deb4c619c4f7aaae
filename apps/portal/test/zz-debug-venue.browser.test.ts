import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

it('debug', async () => {
  const { page } = await openPage(browser, { javaScriptEnabled: false });
  await signInByLink(page, 'juhani@example.org');
  const { venues } = await (await page.request.get('/api/venues')).json();
  await page.goto(`/venues/${venues[0].id}`);
  console.log(await page.locator('#request-title').locator('..').innerHTML());
  const [response] = await Promise.all([page.waitForResponse(() => true), page.getByRole('button', { name: 'Jatka: tarkista hinta ja ehdot' }).click()]);
  console.log('STATUS', response.status(), response.url());
  await page.waitForLoadState('load');
  console.log('URL', page.url());
  console.log((await page.locator('main').innerText()).slice(0, 3000));
});
