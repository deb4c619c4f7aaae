import { chromium } from 'playwright-core';
const base = 'http://localhost:3900';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function ctx(width) {
  const c = await browser.newContext({ baseURL: base, viewport: { width, height: 900 }, locale: 'fi-FI' });
  return [c, await c.newPage()];
}
async function signIn(page, email) {
  const since = Date.now();
  await page.goto('/sign-in');
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByRole('button', { name: 'Lähetä linkki ja koodi' }).click();
  await page.getByRole('heading', { name: 'Tarkista sähköpostisi' }).waitFor();
  for (let i = 0; i < 100; i++) {
    const { messages } = await (await page.request.get('/api/dev/mail')).json();
    const m = messages.find((x) => x.to.includes(email) && Date.parse(x.date) >= since - 1000 && /Kirjaudu|Logga|Sign in/.test(x.subject));
    if (m) { await page.goto(`/dev/mail/${m.id}`); await page.locator('a[href*="/sign-in/link?token="]').first().click(); await page.waitForURL((u) => u.pathname === '/'); return; }
    await page.waitForTimeout(200);
  }
  throw new Error('no mail');
}
for (const width of [390, 1280]) {
  const [c, page] = await ctx(width);
  await signIn(page, 'aino@example.org');
  await page.goto('/');
  const href = await page.getByRole('link', { name: 'Kotalahden kyläyhdistys ry', exact: true }).first().getAttribute('href');
  const id = href.split('/')[2];
  for (const [name, path] of [['catalogue', ''], ['week', '/week'], ['requests', '/requests']]) {
    await page.goto(`/organisations/${id}/lending${path}`);
    await page.screenshot({ path: `/tmp/me/shots/owner-${name}-${width}.png`, fullPage: true });
  }
  await c.close();
}
await browser.close();
