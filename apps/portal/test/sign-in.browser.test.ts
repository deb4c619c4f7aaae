import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, requestSignIn, signInByLink, waitForDevMail } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Each test signs in as its own demo person: the product's state is shared by the browser tests.
describe.each([
  { javaScriptEnabled: true, label: 'with JavaScript', email: 'matti@example.org', name: 'Matti Korhonen' },
  { javaScriptEnabled: false, label: 'without JavaScript', email: 'juhani@example.org', name: 'Juhani Mäkinen' },
])('a demo user $label', ({ javaScriptEnabled, email, name }) => {
  it('signs in through the link in the dev mailbox, switches language to Swedish and English and back, and signs out', async () => {
    const { page, context, consoleErrors } = await openPage(browser, { javaScriptEnabled });
    await signInByLink(page, email);
    // The token has left the address bar.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByText(`Kirjautuneena: ${name}`).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');

    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    await expect.poll(() => page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Suomi' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fi');
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Kirjaudu sisään' }).first().isVisible()).toBe(true);
    expect(await page.getByText('Kirjautuneena').count()).toBe(0);
    expect(consoleErrors, `console errors:\n${consoleErrors.join('\n')}`).toEqual([]);
    await context.close();
  });
});

describe('sign-in on another device', () => {
  it('signs in with the 6-digit code from the mail, without JavaScript', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    const since = await requestSignIn(page, 'liisa@example.org');
    const mail = await waitForDevMail(page, 'liisa@example.org', since);
    const { message } = await (await page.request.get(`/api/dev/mail/${mail.id}`)).json();
    const code = /\b(\d{3} ?\d{3})\b/.exec(message.text)?.[1];
    expect(code, 'a six-digit code in the mail').toMatch(/^\d{3} ?\d{3}$/);
    await page.getByLabel('Koodi').fill(code!.replace(/\s/g, '') === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    // A wrong code is explained in words and the form keeps working.
    await expect.poll(() => page.getByText('Koodi on väärä tai vanhentunut', { exact: false }).first().isVisible()).toBe(true);
    await page.getByLabel('Koodi').fill(code!);
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await expect.poll(() => page.getByText('Kirjautuneena: Liisa Heikkinen').isVisible()).toBe(true);
    await context.close();
  });

  it('explains a used link and offers a new one', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/sign-in/link?token=thisTokenWasNeverIssuedByTalkootAtAll12345');
    await expect.poll(() => page.getByRole('heading', { name: 'Kirjautumislinkki ei enää toimi' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await context.close();
  });
});
