import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
// With SCREENSHOTS=dir, each step is also saved as a full-page PNG to look at.
async function snap(page: Page, name: string) {
  const folder = process.env.SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an organisation’s own templates, without JavaScript', () => {
  it('saves an event’s tasks under a name, offers it for the next event, and deletes it after a yes', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false, width: 390 });
    // Sari answers for the municipality, whose winter market has the whole market's tasks (demo-volunteering.ts).
    await signInByLink(page, 'sari@example.org');
    await page.goto('/');
    const href = await page.getByRole('link', { name: 'Vesannon kunta', exact: true }).first().getAttribute('href');
    await page.goto(`/organisations/${href!.split('/')[2]}/volunteering`);
    await page.getByRole('heading', { level: 1, name: /^Talkoot: Vesannon kunta/ }).waitFor();
    expect(await page.getByText('Teillä ei ole vielä omia pohjia.', { exact: false }).isVisible()).toBe(true);

    // The first event with tasks: saved without a name, the field says what is missing.
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Tallenna tehtävät omaksi pohjaksi' }) }).first();
    await form.getByRole('button', { name: 'Tallenna tehtävät omaksi pohjaksi' }).click();
    const namedForm = page.locator('form', { has: page.getByRole('button', { name: 'Tallenna tehtävät omaksi pohjaksi' }) });
    expect(await namedForm.getByText('Täytä tämä kohta.').first().isVisible()).toBe(true);
    await expectAccessible(page);

    await namedForm
      .filter({ has: page.getByText('Täytä tämä kohta.') })
      .getByLabel('Pohjan nimi')
      .fill('Meidän kesämarkkinat');
    await namedForm
      .filter({ has: page.getByText('Täytä tämä kohta.') })
      .getByRole('button', { name: 'Tallenna tehtävät omaksi pohjaksi' })
      .click();
    expect(await page.getByText('Pohja tallennettiin. Löydät sen pohjien listasta.').isVisible()).toBe(true);
    const own = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Omat pohjat' }) });
    expect(await own.getByRole('heading', { level: 3, name: 'Meidän kesämarkkinat' }).isVisible()).toBe(true);
    const offered = await page.locator('#template-template option', { hasText: 'Meidän kesämarkkinat' }).count();
    expect(offered).toBe(1);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await snap(page, 'own-templates');

    // Deleting asks for a yes first.
    await own.getByRole('button', { name: /^Poista pohja/ }).click();
    expect(
      await page
        .locator('section', { has: page.getByRole('heading', { level: 2, name: 'Omat pohjat' }) })
        .getByRole('alert')
        .isVisible(),
    ).toBe(true);
    await own.getByLabel(/Kyllä, poista tämä pohja/).check();
    await own.getByRole('button', { name: /^Poista pohja/ }).click();
    expect(await page.getByText('Pohja poistettiin.').isVisible()).toBe(true);
    expect(await page.locator('#template-template option', { hasText: 'Meidän kesämarkkinat' }).count()).toBe(0);
    await context.close();
  });
});
