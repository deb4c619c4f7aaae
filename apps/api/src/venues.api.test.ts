import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, dayText, isoWeekday } from '@talkoot/platform';
import { BookingExpiryService, WaitlistService } from '@talkoot/venues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
  helsinkiIso as helsinki,
} from './testing/test-api.js';

let api: TestApi;
let villageId: string;
const owner = { organisationId: '', coordinator: '', member: '' };
const guest = { organisationId: '', coordinator: '', userId: '' };
let outsiderToken: string;
let ownerCoordinatorEmail: string;
let guestCoordinatorEmail: string;

// Helsinki wall-clock time → ISO instant.
const nextYear = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  owner.organisationId = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  guest.organisationId = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  const ownerCoordinator = await makeUser(api);
  const ownerMember = await makeUser(api);
  const guestCoordinator = await makeUser(api);
  const outsider = await makeUser(api);
  await addMember(api, ownerCoordinator.id, owner.organisationId, 'coordinator');
  await addMember(api, ownerMember.id, owner.organisationId, 'member');
  await addMember(api, guestCoordinator.id, guest.organisationId, 'coordinator');
  owner.coordinator = await signIn(api, ownerCoordinator.email);
  ownerCoordinatorEmail = ownerCoordinator.email;
  guestCoordinatorEmail = guestCoordinator.email;
  owner.member = await signIn(api, ownerMember.email);
  guest.coordinator = await signIn(api, guestCoordinator.email);
  guest.userId = guestCoordinator.id;
  outsiderToken = await signIn(api, outsider.email);
});
afterAll(async () => {
  await api?.close();
});

async function makeHall(spaces: { bufferAfterMinutes?: number; isApprovalRequired?: boolean; maxMinutes?: number } = {}) {
  const created = await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues`, {
    token: owner.coordinator,
    body: {
      villageId,
      name: 'Kerkonkosken kylätalo',
      address: 'Koulutie 2, Rautalampi',
      capacity: 80,
      facilities: ['kitchen', 'stage'],
      accessibility: ['step_free_entrance'],
    },
  });
  expect(created.status, created.text).toBe(201);
  const venueId = created.json.venue.id as string;
  const addSpace = async (body: Record<string, unknown>) => {
    const response = await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues/${venueId}/spaces`, {
      token: owner.coordinator,
      body,
    });
    expect(response.status, response.text).toBe(201);
    return response.json.venue.spaces as { id: string; name: string }[];
  };
  const whole = (await addSpace({ name: 'Koko talo', maxDaysAhead: 1095, ...spaces })).find(
    (space) => space.name === 'Koko talo',
  )!;
  const afterMain = await addSpace({ name: 'Sali', parentId: whole.id, maxDaysAhead: 1095, ...spaces });
  const afterKitchen = await addSpace({ name: 'Keittiö', parentId: whole.id, maxDaysAhead: 1095, ...spaces });
  return {
    venueId,
    whole: whole.id,
    main: afterMain.find((space) => space.name === 'Sali')!.id,
    kitchen: afterKitchen.find((space) => space.name === 'Keittiö')!.id,
  };
}

const book = (
  spaceId: string,
  startsAt: string,
  endsAt: string,
  token = guest.coordinator,
  organisationId: string | null = guest.organisationId,
) => call(api, 'POST', '/api/bookings', { token, body: { spaceId, startsAt, endsAt, title: 'Syyskokous', organisationId } });

describe('no double booking, by construction', () => {
  it('lets exactly one of 200 simultaneous requests for one slot through; the other 199 get 409 with the taken slot', async () => {
    const hall = await makeHall();
    const startsAt = helsinki(nextYear, 3, 13, 18);
    const endsAt = helsinki(nextYear, 3, 13, 21);
    const answers = await Promise.all(Array.from({ length: 200 }, () => book(hall.main, startsAt, endsAt)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(199);
    expect(refused[0]!.json.error).toMatchObject({ code: 'conflict', conflict: { startsAt, endsAt } });
  });

  it('refuses a new room under a space that already has bookings, which would leave the room uncovered', async () => {
    const hall = await makeHall();
    expect((await book(hall.whole, helsinki(nextYear, 4, 20, 10), helsinki(nextYear, 4, 20, 14))).status).toBe(201);
    const added = await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues/${hall.venueId}/spaces`, {
      token: owner.coordinator,
      body: { name: 'Yläkerta', parentId: hall.whole },
    });
    expect(added.status).toBe(422);
    expect(added.json.error).toMatchObject({
      reason: 'space.parent_has_bookings',
      fields: { parentId: 'This space already has bookings' },
      fieldReasons: { parentId: 'space.parent_has_bookings' },
    });
  });

  // Rooms under a whole hall, back-to-back bookings and cleaning time are the service's rules:
  // packages/venues/src/booking.service.postgres.test.ts.
  it('holds the slot while a request waits; a denial frees it', async () => {
    const hall = await makeHall();
    const requested = await book(hall.main, helsinki(nextYear, 6, 6, 17), helsinki(nextYear, 6, 6, 20));
    expect(requested.json.booking.status).toBe('requested');
    expect(
      (await book(hall.main, helsinki(nextYear, 6, 6, 18), helsinki(nextYear, 6, 6, 19), owner.coordinator, owner.organisationId))
        .status,
    ).toBe(409);
    const availability = await call(
      api,
      'GET',
      `/api/spaces/${hall.whole}/availability?from=${encodeURIComponent(helsinki(nextYear, 6, 1, 0))}&to=${encodeURIComponent(helsinki(nextYear, 6, 30, 0))}`,
    );
    expect(availability.json.busy).toEqual([
      { startsAt: helsinki(nextYear, 6, 6, 17), endsAt: helsinki(nextYear, 6, 6, 20), status: 'requested' },
    ]);

    const denied = await call(
      api,
      'POST',
      `/api/organisations/${owner.organisationId}/bookings/${requested.json.booking.id}/denial`,
      { token: owner.coordinator, body: { reason: 'Talo on remontissa' } },
    );
    expect(denied.json.booking).toMatchObject({ status: 'denied', decisionReason: 'Talo on remontissa' });
    expect(
      (await book(hall.main, helsinki(nextYear, 6, 6, 18), helsinki(nextYear, 6, 6, 19), owner.coordinator, owner.organisationId))
        .status,
    ).toBe(201);
  });

  it('lets an unanswered request expire and free the slot', async () => {
    const hall = await makeHall();
    const requested = await book(hall.main, helsinki(nextYear, 6, 20, 12), helsinki(nextYear, 6, 20, 16));
    const { rows } = await api.sql.query('select expires_at from bookings where id = $1', [requested.json.booking.id]);
    expect(new Date(rows[0].expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const expiry = new BookingExpiryService(api.app.get(MikroORM), api.app.get(WaitlistService), api.app.get(APP_CONFIG));
    expect(await expiry.expireDue()).not.toContain(requested.json.booking.id);
    await api.sql.query(`update bookings set expires_at = now() - interval '1 minute' where id = $1`, [
      requested.json.booking.id,
    ]);
    expect(await expiry.expireDue()).toContain(requested.json.booking.id);
    const mine = await call(api, 'GET', '/api/me/bookings', { token: guest.coordinator });
    expect(mine.json.bookings.find((booking: { id: string }) => booking.id === requested.json.booking.id).status).toBe('expired');
    expect(
      (
        await book(
          hall.main,
          helsinki(nextYear, 6, 20, 12),
          helsinki(nextYear, 6, 20, 16),
          owner.coordinator,
          owner.organisationId,
        )
      ).status,
    ).toBe(201);
  });

  it('frees the slot when the requester cancels', async () => {
    const hall = await makeHall({ isApprovalRequired: false });
    const booked = await book(hall.main, helsinki(nextYear, 7, 1, 10), helsinki(nextYear, 7, 1, 12));
    expect(booked.json.booking.status).toBe('approved');
    expect(
      (await call(api, 'POST', `/api/bookings/${booked.json.booking.id}/cancellation`, { token: outsiderToken })).status,
    ).toBe(403);
    expect(
      (await call(api, 'POST', `/api/bookings/${booked.json.booking.id}/cancellation`, { token: guest.coordinator })).json.booking
        .status,
    ).toBe('cancelled');
    expect((await book(hall.main, helsinki(nextYear, 7, 1, 10), helsinki(nextYear, 7, 1, 12))).status).toBe(201);
  });
});

describe('time in Europe/Helsinki', () => {
  it('stores and shows a booking on the day summer time starts at the right local time', async () => {
    const hall = await makeHall();
    // The last Sunday of March: clocks go from 03:00 to 04:00.
    const lastSundayOfMarch = 31 - (isoWeekday(dayText(nextYear, 3, 31)) % 7);
    const startsAt = helsinki(nextYear, 3, lastSundayOfMarch, 10);
    const booked = await book(hall.main, startsAt, helsinki(nextYear, 3, lastSundayOfMarch, 12));
    expect(booked.status).toBe(201);
    expect(booked.json.booking.startsAt).toBe(startsAt);
    expect(new Date(startsAt).getUTCHours()).toBe(7); // UTC+3 after the change
  });

  it('counts a night across the end of summer time by the real hours, not the clock', async () => {
    const hall = await makeHall({ maxMinutes: 210 });
    // The last Sunday of October: 04:00 comes twice, so 02:00–05:00 on the clock is four real hours.
    const lastSundayOfOctober = 31 - (isoWeekday(dayText(nextYear, 10, 31)) % 7);
    const refused = await book(
      hall.main,
      helsinki(nextYear, 10, lastSundayOfOctober, 2),
      helsinki(nextYear, 10, lastSundayOfOctober, 5),
    );
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toContain('at most 210 minutes');
    // The same clock hours on an ordinary Sunday are three real hours and fit.
    expect(
      (
        await book(
          hall.main,
          helsinki(nextYear, 10, lastSundayOfOctober - 7, 2),
          helsinki(nextYear, 10, lastSundayOfOctober - 7, 5),
        )
      ).status,
    ).toBe(201);
  });
});

describe('who may do what with halls and bookings', () => {
  it("refuses other organisations' coordinators, plain members and the signed-out", async () => {
    const hall = await makeHall();
    const venueBody = { villageId, name: 'Maja', address: 'Rantatie 1', capacity: 20 };
    expect((await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues`, { body: venueBody })).status).toBe(401);
    expect(
      (
        await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues`, {
          token: guest.coordinator,
          body: venueBody,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(api, 'POST', `/api/organisations/${owner.organisationId}/venues`, { token: owner.member, body: venueBody }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(api, 'POST', `/api/organisations/${guest.organisationId}/venues/${hall.venueId}/spaces`, {
          token: guest.coordinator,
          body: { name: 'Varasto' },
        })
      ).status,
    ).toBe(404);

    expect((await book(hall.main, helsinki(nextYear, 8, 1, 10), helsinki(nextYear, 8, 1, 12), '')).status).toBe(401);
    const requested = await book(hall.main, helsinki(nextYear, 8, 1, 10), helsinki(nextYear, 8, 1, 12));
    const approval = `/api/organisations/${owner.organisationId}/bookings/${requested.json.booking.id}/approval`;
    expect((await call(api, 'POST', approval, { body: {} })).status).toBe(401);
    expect((await call(api, 'POST', approval, { token: guest.coordinator, body: {} })).status).toBe(403);
    expect((await call(api, 'POST', approval, { token: owner.member, body: {} })).status).toBe(403);
    // Through its own organisation's path a coordinator cannot reach another organisation's booking.
    expect(
      (
        await call(api, 'POST', `/api/organisations/${guest.organisationId}/bookings/${requested.json.booking.id}/approval`, {
          token: guest.coordinator,
          body: {},
        })
      ).status,
    ).toBe(404);
    const waiting = await call(api, 'GET', `/api/organisations/${owner.organisationId}/bookings?status=requested`, {
      token: owner.coordinator,
    });
    expect(waiting.json.bookings.map((booking: { id: string }) => booking.id)).toContain(requested.json.booking.id);
    expect(
      (await call(api, 'GET', `/api/organisations/${owner.organisationId}/bookings`, { token: guest.coordinator })).status,
    ).toBe(403);
    const mine = await call(api, 'GET', '/api/me/bookings', { token: guest.coordinator });
    expect(mine.json.bookings.find((booking: { id: string }) => booking.id === requested.json.booking.id)).toMatchObject({
      venue: { name: 'Kerkonkosken kylätalo' },
      space: { name: 'Sali' },
    });
    const approved = await call(api, 'POST', approval, { token: owner.coordinator, body: {} });
    expect(approved.json.booking.status).toBe('approved');
    // The request reached the owner's coordinators; the approval reached the requester, with the booking as .ics.
    const mails = await api.sql.query(
      `select payload from outbox_messages where payload->>'template' = 'booking-update' and payload->'rendered'->>'text' like '%Syyskokous%'
         and payload->'attachments'->0->>'content' like $1 order by id`,
      [`%UID:booking-${requested.json.booking.id}@talkoot%`],
    );
    // The kind of each mail as its reader sees it: the subject.
    const kindOf = (subject: string) =>
      subject.startsWith('Uusi varauspyyntö')
        ? 'requested'
        : subject.startsWith('Varauksesi on vahvistettu')
          ? 'approved'
          : subject;
    const kinds = mails.rows.map((row) => `${kindOf(row.payload.rendered.subject)}:${row.payload.to}`);
    expect(kinds).toContain(`requested:${ownerCoordinatorEmail}`);
    expect(kinds).toContain(`approved:${guestCoordinatorEmail}`);
    const approvedMail = mails.rows.find((row) => kindOf(row.payload.rendered.subject) === 'approved')!.payload;
    expect(approvedMail.attachments[0].content).toContain('BEGIN:VCALENDAR');
    expect(approvedMail.attachments[0].content).toContain(`UID:booking-${requested.json.booking.id}@talkoot`);
    expect(approvedMail.attachments[0].content).toContain('STATUS:CONFIRMED');
    expect((await call(api, 'POST', approval, { token: owner.coordinator, body: {} })).status).toBe(422);
  });

  it('refuses to book for an organisation one is not a member of, and names bad input', async () => {
    const hall = await makeHall();
    expect(
      (await book(hall.main, helsinki(nextYear, 9, 1, 10), helsinki(nextYear, 9, 1, 12), outsiderToken, guest.organisationId))
        .status,
    ).toBe(403);
    const backwards = await book(hall.main, helsinki(nextYear, 9, 1, 12), helsinki(nextYear, 9, 1, 10));
    expect(backwards.status).toBe(400);
    expect(backwards.json.error).toMatchObject({
      fields: { endsAt: 'The end must be after the start' },
      fieldReasons: { endsAt: 'validation.custom' },
    });
    const past = await book(hall.main, '2020-01-01T10:00:00Z', '2020-01-01T12:00:00Z');
    expect(past.status).toBe(422);
    expect(past.json.error).toMatchObject({
      reason: 'booking.in_past',
      fields: { startsAt: 'The booking must start in the future' },
      fieldReasons: { startsAt: 'booking.in_past' },
    });
  });
});
