import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
}

// A fresh context per person; console errors are collected and fail the test at the end.
export async function openPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; width?: number; locale?: string } = {},
): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'fi-FI',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) pagesWithoutScripts.add(page);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { context, page, consoleErrors };
}

// Pages opened with JavaScript off: axe is a script, so it cannot run inside them.
const pagesWithoutScripts = new WeakSet<Page>();

export async function expectAccessible(page: Page): Promise<void> {
  if (pagesWithoutScripts.has(page)) {
    // The same address, as the same signed-in person, in a browser that runs scripts. Only a GET
    // is repeated (every form here answers with a redirect), so nothing changes twice.
    const context = page.context();
    const checked = await context.browser()!.newContext({
      baseURL: baseUrl(),
      storageState: await context.storageState(),
      viewport: page.viewportSize() ?? { width: 1280, height: 900 },
      locale: 'fi-FI',
    });
    try {
      const checkedPage = await checked.newPage();
      await checkedPage.goto(page.url());
      await expectAccessible(checkedPage);
    } finally {
      await checked.close();
    }
    return;
  }
  // The dev mailbox shows mail HTML in a sandboxed frame without scripts, where axe cannot run.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe[sandbox]')
    .options({ iframes: false })
    .analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

// Hydration done: React Router marks nothing, so wait until the scripts have run.
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

interface DevMailSummary {
  id: string;
  to: string;
  subject: string;
  date: string;
}

// Waits for a mail to the address that arrived after `since` (the worker sends it through the outbox).
export async function waitForDevMail(page: Page, email: string, since: number, subject?: RegExp): Promise<DevMailSummary> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const response = await page.request.get('/api/dev/mail');
    const { messages } = (await response.json()) as { messages: DevMailSummary[] };
    const found = messages.find(
      (message) =>
        message.to.includes(email) && Date.parse(message.date) >= since - 1000 && (!subject || subject.test(message.subject)),
    );
    if (found) return found;
    await page.waitForTimeout(200);
  }
  throw new Error(`no mail to ${email} arrived in the dev mailbox`);
}

const SIGN_IN_SUBJECT = /^(Kirjaudu Talkoot-palveluun|Logga in på Talkoot|Sign in to Talkoot)$/;

export async function requestSignIn(page: Page, email: string): Promise<number> {
  const since = Date.now();
  await page.goto('/sign-in');
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByRole('button', { name: 'Lähetä linkki ja koodi' }).click();
  await page.getByRole('heading', { name: 'Tarkista sähköpostisi' }).waitFor();
  return since;
}

// The way a person does it: ask for a link, open the dev mailbox, click the link in the mail.
export async function signInByLink(page: Page, email: string): Promise<void> {
  const since = await requestSignIn(page, email);
  // The sign-in mail itself: a booking mail to the same person may have arrived in the same second.
  const mail = await waitForDevMail(page, email, since, SIGN_IN_SUBJECT);
  await page.goto(`/dev/mail/${mail.id}`);
  await page.locator('a[href*="/sign-in/link?token="]').first().click();
  await page.waitForURL((url) => url.pathname === '/');
}
