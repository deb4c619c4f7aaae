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

// A small blue PNG: the api turns it into WebP like any phone photo.
const photo = {
  name: 'astiasto.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfUlEQVRoge2SAQkAURSDlshi18msF2M8/sAAOhY+T5O6AQuwviK7kHdJ3YAFWF+RXci7pG7AAqyvyC7kXVI3YAHWV2QX8i6pG7AA6yuyC3mX1A1YgPUV2YW8S+oGLMD6iuxC3iV1AxZgfUV2Ie+SugELsL4iu5B3Sd2AxwN+OWCU09BuSDUAAAAASUVORK5CYII=',
    'base64',
  ),
};

describe('photos of a lending item, without JavaScript', () => {
  it('names what is missing, adds a photo with its description, shows it on the item’s page, and removes it', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false, width: 390 });
    // Aino answers for the Kotalahti village association (packages/database/src/demo-lending.ts).
    await signInByLink(page, 'aino@example.org');
    await page.goto('/');
    const href = await page.getByRole('link', { name: 'Kotalahden kyläyhdistys ry', exact: true }).first().getAttribute('href');
    await page.goto(`/organisations/${href!.split('/')[2]}/lending`);
    await page.getByRole('link', { name: /^Kuvat\s*: Astiasto/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Kuvat: Astiasto (lautanen, lasi, aterimet)' }).waitFor();
    expect(await page.getByText('Tavaralla ei ole vielä kuvia.').isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    // Sent empty: both fields are named, at the top and at the field.
    await page.getByRole('button', { name: 'Lisää kuva' }).click();
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('link', { name: /Kuvatiedosto/ }).isVisible()).toBe(true);
    expect(await summary.getByRole('link', { name: /Mitä kuvassa näkyy/ }).isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel('Kuvatiedosto').setInputFiles(photo);
    await page.getByLabel('Mitä kuvassa näkyy').fill('Valkoiset lautaset ja lasit pinoissa pöydällä');
    await page.getByRole('button', { name: 'Lisää kuva' }).click();
    expect(await page.getByText('Kuva lisättiin.').isVisible()).toBe(true);
    const thumbnail = page.getByRole('img', { name: 'Valkoiset lautaset ja lasit pinoissa pöydällä' });
    expect(await thumbnail.isVisible()).toBe(true);
    expect(await thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    await expectAccessible(page);
    await snap(page, 'item-photos');

    // The item's own page, as a borrower opening it from a QR label sees it.
    await page.getByRole('link', { name: 'Astiasto (lautanen, lasi, aterimet)' }).click();
    const shown = page.getByRole('img', { name: 'Valkoiset lautaset ja lasit pinoissa pöydällä' });
    await shown.waitFor();
    expect(await shown.getAttribute('src')).toMatch(/^\/api\/lending-photos\/[0-9a-f-]{36}$/);
    expect(await shown.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    await snap(page, 'item-with-photo');

    // Removing asks for a yes first, then the photo is gone from the item.
    await page.getByRole('link', { name: 'Kuvat', exact: true }).click();
    await page.getByRole('button', { name: /^Poista kuva/ }).click();
    expect(await page.getByRole('alert').isVisible()).toBe(true);
    await page.getByLabel(/Kyllä, poista tämä kuva/).check();
    await page.getByRole('button', { name: /^Poista kuva/ }).click();
    expect(await page.getByText('Kuva poistettiin.').isVisible()).toBe(true);
    expect(await page.getByText('Tavaralla ei ole vielä kuvia.').isVisible()).toBe(true);
    await context.close();
  });
});

describe('a loan that needs things moved, without JavaScript', () => {
  it('becomes a volunteer task of the owner with one press, and the loan then links to it', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false, width: 390 });
    await signInByLink(page, 'aino@example.org');
    await page.goto('/');
    const href = await page.getByRole('link', { name: 'Kotalahden kyläyhdistys ry', exact: true }).first().getAttribute('href');
    const ownerId = href!.split('/')[2]!;
    // Eeva asked for the party kit and needs it moved (packages/database/src/demo-lending.ts).
    await page.goto(`/organisations/${ownerId}/lending/requests`);
    await page.getByRole('link', { name: /^Lainan tiedot ja kuljetus\s*: Eeva Nieminen/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Kuka kuljettaa?' }).waitFor();
    await expectAccessible(page);
    await snap(page, 'loan-transport');
    await page.getByRole('button', { name: 'Tee kuljetuksesta talkootehtävä' }).click();
    expect(page.url()).toMatch(new RegExp(`/organisations/${ownerId}/volunteering/tasks/[0-9a-f-]{36}$`));
    const taskUrl = new URL(page.url()).pathname;
    expect(await page.getByText('Kuljetuksesta tehtiin talkootehtävä. Tarkista aika ja paikka.').isVisible()).toBe(true);
    expect(await page.getByLabel('Nimi suomeksi', { exact: true }).inputValue()).toMatch(
      /^Kuljetus: (?=.*30 × Tuolit).+ \(Eeva Nieminen \(Sorsakosken kyläseura ry\)\)$/,
    );

    // Back on the loan: no second task, a link to the one made.
    await page.goBack();
    await page.reload();
    expect(await page.getByRole('button', { name: 'Tee kuljetuksesta talkootehtävä' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Avaa kuljetuksen talkootehtävä' }).getAttribute('href')).toBe(taskUrl);
    await context.close();
  });
});
