import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, helsinkiToday, isoWeekday } from '@talkoot/platform/time';
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

// The coming Saturday, at least two days ahead (items ask for notice).
const daysToSaturday = (6 - isoWeekday(today) + 7) % 7;
const saturday = addDays(today, daysToSaturday < 2 ? daysToSaturday + 7 : daysToSaturday);

async function kotalahtiId(page: Page): Promise<string> {
  await page.goto('/');
  const href = await page.getByRole('link', { name: 'Kotalahden kyläyhdistys ry', exact: true }).first().getAttribute('href');
  return href!.split('/')[2]!;
}

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
    const ownerId = await kotalahtiId(page);
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

  it('warns the owner of a loan that no longer fits once units go out of service', async () => {
    // Juhani asks for 60 of Kotalahti's 100 sets of tableware for Saturday.
    const borrower = await openPage(browser, { javaScriptEnabled: false });
    await signInByLink(borrower.page, 'juhani@example.org');
    await borrower.page.goto(
      `/lending?text=astiasto&quantity=60&fromDate=${saturday}&fromTime=10%3A00&toDate=${saturday}&toTime=18%3A00`,
    );
    const hit = borrower.page.locator('.lending-hit', { hasText: 'Kotalahden kyläyhdistys ry' }).first();
    await hit.getByRole('spinbutton').fill('60');
    await borrower.page
      .getByLabel('Kenen puolesta lainaat', { exact: true })
      .selectOption({ label: 'Kerkonkosken kyläyhdistys ry' });
    await borrower.page.getByLabel('Kuka hakee tavarat', { exact: true }).fill('Juhani Mäkinen 040 111 2222');
    await borrower.page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
    await borrower.page.getByRole('heading', { level: 1, name: 'Pyyntö lähetetty' }).waitFor();
    // The borrower is not told to decide anything.
    expect(await borrower.page.getByText('Tämä laina ei enää mahdu varastoon').count()).toBe(0);
    await borrower.context.close();

    const owner = await openPage(browser, { javaScriptEnabled: false, width: 390 });
    const { page } = owner;
    await signInByLink(page, 'aino@example.org');
    const ownerId = await kotalahtiId(page);
    await page.goto(`/organisations/${ownerId}/lending`);
    await page.getByRole('link', { name: /^Käytöstä poissa\s*: Astiasto/ }).click();
    const reason = `Astianpesukone hajosi ${Date.now()}`;
    await page.getByLabel('Montako kappaletta', { exact: true }).fill('50');
    await page.getByLabel('Alkaen (päivä)', { exact: true }).fill(saturday);
    await page.getByLabel('Alkaen (kellonaika)', { exact: true }).fill('00:00');
    await page.getByLabel('Asti (päivä)', { exact: true }).fill(saturday);
    await page.getByLabel('Asti (kellonaika)', { exact: true }).fill('23:59');
    await page.getByLabel('Syy', { exact: true }).fill(reason);
    await page.getByRole('button', { name: 'Merkitse käytöstä poistetuiksi' }).click();
    await page.getByText('Tarvikkeet on merkitty käytöstä poistetuiksi.', { exact: false }).waitFor();

    await page.goto(`/organisations/${ownerId}/lending/requests`);
    const loan = page.locator('.loan-group', { hasText: 'Astiasto' }).filter({ hasText: 'Kerkonkosken kyläyhdistys ry' }).first();
    expect(await loan.getByText('Tämä laina ei enää mahdu varastoon: osa tarvikkeista on poistettu käytöstä.').isVisible()).toBe(
      true,
    );
    expect(await loan.getByText('Päätä: peru laina tai kysy lainaajalta.').isVisible()).toBe(true);
    await expectAccessible(page);

    // The tableware is back: the period, not begun yet, goes away.
    await page.goto(`/organisations/${ownerId}/lending`);
    await page.getByRole('link', { name: /^Käytöstä poissa\s*: Astiasto/ }).click();
    await page
      .locator('.card', { hasText: reason })
      .getByRole('button', { name: /Korjattu/ })
      .click();
    await page.getByText('Tarvikkeet ovat taas käytössä.').waitFor();
    await owner.context.close();
  });
});
