import { MikroORM } from '@mikro-orm/postgresql';
import {
  APP_CONFIG,
  dayText,
  formatEuros,
  formatIban,
  formatReference,
  helsinkiParts,
  isoWeekday,
  isValidFinnishReference,
} from '@talkoot/platform';
import { BookingExpiryService, WaitlistService } from '@talkoot/venues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  lastMailTo,
  listIn,
  makeOrganisation,
  makeUser,
  signIn,
  startTestApi,
  helsinkiIso as helsinki,
} from './testing/test-api.js';

// Prices, the booking window and opening hours, recurring series, assisted bookings, the waiting
// list, reminders and the region-wide search, over HTTP against a real PostgreSQL.
let api: TestApi;
let villageId: string;
let municipalityId: string;
const owner = { organisationId: '', coordinator: '', member: '', coordinatorEmail: '' };
const guest = { organisationId: '', coordinator: '', email: '' };
const third = { organisationId: '', coordinator: '', email: '' };
let outsiderToken: string;

const nextYear = new Date().getUTCFullYear() + 1;
// 'YYYY-MM-DD' of a day that may run past the month's end (30 September + 1 is 1 October).
const calendarDate = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
const firstSaturday = (year: number, month: number) => 1 + ((6 - (isoWeekday(dayText(year, month, 1)) % 7) + 7) % 7);
const hoursFromNow = (hours: number) => new Date(Math.ceil(Date.now() / 3_600_000 + hours) * 3_600_000).toISOString();

async function person(role: 'admin' | 'coordinator' | 'member', organisationId: string) {
  const user = await makeUser(api);
  await addMember(api, user.id, organisationId, role);
  return { ...user, token: await signIn(api, user.email) };
}

beforeAll(async () => {
  api = await startTestApi();
  ({ villageId, municipalityId } = await api.build.village());
  owner.organisationId = await makeOrganisation(api, villageId, 'Kotalahden kyläyhdistys ry');
  guest.organisationId = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  third.organisationId = await makeOrganisation(api, villageId, 'Eläkeliiton Rautalammin yhdistys ry');
  const ownerCoordinator = await person('coordinator', owner.organisationId);
  owner.coordinator = ownerCoordinator.token;
  owner.coordinatorEmail = ownerCoordinator.email;
  owner.member = (await person('member', owner.organisationId)).token;
  const guestCoordinator = await person('coordinator', guest.organisationId);
  guest.coordinator = guestCoordinator.token;
  guest.email = guestCoordinator.email;
  const thirdCoordinator = await person('coordinator', third.organisationId);
  third.coordinator = thirdCoordinator.token;
  third.email = thirdCoordinator.email;
  outsiderToken = (await signIn(api, (await makeUser(api)).email)) as string;
});
afterAll(async () => {
  await api?.close();
});

async function makeSpace(rules: Record<string, unknown> = {}, venue: Record<string, unknown> = {}) {
  const created = await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues`, {
    token: owner.coordinator,
    body: { villageId, name: 'Kotalahden kylätalo', address: 'Kotalahdentie 12', capacity: 60, ...venue },
  });
  expect(created.status, created.text).toBe(201);
  const venueId = created.json.venue.id as string;
  const space = await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues/${venueId}/spaces`, {
    token: owner.coordinator,
    body: { name: 'Sali', maxDaysAhead: 1095, ...rules },
  });
  expect(space.status, space.text).toBe(201);
  return { venueId, spaceId: space.json.venue.spaces[0].id as string };
}

const book = (
  spaceId: string,
  startsAt: string,
  endsAt: string,
  token = guest.coordinator,
  organisationId: string | null = guest.organisationId,
  extra: Record<string, unknown> = {},
) =>
  call(api, 'POST', '/api/bookings', {
    token,
    body: { spaceId, startsAt, endsAt, title: 'Kevätkokous', organisationId, ...extra },
  });

async function mailCount(email: string, template: string): Promise<number> {
  const { rows } = await api.sql.query(
    `select count(*)::int as n from outbox_messages where payload->>'to' = $1 and payload->>'template' = $2`,
    [email, template],
  );
  return rows[0].n;
}

describe('prices, reference numbers and payments', () => {
  const priced = {
    priceUnit: 'hour',
    priceMembersCents: 1000,
    priceRegionCents: 2000,
    pricePrivateCents: 3000,
    depositCents: 5000,
    bookableBy: 'anyone',
  };

  it('prices a request by who books for whom and gives it a valid bank reference number', async () => {
    const { spaceId } = await makeSpace(priced, { paymentIban: 'FI21 1234 5600 0007 85' });
    const forGuest = await book(spaceId, helsinki(nextYear, 2, 3, 17), helsinki(nextYear, 2, 3, 19, 30));
    expect(forGuest.status, forGuest.text).toBe(201);
    // 2½ hours are three started hours at the organisations' price, plus the deposit.
    expect(forGuest.json.booking).toMatchObject({
      priceTier: 'region',
      priceCents: 6000,
      depositCents: 5000,
      status: 'requested',
    });
    expect(isValidFinnishReference(forGuest.json.booking.referenceNumber)).toBe(true);
    // The owner's coordinators read the price and the deposit; the requester, once the booking is
    // approved, also the account and the reference number to pay with.
    const mail = await lastMailTo(api, owner.coordinatorEmail);
    expect(mail?.rendered.text).toContain(`Hinta: ${formatEuros(6000, 'fi')}`);
    expect(mail?.rendered.text).toContain(`Takuumaksu: ${formatEuros(5000, 'fi')}`);
    const approved = await call(
      api,
      'POST',
      `/api/organisations/${owner.organisationId}/bookings/${forGuest.json.booking.id}/approval`,
      {
        token: owner.coordinator,
        body: {},
      },
    );
    expect(approved.json.booking.status, approved.text).toBe('approved');
    const answer = (await lastMailTo(api, guest.email))?.rendered.text;
    expect(answer).toContain(formatIban('FI2112345600000785'));
    expect(answer).toContain(formatReference(forGuest.json.booking.referenceNumber));

    const ownMember = await book(spaceId, helsinki(nextYear, 2, 4, 17), helsinki(nextYear, 2, 4, 18), owner.member, null);
    expect(ownMember.json.booking).toMatchObject({ priceTier: 'members', priceCents: 1000 });
    const privatePerson = await book(spaceId, helsinki(nextYear, 2, 5, 17), helsinki(nextYear, 2, 5, 18), outsiderToken, null);
    expect(privatePerson.json.booking).toMatchObject({ priceTier: 'private', priceCents: 3000 });
    expect(privatePerson.json.booking.referenceNumber).not.toBe(forGuest.json.booking.referenceNumber);
  });

  it('asks for an open public event free of charge, and the owner decides even where booking is instant', async () => {
    const { spaceId } = await makeSpace({ ...priced, isApprovalRequired: false });
    const free = await book(
      spaceId,
      helsinki(nextYear, 2, 10, 17),
      helsinki(nextYear, 2, 10, 20),
      guest.coordinator,
      guest.organisationId,
      { isFreeEvent: true },
    );
    expect(free.json.booking).toMatchObject({
      isFreeEvent: true,
      priceCents: 0,
      depositCents: 0,
      referenceNumber: null,
      status: 'requested',
    });
    const paid = await book(spaceId, helsinki(nextYear, 2, 11, 17), helsinki(nextYear, 2, 11, 20));
    expect(paid.json.booking.status).toBe('approved');
  });

  it('lets only the owner mark a booking paid, and only one that has something to pay', async () => {
    const { spaceId } = await makeSpace(priced);
    const booked = await book(spaceId, helsinki(nextYear, 2, 12, 17), helsinki(nextYear, 2, 12, 19));
    const path = `/api/organisations/${owner.organisationId}/bookings/${booked.json.booking.id}/payment`;
    expect((await call(api, 'POST', path, { token: guest.coordinator, body: { paid: true } })).status).toBe(403);
    expect((await call(api, 'POST', path, { token: owner.member, body: { paid: true } })).status).toBe(403);
    expect((await call(api, 'POST', path, { body: { paid: true } })).status).toBe(401);
    expect((await call(api, 'POST', path, { token: owner.coordinator, body: { paid: 'yes' } })).json.error).toMatchObject({
      fields: { paid: 'Invalid input: expected boolean, received string' },
      fieldReasons: { paid: 'validation.invalid_type' },
    });
    const paid = await call(api, 'POST', path, { token: owner.coordinator, body: { paid: true } });
    expect(paid.status).toBe(200);
    expect(paid.json.booking.paidAt).not.toBeNull();
    const otherOrganisationPath = `/api/organisations/${guest.organisationId}/bookings/${booked.json.booking.id}/payment`;
    expect((await call(api, 'POST', otherOrganisationPath, { token: guest.coordinator, body: { paid: false } })).status).toBe(
      404,
    );

    const { spaceId: freeSpace } = await makeSpace();
    const free = await book(freeSpace, helsinki(nextYear, 2, 12, 17), helsinki(nextYear, 2, 12, 19));
    const nothing = await call(
      api,
      'POST',
      `/api/organisations/${owner.organisationId}/bookings/${free.json.booking.id}/payment`,
      { token: owner.coordinator, body: { paid: true } },
    );
    expect(nothing.status).toBe(422);
  });

  it('quotes the price and the cancellation terms before booking, and says why a time is not possible', async () => {
    const { spaceId } = await makeSpace({
      ...priced,
      freeCancellationHours: 72,
      cancellationFeePercent: 50,
      openingHours: [{ weekday: 6, opens: '10:00', closes: '22:00' }],
    });
    const saturday = firstSaturday(nextYear, 4);
    const startsAt = helsinki(nextYear, 4, saturday, 12);
    const query = new URLSearchParams({
      startsAt,
      endsAt: helsinki(nextYear, 4, saturday, 14),
      organisationId: guest.organisationId,
    });
    const quote = await call(api, 'GET', `/api/spaces/${spaceId}/quote?${query}`, { token: guest.coordinator });
    expect(quote.status, quote.text).toBe(200);
    expect(quote.json.quote).toMatchObject({
      priceTier: 'region',
      priceCents: 4000,
      depositCents: 5000,
      cancellationFeeCents: 2000,
      problem: null,
    });
    expect(new Date(quote.json.quote.freeCancellationUntil).getTime()).toBe(new Date(startsAt).getTime() - 72 * 3_600_000);
    const sunday = new URLSearchParams({
      startsAt: helsinki(nextYear, 4, saturday + 1, 12),
      endsAt: helsinki(nextYear, 4, saturday + 1, 14),
    });
    const closedQuote = await call(api, 'GET', `/api/spaces/${spaceId}/quote?${sunday}`, { token: guest.coordinator });
    expect(closedQuote.json.quote.problem).toContain('closed');
    expect(closedQuote.json.quote.problemReason).toBe('booking.outside_opening_hours');
    expect(quote.json.quote.problemReason).toBeNull();
    expect((await call(api, 'GET', `/api/spaces/${spaceId}/quote?${sunday}`)).status).toBe(401);
  });

  it('charges the late cancellation fee after the free period and keeps it on record', async () => {
    const { spaceId } = await makeSpace({
      ...priced,
      minNoticeHours: 0,
      isApprovalRequired: false,
      freeCancellationHours: 72,
      cancellationFeePercent: 50,
    });
    const soon = await book(spaceId, hoursFromNow(30), hoursFromNow(32));
    expect(soon.json.booking).toMatchObject({ status: 'approved', priceCents: 4000 });
    const cancelled = await call(api, 'POST', `/api/bookings/${soon.json.booking.id}/cancellation`, { token: guest.coordinator });
    expect(cancelled.json.booking).toMatchObject({ status: 'cancelled', cancellationFeeCents: 2000 });
    const early = await book(spaceId, hoursFromNow(24 * 10), hoursFromNow(24 * 10 + 2));
    const free = await call(api, 'POST', `/api/bookings/${early.json.booking.id}/cancellation`, { token: guest.coordinator });
    expect(free.json.booking.cancellationFeeCents).toBe(0);
  });
});

// The rules themselves (notice, window, opening hours, closed dates) are tested at the service:
// packages/venues/src/booking.service.postgres.test.ts. Here: how their refusals reach HTTP.
describe('booking window and opening hours over HTTP', () => {
  it('answers a refused time with 422, the rule and the field it names, on both booking routes', async () => {
    const { spaceId } = await makeSpace({
      minNoticeHours: 48,
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '06:00', closes: '23:00' })),
    });
    const tooSoon = await book(spaceId, hoursFromNow(24), hoursFromNow(26));
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.json.error).toMatchObject({
      code: 'rule_violation',
      reason: 'booking.too_soon',
      fields: { startsAt: expect.stringContaining('48 hours') },
      fieldReasons: { startsAt: 'booking.too_soon' },
    });
    const tomorrowMorning = helsinkiParts(Date.now() + 86_400_000);
    const at = (hour: number) => helsinki(tomorrowMorning.year, tomorrowMorning.month, tomorrowMorning.day, hour);
    const night = await call(api, 'POST', `/api/organisations/${owner.organisationId}/assisted-bookings`, {
      token: owner.coordinator,
      body: {
        spaceId,
        title: 'Syntymäpäivät',
        guestName: 'Helmi Hakkarainen',
        guestPhone: '040 123 4567',
        consent: true,
        startsAt: at(22),
        endsAt: at(25),
      },
    });
    expect(night.status).toBe(422);
    expect(night.json.error).toMatchObject({
      code: 'rule_violation',
      reason: 'booking.outside_opening_hours',
      fields: { startsAt: expect.stringContaining('open') },
      fieldReasons: { startsAt: 'booking.outside_opening_hours' },
    });
  });
});

describe('recurring series', () => {
  const firstTuesday = (year: number, month: number) => {
    const first = isoWeekday(dayText(year, month, 1)) % 7;
    return 1 + ((2 - first + 7) % 7);
  };

  it('books the free dates, lists the taken ones, and sends one mail for the whole series', async () => {
    const { spaceId } = await makeSpace();
    const day = firstTuesday(nextYear, 9);
    // Somebody already has the third Tuesday.
    expect(
      (
        await book(
          spaceId,
          helsinki(nextYear, 9, day + 14, 18),
          helsinki(nextYear, 9, day + 14, 20),
          third.coordinator,
          third.organisationId,
        )
      ).status,
    ).toBe(201);
    const mailsBefore = await mailCount(owner.coordinatorEmail, 'booking-series-update');
    const singleMailsBefore = await mailCount(owner.coordinatorEmail, 'booking-update');
    const created = await call(api, 'POST', '/api/booking-series', {
      token: guest.coordinator,
      body: {
        spaceId,
        startsAt: helsinki(nextYear, 9, day, 18),
        endsAt: helsinki(nextYear, 9, day, 20),
        title: 'Lentopallo',
        organisationId: guest.organisationId,
        rule: {
          frequency: 'weekly',
          weekdays: [2],
          until: calendarDate(nextYear, 9, day + 28),
          skipDates: [calendarDate(nextYear, 9, day + 7)],
        },
      },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.booked.map((booking: { startsAt: string }) => booking.startsAt)).toEqual([
      helsinki(nextYear, 9, day, 18),
      helsinki(nextYear, 9, day + 21, 18),
      helsinki(nextYear, 9, day + 28, 18),
    ]);
    expect(created.json.conflicts).toEqual([
      expect.objectContaining({ startsAt: helsinki(nextYear, 9, day + 14, 18), reason: 'Already booked or requested' }),
    ]);
    expect(created.json.conflicts[0].problemReason).toBe('booking.slot_taken');
    expect(await mailCount(owner.coordinatorEmail, 'booking-series-update')).toBe(mailsBefore + 1);
    expect(await mailCount(owner.coordinatorEmail, 'booking-update')).toBe(singleMailsBefore);
    const mail = await lastMailTo(api, owner.coordinatorEmail);
    expect(listIn(mail, 'Pyydetyt ajat')).toHaveLength(3);
    expect(listIn(mail, 'Nämä ajat olivat jo varattuja, joten ne eivät ole mukana:')).toHaveLength(1);

    const seriesId = created.json.series.id;
    const approvalPath = `/api/organisations/${owner.organisationId}/booking-series/${seriesId}/approval`;
    expect((await call(api, 'POST', approvalPath, { token: guest.coordinator, body: {} })).status).toBe(403);
    expect(
      (
        await call(api, 'POST', `/api/organisations/${guest.organisationId}/booking-series/${seriesId}/approval`, {
          token: guest.coordinator,
          body: {},
        })
      ).status,
    ).toBe(404);
    const approved = await call(api, 'POST', approvalPath, { token: owner.coordinator, body: {} });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.bookings.map((booking: { status: string }) => booking.status)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
    expect((await lastMailTo(api, guest.email))?.template).toBe('booking-series-update');

    // One date cancelled alone, then the rest of the series at once.
    const [first, ...rest] = created.json.booked as { id: string }[];
    expect(
      (await call(api, 'POST', `/api/bookings/${first!.id}/cancellation`, { token: guest.coordinator })).json.booking.status,
    ).toBe('cancelled');
    expect((await call(api, 'POST', `/api/booking-series/${seriesId}/cancellation`, { token: third.coordinator })).status).toBe(
      403,
    );
    const cancelled = await call(api, 'POST', `/api/booking-series/${seriesId}/cancellation`, { token: guest.coordinator });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json.bookings.map((booking: { id: string }) => booking.id)).toEqual(rest.map((booking) => booking.id));
    expect(
      (
        await book(
          spaceId,
          helsinki(nextYear, 9, day + 21, 18),
          helsinki(nextYear, 9, day + 21, 20),
          third.coordinator,
          third.organisationId,
        )
      ).status,
    ).toBe(201);
  });

  it('keeps the local clock time of every other week across the change to winter time', async () => {
    const { spaceId } = await makeSpace();
    const created = await call(api, 'POST', '/api/booking-series', {
      token: guest.coordinator,
      body: {
        spaceId,
        startsAt: helsinki(nextYear, 10, 5, 18),
        endsAt: helsinki(nextYear, 10, 5, 20),
        title: 'Kuoroharjoitus',
        organisationId: guest.organisationId,
        rule: { frequency: 'biweekly', weekdays: [isoWeekday(dayText(nextYear, 10, 5))], until: `${nextYear}-11-20` },
      },
    });
    expect(created.status, created.text).toBe(201);
    const hours = created.json.booked.map((booking: { startsAt: string }) => helsinkiParts(booking.startsAt).hour);
    expect(hours.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hours)).toEqual(new Set([18]));
    const utcHours = new Set(
      created.json.booked.map((booking: { startsAt: string }) => new Date(booking.startsAt).getUTCHours()),
    );
    expect(utcHours).toEqual(new Set([15, 16]));
  });

  it('refuses a series with no dates, too many dates, or nothing free', async () => {
    const { spaceId } = await makeSpace();
    const base = {
      spaceId,
      startsAt: helsinki(nextYear, 1, 12, 18),
      endsAt: helsinki(nextYear, 1, 12, 20),
      title: 'Jooga',
      organisationId: guest.organisationId,
    };
    const bad = await call(api, 'POST', '/api/booking-series', {
      token: guest.coordinator,
      body: { ...base, rule: { frequency: 'weekly', weekdays: [], until: `${nextYear}-02-01` } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      fields: { 'rule.weekdays': 'Choose at least one weekday' },
      fieldReasons: { 'rule.weekdays': 'validation.too_small' },
    });
    const signedOut = await call(api, 'POST', '/api/booking-series', {
      body: { ...base, rule: { frequency: 'weekly', weekdays: [1], until: `${nextYear}-02-01` } },
    });
    expect(signedOut.status).toBe(401);
    const notMember = await call(api, 'POST', '/api/booking-series', {
      token: third.coordinator,
      body: { ...base, rule: { frequency: 'weekly', weekdays: [1], until: `${nextYear}-02-01` } },
    });
    expect(notMember.status).toBe(403);
    const once = await call(api, 'POST', '/api/booking-series', {
      token: guest.coordinator,
      body: { ...base, rule: { frequency: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7], until: `${nextYear}-01-18` } },
    });
    expect(once.status, once.text).toBe(201);
    const again = await call(api, 'POST', '/api/booking-series', {
      token: guest.coordinator,
      body: { ...base, rule: { frequency: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7], until: `${nextYear}-01-18` } },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.conflicts).toHaveLength(7);
    expect(again.json.error).toMatchObject({ code: 'conflict', reason: 'series.all_taken' });
  });
});

describe('assisted booking for a resident without an account', () => {
  it('confirms at once, records the consent and mails the resident when an address is given', async () => {
    const { spaceId, venueId } = await makeSpace({}, {});
    await call(api, 'PATCH', `/api/organisations/${owner.organisationId}/venues/${venueId}`, {
      token: owner.coordinator,
      body: { keyInstructions: 'Avain on kaupan kassalla.' },
    });
    const body = {
      spaceId,
      startsAt: helsinki(nextYear, 5, 20, 12),
      endsAt: helsinki(nextYear, 5, 20, 16),
      title: 'Muistotilaisuus',
      guestName: 'Helmi Hakkarainen',
      guestPhone: '040 765 4321',
      guestEmail: 'helmi.h@example.org',
      consent: true,
    };
    const path = `/api/organisations/${owner.organisationId}/assisted-bookings`;
    const withoutConsent = await call(api, 'POST', path, { token: owner.coordinator, body: { ...body, consent: false } });
    expect(withoutConsent.status).toBe(400);
    expect(withoutConsent.json.error).toMatchObject({
      fields: { consent: 'The resident must agree that their details are stored for the booking' },
      fieldReasons: { consent: 'validation.invalid_value' },
    });
    expect((await call(api, 'POST', path, { token: owner.member, body })).status).toBe(403);
    expect(
      (
        await call(api, 'POST', `/api/organisations/${guest.organisationId}/assisted-bookings`, {
          token: guest.coordinator,
          body,
        })
      ).status,
    ).toBe(404);
    expect((await call(api, 'POST', path, { body })).status).toBe(401);
    const booked = await call(api, 'POST', path, { token: owner.coordinator, body });
    expect(booked.status, booked.text).toBe(201);
    expect(booked.json.booking).toMatchObject({
      status: 'approved',
      guest: { name: 'Helmi Hakkarainen', phone: '040 765 4321', email: 'helmi.h@example.org' },
    });
    const { rows } = await api.sql.query('select guest_consent_at, booked_by_id from bookings where id = $1', [
      booked.json.booking.id,
    ]);
    expect(rows[0].guest_consent_at).not.toBeNull();
    expect(rows[0].booked_by_id).not.toBeNull();
    const mail = await lastMailTo(api, 'helmi.h@example.org');
    expect(mail?.template).toBe('booking-update');
    expect(mail?.rendered.subject).toMatch(/^Sinulle on tehty varaus/);
    expect(mail?.rendered.text).toContain('Muistotilaisuus');
    // The printable confirmation reads the booking through the owner's route.
    const sheet = await call(api, 'GET', `/api/organisations/${owner.organisationId}/bookings/${booked.json.booking.id}`, {
      token: owner.coordinator,
    });
    expect(sheet.json.booking).toMatchObject({ guest: { name: 'Helmi Hakkarainen' }, venue: { address: 'Kotalahdentie 12' } });
    expect(
      (
        await call(api, 'GET', `/api/organisations/${guest.organisationId}/bookings/${booked.json.booking.id}`, {
          token: guest.coordinator,
        })
      ).status,
    ).toBe(404);
  });
});

describe('waiting list', () => {
  it('offers a freed slot to the first in line for 48 hours, then to the next', async () => {
    const { spaceId } = await makeSpace();
    const startsAt = helsinki(nextYear, 8, 14, 17);
    const endsAt = helsinki(nextYear, 8, 14, 22);
    const taken = await book(spaceId, startsAt, endsAt, owner.coordinator, owner.organisationId);
    const queue = (token: string, organisationId: string) =>
      call(api, 'POST', '/api/waitlist', { token, body: { spaceId, startsAt, endsAt, title: 'Tanssit', organisationId } });
    const first = await queue(guest.coordinator, guest.organisationId);
    expect(first.status, first.text).toBe(201);
    expect(first.json.entry).toMatchObject({ status: 'waiting', position: 1 });
    const second = await queue(third.coordinator, third.organisationId);
    expect(second.json.entry.position).toBe(2);
    const queuedAgain = await queue(guest.coordinator, guest.organisationId);
    expect(queuedAgain.status).toBe(409);
    expect(queuedAgain.json.error.reason).toBe('waitlist.already_queued');
    expect(
      (
        await call(api, 'POST', '/api/waitlist', {
          body: { spaceId, startsAt, endsAt, title: 'Tanssit', organisationId: guest.organisationId },
        })
      ).status,
    ).toBe(401);
    const freeTime = await call(api, 'POST', '/api/waitlist', {
      token: guest.coordinator,
      body: {
        spaceId,
        startsAt: helsinki(nextYear, 8, 15, 17),
        endsAt: helsinki(nextYear, 8, 15, 22),
        title: 'Tanssit',
        organisationId: guest.organisationId,
      },
    });
    expect(freeTime.status).toBe(422);
    expect(freeTime.json.error).toMatchObject({ reason: 'waitlist.time_free', fieldReasons: { startsAt: 'waitlist.time_free' } });

    const waitlist = api.app.get(WaitlistService);
    const sweeper = new BookingExpiryService(api.app.get(MikroORM), waitlist, api.app.get(APP_CONFIG));
    expect(await waitlist.offerFreedSlots()).toEqual([]);
    await call(api, 'POST', `/api/bookings/${taken.json.booking.id}/cancellation`, { token: owner.coordinator });
    expect(await waitlist.offerFreedSlots()).toEqual([first.json.entry.id]);
    const offerMail = await lastMailTo(api, guest.email);
    expect(offerMail?.rendered.subject).toMatch(/^Jonottamasi aika vapautui/);
    const [mine] = (await call(api, 'GET', '/api/me/waitlist', { token: guest.coordinator })).json.entries;
    expect(mine.status).toBe('offered');
    expect(new Date(mine.offer.expiresAt).getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
    // The held slot blocks everyone else, including the next in line.
    expect((await book(spaceId, startsAt, endsAt, third.coordinator, third.organisationId)).status).toBe(409);

    // Nobody answers within 48 hours: the offer lapses and the next in line gets it.
    await api.sql.query(`update bookings set expires_at = now() - interval '1 minute' where id = $1`, [mine.offer.bookingId]);
    await sweeper.sweep();
    const [lapsedView] = (await call(api, 'GET', '/api/me/waitlist', { token: guest.coordinator })).json.entries;
    expect(lapsedView).toBeUndefined();
    const [secondView] = (await call(api, 'GET', '/api/me/waitlist', { token: third.coordinator })).json.entries;
    expect(secondView.status).toBe('offered');
    expect(
      (await call(api, 'POST', `/api/bookings/${secondView.offer.bookingId}/acceptance`, { token: guest.coordinator })).status,
    ).toBe(403);
    const accepted = await call(api, 'POST', `/api/bookings/${secondView.offer.bookingId}/acceptance`, {
      token: third.coordinator,
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.booking.status).toBe('requested');
    expect(
      (await call(api, 'POST', `/api/bookings/${secondView.offer.bookingId}/acceptance`, { token: third.coordinator })).status,
    ).toBe(422);
  });

  it('lets a person leave the line, which declines an open offer', async () => {
    const { spaceId } = await makeSpace();
    const startsAt = helsinki(nextYear, 8, 21, 17);
    const endsAt = helsinki(nextYear, 8, 21, 22);
    const taken = await book(spaceId, startsAt, endsAt, owner.coordinator, owner.organisationId);
    const entry = await call(api, 'POST', '/api/waitlist', {
      token: guest.coordinator,
      body: { spaceId, startsAt, endsAt, title: 'Tanssit', organisationId: guest.organisationId },
    });
    expect(
      (await call(api, 'POST', `/api/waitlist/${entry.json.entry.id}/withdrawal`, { token: third.coordinator })).status,
    ).toBe(403);
    await call(api, 'POST', `/api/bookings/${taken.json.booking.id}/cancellation`, { token: owner.coordinator });
    await api.app.get(WaitlistService).offerFreedSlots();
    const left = await call(api, 'POST', `/api/waitlist/${entry.json.entry.id}/withdrawal`, { token: guest.coordinator });
    expect(left.status, left.text).toBe(200);
    expect(left.json.entry.status).toBe('withdrawn');
    expect((await book(spaceId, startsAt, endsAt, third.coordinator, third.organisationId)).status).toBe(201);
  });
});

describe('reminders', () => {
  it('reminds the booker two days before, once, with the key instructions', async () => {
    const { spaceId, venueId } = await makeSpace({ minNoticeHours: 0, isApprovalRequired: false });
    await call(api, 'PATCH', `/api/organisations/${owner.organisationId}/venues/${venueId}`, {
      token: owner.coordinator,
      body: { keyInstructions: 'Avain on postilaatikossa, koodi 1234.' },
    });
    const soon = await book(spaceId, hoursFromNow(40), hoursFromNow(42));
    const later = await book(spaceId, hoursFromNow(24 * 5), hoursFromNow(24 * 5 + 2));
    const sweeper = new BookingExpiryService(api.app.get(MikroORM), api.app.get(WaitlistService), api.app.get(APP_CONFIG));
    const reminded = await sweeper.sendReminders();
    expect(reminded).toContain(soon.json.booking.id);
    expect(reminded).not.toContain(later.json.booking.id);
    const reminder = await lastMailTo(api, guest.email);
    expect(reminder?.rendered.subject).toMatch(/^Muistutus: varauksesi on ylihuomenna/);
    expect(reminder?.rendered.text).toContain('Avain on postilaatikossa, koodi 1234.');
    expect(await sweeper.sendReminders()).not.toContain(soon.json.booking.id);
    const mine = (await call(api, 'GET', '/api/me/bookings', { token: guest.coordinator })).json.bookings;
    expect(mine.find((booking: { id: string }) => booking.id === soon.json.booking.id).keyInstructions).toContain('koodi 1234');
  });
});

describe('region-wide search', () => {
  it('finds the halls free for the whole time, big enough, in the chosen municipality', async () => {
    const free = await makeSpace({ capacity: 80 }, { name: 'Vapaa seurantalo' });
    const busy = await makeSpace({ capacity: 80 }, { name: 'Varattu seurantalo' });
    const small = await makeSpace({ capacity: 10 }, { name: 'Pieni maja' });
    await book(busy.spaceId, helsinki(nextYear, 3, 13, 19), helsinki(nextYear, 3, 13, 23));
    const search = (params: Record<string, string>) => call(api, 'GET', `/api/venue-search?${new URLSearchParams(params)}`);
    const found = await search({ municipalityId, date: `${nextYear}-03-13`, from: '18:00', to: '22:00', people: '40' });
    expect(found.status, found.text).toBe(200);
    const spaceIds = found.json.results.map((result: { space: { id: string } }) => result.space.id);
    expect(spaceIds).toContain(free.spaceId);
    expect(spaceIds).not.toContain(busy.spaceId);
    expect(spaceIds).not.toContain(small.spaceId);
    expect(found.json.startsAt).toBe(helsinki(nextYear, 3, 13, 18));
    const elsewhere = await search({
      municipalityId: '00000000-0000-4000-8000-000000000000',
      date: `${nextYear}-03-13`,
      from: '18:00',
      to: '22:00',
    });
    expect(elsewhere.json.results).toEqual([]);
    const bad = await search({ date: `${nextYear}-03-13`, from: '22:00', to: '18:00' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      fields: { to: 'The end must be after the start' },
      fieldReasons: { to: 'validation.custom' },
    });
  });
});
