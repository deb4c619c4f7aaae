import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDayOf, helsinkiParts } from '@talkoot/platform/time';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, openPage, signInByLink, waitForDevMail } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Screenshots to look at by eye (390 px and 1280 px) when VOL_SCREENSHOTS names a folder.
async function snap(page: Page, name: string) {
  const folder = process.env.VOL_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

// The links of one mail in the dev mailbox that lead to the volunteering mail-link page.
async function mailLinks(page: Page, mailId: string): Promise<string[]> {
  await page.goto(`/dev/mail/${mailId}`);
  return page
    .locator('a[href*="/volunteering/link?token="]')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
}

// The café's first shift is moved to start two hours from now, so its reminder is due at once.
const soon = new Date(Date.now() + 2 * 3_600_000);
const soonParts = helsinkiParts(soon);
const soonDate = helsinkiDayOf(soon);
const startClock = `${String(soonParts.hour).padStart(2, '0')}:00`;
const endClock = soonParts.hour === 23 ? '23:59' : `${String(soonParts.hour + 1).padStart(2, '0')}:00`;

const guest = 'vieras.kahvio@example.org';
const waiter = 'jonottaja@example.org';

describe('volunteering from the template to the waiting list', () => {
  let eventId = '';
  let organisationId = '';

  it('a coordinator applies the summer market template to an event, moves the café shift and opens the paper sheet', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await signInByLink(page, 'aino@example.org');
    await page.goto('/');
    const href = await page.getByRole('link', { name: 'Kotalahden kyläyhdistys ry', exact: true }).first().getAttribute('href');
    organisationId = href!.split('/')[2]!;
    await page.goto(`/organisations/${organisationId}`);
    await page.getByRole('link', { name: 'Talkootehtävät ja paperilistat' }).click();
    await page.getByRole('heading', { level: 1, name: /^Talkoot: Kotalahden kyläyhdistys ry/ }).waitFor();
    await expectAccessible(page);
    await snap(page, 'coordinator');

    eventId = (await page
      .locator('#template-eventId option', { hasText: 'Kylän joulumyyjäiset' })
      .first()
      .getAttribute('value'))!;
    await page.getByLabel('Tapahtuma', { exact: true }).selectOption(eventId);
    await page.getByLabel('Pohja', { exact: true }).selectOption({ label: 'Kesämarkkinat (4 tehtävää)' });
    await page.getByLabel('Yhteyshenkilön puhelin').fill('040 123 4567');
    await page.getByRole('button', { name: 'Lisää tehtävät pohjasta' }).click();
    await page.waitForURL((url) => url.searchParams.get('applied') === eventId);
    const section = page.locator('section', { has: page.locator(`h2[id="event-${eventId}"]`) });
    await section.getByRole('link', { name: 'Kahvio', exact: true }).waitFor();

    await section.getByRole('link', { name: 'Tulosta paperilista' }).click();
    await page.getByRole('heading', { level: 1, name: /^Talkoolista: Kylän joulumyyjäiset/ }).waitFor();
    await page.getByRole('img', { name: 'QR-koodi verkon ilmoittautumissivulle' }).waitFor();
    await page.getByRole('heading', { name: 'Kahvio' }).waitFor();
    await expectAccessible(page);
    await snap(page, 'sheet');

    // The café's first shift: soon, one place (so the second person waits).
    await page.goto(`/organisations/${organisationId}/volunteering`);
    await section.getByRole('link', { name: 'Kahvio', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Muokkaa tehtävää: Kahvio' }).waitFor();
    await page.locator('#task-date-0').fill(soonDate);
    await page.locator('#task-start-0').fill(startClock);
    await page.locator('#task-end-0').fill(endClock);
    await page.locator('#task-capacity-0').fill('1');
    await page.getByRole('button', { name: 'Tallenna tehtävä' }).click();
    await page.waitForURL((url) => url.searchParams.get('saved') === '1');
    await page.getByText('Vapaana 1 / 1 (varattu 0)').first().waitFor();
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a person without an account signs up for the café without JavaScript and confirms from the mail', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`/events/${eventId}`);
    await page.getByRole('link', { name: /^Apua tarvitaan: \d+ vapaata talkoopaikkaa$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Talkootyöt: Kylän joulumyyjäiset' }).waitFor();
    await expectAccessible(page);
    await page
      .getByRole('link', { name: /^Ilmoittaudu\s*: Kahvio/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Ilmoittaudu: Kahvio' }).waitFor();
    await expectAccessible(page);
    await snap(page, 'claim');

    // The requirement must be confirmed: the form says so and keeps what was typed.
    await page.getByLabel('Nimi', { exact: true }).fill('Veera Vieras');
    await page.getByLabel('Sähköposti', { exact: true }).fill(guest);
    await page.getByRole('button', { name: 'Ilmoittaudu', exact: true }).click();
    expect(await page.getByRole('alert').getByText('Vahvista jokainen vaatimus rastittamalla se.').first().isVisible()).toBe(
      true,
    );
    expect(await page.getByLabel('Nimi', { exact: true }).inputValue()).toBe('Veera Vieras');

    const since = Date.now();
    await page.getByLabel('minulla on hygieniapassi').check();
    await page.getByRole('button', { name: 'Ilmoittaudu', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Katso sähköpostisi' }).waitFor();
    await expectAccessible(page);

    const mail = await waitForDevMail(page, guest, since, /^Vahvista talkoovuorosi: Kahvio/);
    const [confirmLink] = await mailLinks(page, mail.id);
    await page.goto(confirmLink!);
    await page.getByRole('heading', { level: 1, name: 'Vahvista ilmoittautumisesi' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Vahvista ilmoittautuminen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ilmoittautuminen on vahvistettu' }).waitFor();
    await context.close();
  });

  it('someone else joins the waiting list of the full shift', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false, width: 320 });
    await page.goto(`/events/${eventId}/volunteering`);
    await expectNoHorizontalScroll(page);
    await snap(page, 'list');
    await page
      .getByRole('link', { name: /^Täynnä – liity jonoon\s*: Kahvio/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Jonoon: Kahvio' }).waitFor();
    await expectNoHorizontalScroll(page);
    const since = Date.now();
    await page.getByLabel('Nimi', { exact: true }).fill('Jussi Jonottaja');
    await page.getByLabel('Sähköposti', { exact: true }).fill(waiter);
    await page.getByLabel('minulla on hygieniapassi').check();
    await page.getByRole('button', { name: 'Liity jonoon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Katso sähköpostisi' }).waitFor();
    const mail = await waitForDevMail(page, waiter, since, /^Vahvista talkoovuorosi: Kahvio/);
    const [confirmLink] = await mailLinks(page, mail.id);
    await page.goto(confirmLink!);
    await page.getByRole('button', { name: 'Vahvista ilmoittautuminen' }).click();
    await page.getByText('Olet jonossa. Saat viestin, jos paikka vapautuu.').waitFor();
    await context.close();
  });

  it('the reminder’s "I can’t come" gives the place to the person waiting', async () => {
    const { page, context } = await openPage(browser);
    const since = Date.now();
    await page.goto('/dev/mail');
    await page.getByRole('button', { name: 'Lähetä talkoomuistutukset nyt' }).click();
    await page.getByText(/^Muistutuksia lähti \d+\.$/).waitFor();
    await expectAccessible(page);

    const reminder = await waitForDevMail(page, guest, since, /^Muistutus talkoovuorosta: Kahvio/);
    const links = await mailLinks(page, reminder.id);
    expect(links.length).toBe(2);
    // Signed out, as from the phone's mail app: the second link is "I can't come after all".
    const { page: phone, context: phoneContext } = await openPage(browser, { javaScriptEnabled: false, width: 390 });
    await phone.goto(links[1]!);
    await phone.getByRole('heading', { level: 1, name: 'Etkö pääse tulemaan?' }).waitFor();
    await expectAccessible(phone);
    await snap(phone, 'cannot-come');
    const promotedSince = Date.now();
    await phone.getByRole('button', { name: 'En pääse sittenkään' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Kiitos, että kerroit' }).waitFor();
    await expectAccessible(phone);
    await phoneContext.close();

    await waitForDevMail(page, waiter, promotedSince);
    await page.goto(`/events/${eventId}/volunteering`);
    const cafe = page.locator('section', { has: page.getByRole('heading', { name: 'Kahvio', exact: true }) });
    await cafe.getByText('Vapaana 0 / 1 (varattu 1)').first().waitFor();
    await context.close();
  });

  it('the coordinator types in the paper sheet all or nothing and sees the hours; a volunteer sees her tasks', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await signInByLink(page, 'aino@example.org');
    await page.goto(`/organisations/${organisationId}/volunteering/events/${eventId}/results`);
    await page.getByRole('heading', { level: 1, name: 'Paperilistan nimet: Kylän joulumyyjäiset' }).waitFor();
    await expectAccessible(page);
    await page.locator('#results-name-0').fill('Paavo Paperi');
    await page.locator('#results-phone-0').fill('040 765 4321');
    await page.locator('#results-phone-1').fill('040 111 2222');
    await page.getByRole('button', { name: 'Tallenna kaikki' }).click();
    await page.getByRole('alert').getByText('Kirjoita nimi tälle riville tai tyhjennä rivi.').first().waitFor();
    await expectAccessible(page);
    await page.locator('#results-phone-1').fill('');
    await page.getByRole('button', { name: 'Tallenna kaikki' }).click();
    await page.getByText('1 nimeä tallennettiin.').waitFor();

    await page.goto(`/organisations/${organisationId}/volunteering/hours`);
    await page.getByRole('heading', { level: 1, name: 'Talkootunnit: Kotalahden kyläyhdistys ry' }).waitFor();
    await expectAccessible(page);
    // The refused sheet is answered 400 on purpose (the form shown again); nothing else may fail.
    expect(consoleErrors.filter((error) => !error.includes('status of 400'))).toEqual([]);
    await context.close();

    const volunteer = await openPage(browser, { width: 390 });
    await signInByLink(volunteer.page, 'helmi@example.org');
    await volunteer.page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Talkoot' }).click();
    await volunteer.page.getByRole('heading', { level: 1, name: 'Omat talkoot' }).waitFor();
    await volunteer.page.getByText(/^Yhteensä [\d,]+ h$/).waitFor();
    await expectAccessible(volunteer.page);
    await expectNoHorizontalScroll(volunteer.page);
    await volunteer.page.getByRole('button', { name: 'Tee kalenteriosoite' }).click();
    await volunteer.page.getByText('Kopioi tämä osoite nyt. Sitä ei näytetä uudelleen.').waitFor();
    await snap(volunteer.page, 'mine');
    await volunteer.context.close();
  });
});
