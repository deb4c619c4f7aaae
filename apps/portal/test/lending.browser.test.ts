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

// The coming Saturday, at least two days ahead (items ask for notice).
const today = helsinkiToday();
const daysToSaturday = (6 - isoWeekday(today) + 7) % 7;
const saturday = addDays(today, daysToSaturday < 2 ? daysToSaturday + 7 : daysToSaturday);

// Who answers for each demo owner (packages/database/src/demo-data.ts).
const ownerCoordinators: Record<string, string> = {
  'Kotalahden kyläyhdistys ry': 'aino@example.org',
  'Sorsakosken kyläseura ry': 'eeva@example.org',
  'Kerkonkosken kyläyhdistys ry': 'juhani@example.org',
  'Rautalammin seurakunta': 'anna@example.org',
  'Vesannon Eläkeläiset ry': 'liisa@example.org',
  'Rautalammin Urheiluseura ry': 'omar@example.org',
  'Vesannon kunta': 'sari@example.org',
  'Leppävirran Nuorisoseura ry': 'sari@example.org',
  'Kotalahden Martat ry': 'sari@example.org',
  'Myhinpään Metsästysseura ry': 'kalle@example.org',
  'Oravikosken kyläyhdistys ry': 'kalle@example.org',
  'Niiniveden kyläyhdistys ry': 'kalle@example.org',
};

async function fillSearch(
  page: Page,
  fields: { text?: string; quantity?: string; municipality?: string; from: string; to: string },
) {
  await page.goto('/lending');
  if (fields.text) await page.getByLabel('Mitä tarvitset', { exact: true }).fill(fields.text);
  if (fields.quantity) await page.getByLabel('Montako tarvitset', { exact: true }).fill(fields.quantity);
  if (fields.municipality) await page.getByLabel('Kunta', { exact: true }).selectOption({ label: fields.municipality });
  await page.getByLabel('Alkaa päivänä', { exact: true }).fill(saturday);
  await page.getByLabel('Alkaa kello', { exact: true }).fill(fields.from);
  await page.getByLabel('Päättyy päivänä', { exact: true }).fill(saturday);
  await page.getByLabel('Päättyy kello', { exact: true }).fill(fields.to);
  await page.getByRole('button', { name: 'Hae vapaat tarvikkeet' }).click();
}

async function organisationIdOf(page: Page, name: string): Promise<string> {
  await page.goto('/');
  const href = await page.getByRole('link', { name, exact: true }).first().getAttribute('href');
  return href!.split('/')[2]!;
}

describe('finding equipment in the region', () => {
  it('is in the menu, the footer and on the home page', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tarvikkeet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lainattavat tarvikkeet' }).waitFor();
    await page.goto('/');
    expect(await page.getByRole('heading', { name: 'Lainattavat tarvikkeet' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Lainaa tarvikkeita' }).isVisible()).toBe(true);
    expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Lainattavat tarvikkeet' }).isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('names every field of a search that cannot be run, without JavaScript and at 320 px', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false, width: 320 });
    await page.goto(`/lending?text=tuoli&quantity=kolmekymment%C3%A4&fromDate=2020-01-01&fromTime=10%3A00`);
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('link', { name: /Montako tarvitset: Kirjoita määrä numeroina/ }).isVisible()).toBe(true);
    expect(await summary.getByRole('link', { name: /Alkaa päivänä: Päivä on jo mennyt/ }).isVisible()).toBe(true);
    expect(await summary.getByRole('link', { name: /Päättyy päivänä: Valitse päivä/ }).isVisible()).toBe(true);
    expect(await summary.getByRole('link', { name: /Päättyy kello: Kirjoita kellonaika/ }).isVisible()).toBe(true);
    // What was typed stays in the form.
    expect(await page.getByLabel('Mitä tarvitset', { exact: true }).inputValue()).toBe('tuoli');
    // The page sends no scripts: it is read as it came from the server.
    expect(await page.locator('script[src]').count()).toBe(0);
    await context.close();

    // axe runs as a script of its own, so the same page is checked in a browser that runs scripts.
    const checked = await openPage(browser, { width: 320 });
    await checked.page.goto(`/lending?text=tuoli&quantity=kolmekymment%C3%A4&fromDate=2020-01-01&fromTime=10%3A00`);
    await expectAccessible(checked.page);
    await expectNoHorizontalScroll(checked.page);
    await checked.context.close();
  });

  it('keeps the owner pages to the owner’s coordinators and my loans to signed-in people', async () => {
    const { page, context } = await openPage(browser);
    const response = await page.goto('/loans');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(response?.status()).toBe(200);
    // Helmi is a plain member of the pensioners' club: its lending pages are not hers to manage.
    await signInByLink(page, 'helmi@example.org');
    const clubId = await organisationIdOf(page, 'Vesannon Eläkeläiset ry');
    for (const path of ['', '/requests', '/week', '/items/new']) {
      const refused = await page.goto(`/organisations/${clubId}/lending${path}`);
      expect(refused?.status(), path).toBe(403);
    }
    await context.close();
  });
});

// The whole journey of issue 12, through the public origin without JavaScript.
describe('borrowing from two owners in one request', () => {
  it('search → one request → both owners approve → picked up on the QR page → one chair back broken', async () => {
    const borrower = await openPage(browser, { javaScriptEnabled: false });
    await signInByLink(borrower.page, 'juhani@example.org');
    await fillSearch(borrower.page, { text: 'tuoli', quantity: '30', municipality: 'Rautalampi', from: '10:00', to: '18:00' });
    const hits = borrower.page.locator('.lending-hit');
    expect(await hits.count()).toBeGreaterThanOrEqual(2);
    expect(
      await borrower.page
        .getByText(/\/ \d+ vapaana/)
        .first()
        .isVisible(),
    ).toBe(true);
    await expectAccessible(borrower.page);

    // 20 from one owner and 10 from another, the nearest first.
    const owners: string[] = [];
    const items: string[] = [];
    const takenFrom = [20, 10];
    for (let index = 0; index < (await hits.count()) && owners.length < 2; index += 1) {
      const hit = hits.nth(index);
      const owner = /Omistaja: (.+)$/.exec((await hit.locator('.muted').innerText()).trim())?.[1] ?? '';
      if (owners.includes(owner) || !ownerCoordinators[owner]) continue;
      await hit.getByRole('spinbutton').fill(String(takenFrom[owners.length]));
      owners.push(owner);
      items.push((await hit.getByRole('link').first().getAttribute('href'))!.split('/').at(-1)!);
    }
    expect(owners).toHaveLength(2);
    await borrower.page
      .getByLabel('Kenen puolesta lainaat', { exact: true })
      .selectOption({ label: 'Kerkonkosken kyläyhdistys ry' });
    await borrower.page.getByLabel('Kuka hakee tavarat', { exact: true }).fill('Juhani Mäkinen 040 111 2222');
    await borrower.page.getByLabel('Kyllä, tarvitsemme apua kuljetukseen').check();
    await borrower.page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
    await borrower.page.getByRole('heading', { level: 1, name: 'Pyyntö lähetetty' }).waitFor();
    for (const owner of owners)
      expect(await borrower.page.getByRole('heading', { name: `Laina omistajalta ${owner}` }).isVisible()).toBe(true);
    await expectAccessible(borrower.page);

    // Each owner approves its own part.
    for (const owner of owners) {
      const coordinator = await openPage(browser);
      await signInByLink(coordinator.page, ownerCoordinators[owner]!);
      const ownerId = await organisationIdOf(coordinator.page, owner);
      await coordinator.page.goto(`/organisations/${ownerId}/lending/requests`);
      await expectAccessible(coordinator.page);
      const request = coordinator.page.locator('.loan-group', { hasText: 'Kerkonkosken kyläyhdistys' }).first();
      // Each coordinator reads the portal in their own language (Anna of the parish in Swedish).
      await request.getByRole('button', { name: /^(Hyväksy|Godkänn|Approve)$/ }).click();
      await coordinator.page.getByText(/^(Laina hyväksyttiin|Lånet godkändes|The loan was approved)\./).waitFor();
      await coordinator.context.close();
    }

    // Picked up from the QR page on a phone, returned with one chair broken.
    const owner = await openPage(browser, { javaScriptEnabled: false, width: 390 });
    // The owner whose coordinator reads Finnish (Anna reads Swedish, Omar English).
    const finnishOwner = owners.findIndex((name) => !['anna@example.org', 'omar@example.org'].includes(ownerCoordinators[name]!));
    expect(finnishOwner).toBeGreaterThanOrEqual(0);
    await signInByLink(owner.page, ownerCoordinators[owners[finnishOwner]!]!);
    await owner.page.goto(`/lending/items/${items[finnishOwner]}`);
    await expectNoHorizontalScroll(owner.page);
    await owner.page.getByRole('button', { name: 'Haettu nyt' }).click();
    await owner.page.getByText('Merkitty haetuksi.').waitFor();
    await owner.page.getByRole('link', { name: 'Palautus' }).click();
    await owner.page
      .getByLabel(/Kunnossa/)
      .first()
      .fill(String(takenFrom[finnishOwner]! - 1));
    await owner.page.getByLabel(/Rikki/).first().fill('1');
    await owner.page.getByRole('button', { name: 'Tallenna palautus' }).click();
    await owner.page.getByText('Palautus tallennettiin.').waitFor();
    await expectAccessible(owner.page);

    await borrower.page.goto('/loans');
    expect(await borrower.page.getByText('Palautettu').first().isVisible()).toBe(true);
    await borrower.context.close();
    await owner.context.close();
  });
});
