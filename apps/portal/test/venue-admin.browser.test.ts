import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A real PNG (an RGB gradient) written by hand, so the test needs no image library.
function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const offset = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1)
      rows.set([Math.round((x / width) * 255), Math.round((y / height) * 255), 120], offset + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function post(page: Page, path: string, body: unknown) {
  const response = await page.request.post(path, { data: body, headers: { origin: baseUrl() } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

const submit = (page: Page, intent: string) =>
  page.locator(`form:has(input[name="intent"][value="${intent}"]) button[type="submit"]`).first();

describe('managing a venue', () => {
  it('the owner edits details, opening hours and a price, adds a photo and renews the secret calendar address, all without JavaScript', async () => {
    const setup = await openPage(browser);
    await signInByLink(setup.page, 'matti@example.org');
    const { organisations } = await (await setup.page.request.get('/api/organisations')).json();
    const kotalahti = organisations.find((organisation: { name: string }) =>
      organisation.name.startsWith('Kotalahden kyläyhdistys'),
    );
    const { venue } = await post(setup.page, `/api/organisations/${kotalahti.id}/venues`, {
      villageId: kotalahti.village.id,
      name: `Hallintatalo ${Date.now()}`,
      address: 'Kylätie 3',
      capacity: 60,
    });
    await post(setup.page, `/api/organisations/${kotalahti.id}/venues/${venue.id}/spaces`, { name: 'Juhlasali' });
    const managePath = `/venues/${venue.id}/manage`;

    const owner = await openPage(browser, { javaScriptEnabled: false });
    const page = owner.page;
    await signInByLink(page, 'matti@example.org');
    const response = await page.goto(managePath);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Talon tiedot', 'Kuvat', 'Tilojen säännöt ja hinnat', 'Kalenterit']),
    );

    // Details: contact person and key instructions.
    await page.fill('#details-contactName', 'Matti Meikäläinen');
    await page.fill('#details-contactPhone', 'soita minulle');
    await page.fill('#details-keyInstructions', 'Avain on kaupan kassalla.');
    await submit(page, 'details').click();
    await expect.poll(() => page.locator('.error-summary').first().textContent()).toContain('Puhelinnumero');
    expect(await page.locator('#details-keyInstructions').inputValue()).toBe('Avain on kaupan kassalla.');
    await page.fill('#details-contactPhone', '040 123 4567');
    await submit(page, 'details').click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Talon tiedot tallennettiin');
    expect(await page.locator('#details-contactName').inputValue()).toBe('Matti Meikäläinen');
    expect(await page.locator('#details-keyInstructions').inputValue()).toBe('Avain on kaupan kassalla.');

    // The space: open Tue–Sun 8–22, closed on Mondays, 12,50 € an hour for associations.
    await page.check('#space1-hoursMode-weekly');
    await page.check('#space1-closed-1');
    for (const day of [2, 3, 4, 5, 6, 7]) {
      await page.fill(`#space1-opens-${day}`, '8');
      await page.fill(`#space1-closes-${day}`, '22:00');
    }
    await page.check('#space1-priceUnit-hour');
    await page.fill('#space1-priceRegion', '12,50');
    await page.fill('#space1-closedFrom-0', '2026-12-24');
    await page.fill('#space1-closedTo-0', '2026-12-26');
    await page.fill('#space1-closedReason-0', 'Joulu');
    await submit(page, 'space').click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Tilan säännöt tallennettiin');
    expect(await page.locator('#space1-opens-2').inputValue()).toBe('08:00');
    expect(await page.locator('#space1-priceRegion').inputValue()).toBe('12,50');
    expect(await page.locator('#space1-closed-1').isChecked()).toBe(true);
    expect(await page.locator('#space1-closedReason-0').inputValue()).toBe('Joulu');
    const saved = (await (await setup.page.request.get(`/api/venues/${venue.id}`)).json()).venue.spaces[0];
    expect(saved).toMatchObject({
      priceUnit: 'hour',
      priceRegionCents: 1250,
      closedDates: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Joulu' }],
    });
    expect(saved.openingHours).toHaveLength(6);

    // A photo needs a text alternative.
    await page.setInputFiles('#photo-upload-photo', { name: 'sali.png', mimeType: 'image/png', buffer: makePng(900, 600) });
    await submit(page, 'upload-photo').click();
    await expect.poll(() => page.locator('.error-summary').first().textContent()).toContain('Mitä kuvassa näkyy');
    await page.setInputFiles('#photo-upload-photo', { name: 'sali.png', mimeType: 'image/png', buffer: makePng(900, 600) });
    await page.fill('#photo-upload-altText', 'Juhlasali, jossa pitkät pöydät');
    await submit(page, 'upload-photo').click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Kuva lisättiin');
    const image = page.locator('.manage-photos img[alt="Juhlasali, jossa pitkät pöydät"]');
    await expect.poll(() => image.count()).toBe(1);
    const thumbnail = await page.request.get((await image.getAttribute('src'))!);
    expect(thumbnail.status()).toBe(200);
    expect(thumbnail.headers()['content-type']).toBe('image/webp');

    // A new secret calendar address; the old one stops working.
    const oldUrl = (await page.locator('[data-feed="private"]').textContent())!.trim();
    expect((await page.request.get(new URL(oldUrl).pathname)).status()).toBe(200);
    await submit(page, 'renew-feed').click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain('Uusi salainen osoite');
    const newUrl = (await page.locator('[data-feed="private"]').textContent())!.trim();
    expect(newUrl).not.toBe(oldUrl);
    expect((await page.request.get(new URL(oldUrl).pathname)).status()).toBe(404);
    const feed = await page.request.get(new URL(newUrl).pathname);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect((await page.request.get(`/feeds/venues/${venue.id}.ics`)).status()).toBe(200);

    // The two refused forms answered 400 on purpose; nothing else may fail.
    expect(owner.consoleErrors.filter((message) => !message.includes('status of 400'))).toEqual([]);

    // axe needs scripts: the same page, seen with JavaScript, wide and at 320 px.
    await setup.page.goto(managePath);
    // The thumbnail really shows (served through the portal's /api proxy, allowed by the CSP).
    await expect
      .poll(() => setup.page.locator('.manage-photos img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(480);
    await expectAccessible(setup.page);
    await setup.page.screenshot({ path: '/tmp/venue-admin-1280.png', fullPage: true });
    await setup.page.setViewportSize({ width: 320, height: 800 });
    await setup.page.goto(managePath);
    await expectNoHorizontalScroll(setup.page);
    await expectAccessible(setup.page);
    await setup.page.screenshot({ path: '/tmp/venue-admin-320.png', fullPage: true });
    expect(setup.consoleErrors).toEqual([]);
  });

  it('shows the forbidden page to a member of another organisation', async () => {
    const setup = await openPage(browser);
    await signInByLink(setup.page, 'matti@example.org');
    const { venues } = await (await setup.page.request.get('/api/venues')).json();
    const hall = venues.find((venue: { organisation: { name: string } }) =>
      venue.organisation.name.startsWith('Kotalahden kyläyhdistys'),
    );
    const outsider = await openPage(browser);
    await signInByLink(outsider.page, 'juhani@example.org');
    const response = await outsider.page.goto(`/venues/${hall.id}/manage`);
    expect(response?.status()).toBe(403);
    expect(await outsider.page.locator('h1').textContent()).toContain('Sinulla ei ole pääsyä');
  });
});
