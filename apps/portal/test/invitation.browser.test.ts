import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signInByLink, waitForDevMail } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an organisation admin invites a new member', () => {
  it('invites by email; the newcomer accepts from the mail without JavaScript and lands signed in as a member', async () => {
    const admin = await openPage(browser, { javaScriptEnabled: false });
    await signInByLink(admin.page, 'eeva@example.org');
    const { organisations } = await (await admin.page.request.get('/api/organisations')).json();
    const sorsakoski = organisations.find((organisation: { name: string }) => organisation.name === 'Sorsakosken kyläseura ry');
    await admin.page.goto(`/admin/organisations/${sorsakoski.id}`);
    const email = `uusi.jasen.${Date.now()}@example.org`;
    const since = Date.now();
    await admin.page.getByLabel('Sähköpostiosoite').fill(email);
    await admin.page.getByRole('button', { name: 'Lähetä kutsu' }).click();
    await expect.poll(() => admin.page.getByText(email).first().isVisible()).toBe(true);

    const newcomer = await openPage(browser, { javaScriptEnabled: false });
    const mail = await waitForDevMail(newcomer.page, email, since);
    await newcomer.page.goto(`/dev/mail/${mail.id}`);
    await newcomer.page.locator('a[href*="/invitations/"]').first().click();
    await expect
      .poll(() => newcomer.page.getByRole('heading', { name: 'Kutsu: Sorsakosken kyläseura ry' }).isVisible())
      .toBe(true);
    await newcomer.page.getByRole('button', { name: 'Hyväksy kutsu' }).click();
    // No name given: the form says what is missing and keeps working.
    await expect.poll(() => newcomer.page.getByText('Korjaa nämä kohdat').isVisible()).toBe(true);
    await newcomer.page.getByLabel('Nimesi').fill('Ville Uusi');
    await newcomer.page.getByRole('button', { name: 'Hyväksy kutsu' }).click();
    await expect.poll(() => newcomer.page.getByText('Kirjautuneena: Ville Uusi').isVisible()).toBe(true);

    await admin.page.goto(`/admin/organisations/${sorsakoski.id}`);
    await expect
      .poll(() => admin.page.getByRole('cell', { name: 'Ville Uusi' }).or(admin.page.getByText('Ville Uusi')).first().isVisible())
      .toBe(true);
    await admin.context.close();
    await newcomer.context.close();
  });
});
