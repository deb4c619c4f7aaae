import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helsinkiToday } from '@talkoot/platform/time';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const today = helsinkiToday();
// The month's grid starts on the 1st: today's cell is the day of the month.
const todayIndex = Number(today.slice(8, 10)) - 1;

async function freeToday(page: Page): Promise<number> {
  const text = await page.locator('.availability__day').nth(todayIndex).locator('.availability__count').innerText();
  return Number(text.split('/')[0]!.trim());
}

describe('units out of service, without JavaScript', () => {
  it('names the missing fields, marks units out of service, shrinks the grid, and brings them back', async () => {
    const owner = await openPage(browser, { javaScriptEnabled: false, width: 390 });
    const { page } = owner;
    // Aino answers for the Kotalahti village association (packages/database/src/demo-lending.ts).
    await signInByLink(page, 'aino@example.org');
    await page.goto('/');
    const href = await page.getByRole('link', { name: 'Kotalahden kyläyhdistys ry', exact: true }).first().getAttribute('href');
    const ownerId = href!.split('/')[2]!;
    await page.goto(`/organisations/${ownerId}/lending`);
    await page.getByRole('link', { name: /^Käytöstä poissa\s*: Astiasto/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Käytöstä poissa: Astiasto (lautanen, lasi, aterimet)' }).waitFor();
    await expectNoHorizontalScroll(page);
    const before = await freeToday(page);

    // Sent with the units, the end and the reason missing: each is named, at the top and at its field.
    await page.getByLabel('Asti (päivä)', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Merkitse käytöstä poistetuiksi' }).click();
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('link', { name: /Montako kappaletta: Anna kappalemäärä/ }).isVisible()).toBe(true);
    expect(await summary.getByRole('link', { name: /Asti \(päivä\): Valitse päivä/ }).isVisible()).toBe(true);
    expect(await summary.getByRole('link', { name: /Syy: Kerro syy/ }).isVisible()).toBe(true);
    expect(await page.locator('script[src]').count()).toBe(0);
    await expectAccessible(page);

    // More units than the item has.
    await page.getByLabel('Montako kappaletta', { exact: true }).fill('101');
    await page.getByRole('button', { name: 'Merkitse käytöstä poistetuiksi' }).click();
    expect(await summary.getByRole('link', { name: /Montako kappaletta: Anna kokonaisluku/ }).isVisible()).toBe(true);

    const reason = `Lautaset astianpesukoneessa rikki ${Date.now()}`;
    await page.getByLabel('Montako kappaletta', { exact: true }).fill('10');
    await page.getByLabel('Alkaen (päivä)', { exact: true }).fill(today);
    await page.getByLabel('Alkaen (kellonaika)', { exact: true }).fill('00:00');
    await page.getByLabel('Asti (päivä)', { exact: true }).fill(today);
    await page.getByLabel('Asti (kellonaika)', { exact: true }).fill('23:59');
    await page.getByLabel('Syy', { exact: true }).fill(reason);
    await page.getByRole('button', { name: 'Merkitse käytöstä poistetuiksi' }).click();
    await page.getByText('Tarvikkeet on merkitty käytöstä poistetuiksi.', { exact: false }).waitFor();
    expect(await freeToday(page)).toBe(Math.max(0, before - 10));
    const card = page.locator('.card', { hasText: reason });
    expect(await card.getByRole('heading', { name: '10 kpl pois käytöstä' }).isVisible()).toBe(true);
    await expectAccessible(page);

    await card.getByRole('button', { name: /Korjattu: takaisin käyttöön nyt/ }).click();
    await page.getByText('Tarvikkeet ovat taas käytössä.').waitFor();
    expect(await page.locator('.card', { hasText: reason }).count()).toBe(0);
    await owner.context.close();
  });
});
