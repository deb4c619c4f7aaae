import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  openPage,
  signInByLink,
  waitForDevMail,
  waitForHydration,
} from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function organisationIdOf(page: Page, name: string): Promise<string> {
  await page.goto('/');
  const href = await page.getByRole('link', { name, exact: true }).first().getAttribute('href');
  return href!.split('/')[2]!;
}

// Issue 12, giving away (kierrätys): Sorsakoski offers 20 of its 30 chairs, a coordinator of
// Niinivesi (another village of the region) claims them on a phone without JavaScript, Sorsakoski
// confirms, and Niinivesi's own catalogue has 20 chairs. axe runs in the giver's browser, which runs
// scripts (axe does not finish in a page without them).
describe('giving chairs away to another village', () => {
  it('offer → claim → confirm → the receiver’s catalogue shows 20 chairs', async () => {
    const giver = await openPage(browser);
    await signInByLink(giver.page, 'eeva@example.org');
    const sorsakoski = await organisationIdOf(giver.page, 'Sorsakosken kyläseura ry');
    await giver.page.goto(`/organisations/${sorsakoski}/lending`);
    await waitForHydration(giver.page);
    await giver.page.getByRole('link', { name: /^Anna pois\s*:\s*Tuolit$/ }).click();
    await giver.page.getByRole('heading', { level: 1, name: 'Anna pois: Tuolit' }).waitFor();
    await waitForHydration(giver.page);

    // More than there is: the form says how many may go, and keeps what was typed.
    await giver.page.getByLabel('Montako annat pois', { exact: true }).fill('31');
    await giver.page.getByRole('button', { name: 'Tarjoa annettavaksi' }).click();
    const summary = giver.page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link', { name: /Montako annat pois: Näin monta ei ole vapaana/ }).isVisible()).toBe(true);
    expect(await giver.page.getByText('Nyt voit antaa pois enintään 30 kpl.').isVisible()).toBe(true);
    await expectAccessible(giver.page);

    await giver.page.getByLabel('Montako annat pois', { exact: true }).fill('20');
    await giver.page.getByLabel('Huomiot saajalle', { exact: true }).fill('Vanhoja puutuoleja, ehjiä.');
    await giver.page.getByRole('button', { name: 'Tarjoa annettavaksi' }).click();
    await giver.page.getByText('Tarjous on nyt seudun kierrätyslistalla.').waitFor();
    expect(await giver.page.getByRole('heading', { name: '20 × Tuolit' }).isVisible()).toBe(true);
    await expectAccessible(giver.page);

    // Kalle coordinates several associations: he chooses which one claims, on a phone.
    const receiver = await openPage(browser, { javaScriptEnabled: false, width: 390 });
    await signInByLink(receiver.page, 'kalle@example.org');
    const niinivesi = await organisationIdOf(receiver.page, 'Niiniveden kyläyhdistys ry');
    await receiver.page.goto('/lending');
    await receiver.page.getByRole('link', { name: 'Kierrätys: annetaan pois' }).click();
    await receiver.page.getByRole('heading', { level: 1, name: 'Kierrätys: annetaan pois' }).waitFor();
    // The demo region's own offer is there too.
    expect(await receiver.page.getByRole('heading', { name: '10 × Pöytäliinat' }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(receiver.page);
    const offer = receiver.page.locator('.give-away', { hasText: 'Sorsakosken kyläseura ry' }).filter({
      has: receiver.page.getByRole('heading', { name: '20 × Tuolit' }),
    });
    expect(await offer.getByText('Vanhoja puutuoleja, ehjiä.').isVisible()).toBe(true);
    await offer.getByLabel('Mille yhdistykselle varaat').selectOption({ label: 'Niiniveden kyläyhdistys ry' });
    await offer.getByLabel('Viesti antajalle').fill('Haemme peräkärryllä torstaina.');
    const since = Date.now();
    await offer.getByRole('button', { name: /^Haluamme nämä\s*:\s*Tuolit$/ }).click();
    await receiver.page.getByText('Varaus lähetettiin.').waitFor();
    expect(new URL(receiver.page.url()).pathname).toBe(`/organisations/${niinivesi}/lending/give-aways`);
    expect(await receiver.page.getByText('Odottaa antajan vahvistusta.').isVisible()).toBe(true);
    await expectNoHorizontalScroll(receiver.page);

    // The giver hears of the claim and confirms it.
    const claimMail = await waitForDevMail(giver.page, 'eeva@example.org', since, /kierrätystavaranne/);
    expect(claimMail.subject).toBe('Joku haluaa kierrätystavaranne');
    await giver.page.goto('/lending/give-aways');
    await expectAccessible(giver.page);
    await giver.page.goto(`/organisations/${sorsakoski}/lending/give-aways`);
    expect(await giver.page.getByText('Haemme peräkärryllä torstaina.').isVisible()).toBe(true);
    await expectAccessible(giver.page);
    await giver.page.getByRole('button', { name: /^Vahvista: anna yhdistykselle Niiniveden kyläyhdistys ry/ }).click();
    await giver.page.getByText('Tavarat annettiin. Saaja sai sähköpostin.').waitFor();
    await expectAccessible(giver.page);
    await giver.page.goto(`/organisations/${sorsakoski}/lending`);
    expect(await giver.page.locator('.card', { hasText: 'Tuolit' }).getByText('Yhteensä 10 kpl').isVisible()).toBe(true);

    // The chairs are in Niinivesi's catalogue now; the mail tells them so.
    await waitForDevMail(receiver.page, 'kalle@example.org', since, /^Kierrätystavarat ovat nyt teidän$/);
    await receiver.page.goto(`/organisations/${niinivesi}/lending`);
    const chairs = receiver.page.locator('.card', { hasText: 'Tuolit' });
    expect(await chairs.getByText('Yhteensä 20 kpl').isVisible()).toBe(true);
    await expectNoHorizontalScroll(receiver.page);
    // Given, the offer has left the region's list.
    await receiver.page.goto('/lending/give-aways');
    expect(await receiver.page.getByRole('heading', { name: '20 × Tuolit' }).count()).toBe(0);

    await giver.context.close();
    await receiver.context.close();
  });

  it('keeps the owner’s give-away pages to its coordinators', async () => {
    const { page, context } = await openPage(browser);
    await signInByLink(page, 'helmi@example.org');
    const clubId = await organisationIdOf(page, 'Vesannon Eläkeläiset ry');
    expect((await page.goto(`/organisations/${clubId}/lending/give-aways`))?.status()).toBe(403);
    // Helmi is a plain member: she sees the list but no claim button.
    await page.goto('/lending/give-aways');
    expect(await page.getByRole('heading', { name: '10 × Pöytäliinat' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Haluamme nämä/ }).count()).toBe(0);
    await context.close();
  });
});
