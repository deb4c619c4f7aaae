// The booking rules the service enforces, against a real PostgreSQL (its exclusion constraint is
// the "no double booking" rule): no HTTP, no Nest. The HTTP mapping of the same refusals (422, 409
// and the error body) is tested in apps/api's booking-rules and venues api tests.
import { MikroORM } from '@mikro-orm/postgresql';
import { identityEntities } from '@talkoot/identity';
import { outboxEntities } from '@talkoot/outbox';
import {
  type AppConfig,
  createOrmOptions,
  dayText,
  DomainError,
  helsinkiInstantAt,
  helsinkiParts,
  isoWeekday,
} from '@talkoot/platform';
import { type Builders, builders, createTestDatabase, testConfig } from '@talkoot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingService } from './booking.service.js';
import { venueEntities } from './entities.js';
import type { SpaceInput } from '@talkoot/testing';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let orm: MikroORM;
let config: AppConfig;
let service: BookingService;
let build: Builders;
let villageId: string;
const owner = { organisationId: '', coordinatorId: '' };
const guest = { organisationId: '', coordinatorId: '' };

const nextYear = new Date().getUTCFullYear() + 1;
// A Helsinki wall-clock time as an instant.
const helsinki = (year: number, month: number, day: number, hour: number, minute = 0) =>
  helsinkiInstantAt(dayText(year, month, day), (hour * 60 + minute) * 60_000);
const firstSaturday = (year: number, month: number) => 1 + ((6 - (isoWeekday(dayText(year, month, 1)) % 7) + 7) % 7);
const hoursFromNow = (hours: number) => new Date(Math.ceil(Date.now() / 3_600_000 + hours) * 3_600_000);

beforeAll(async () => {
  database = await createTestDatabase();
  config = testConfig({ DATABASE_URL: database.url, PUBLIC_ORIGIN: 'http://talkoot.test' });
  orm = await MikroORM.init(
    createOrmOptions({ url: database.url, entities: [...outboxEntities, ...identityEntities, ...venueEntities], poolMax: 4 }),
  );
  service = new BookingService(orm, config);
  build = builders(orm.em);
  ({ villageId } = await build.village());
  owner.organisationId = (await build.organisation({ villageId, name: 'Kotalahden kyläyhdistys ry' })).organisationId;
  guest.organisationId = (await build.organisation({ villageId, name: 'Rautalammin Urheiluseura ry' })).organisationId;
  owner.coordinatorId = (await build.user({ memberOf: [{ organisationId: owner.organisationId, role: 'coordinator' }] })).id;
  guest.coordinatorId = (await build.user({ memberOf: [{ organisationId: guest.organisationId, role: 'coordinator' }] })).id;
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

// A hall of the owner: the whole house with the hall and the kitchen under it, each with `rules`.
async function makeHall(rules: SpaceInput = {}) {
  const hall = await build.venue({
    organisationId: owner.organisationId,
    villageId,
    space: { name: 'Koko talo', maxDaysAhead: 1095, ...rules },
    children: [
      { name: 'Sali', maxDaysAhead: 1095, ...rules },
      { name: 'Keittiö', maxDaysAhead: 1095, ...rules },
    ],
  });
  const [whole, main, kitchen] = hall.spaceIds as [string, string, string];
  return { venueId: hall.venueId, whole, main, kitchen };
}

async function makeSpace(rules: SpaceInput = {}) {
  const { spaceId } = await build.venue({
    organisationId: owner.organisationId,
    villageId,
    space: { name: 'Sali', maxDaysAhead: 1095, ...rules },
  });
  return spaceId;
}

// The guest organisation's coordinator asks for the space, as POST /api/bookings does.
const book = (spaceId: string, startsAt: Date, endsAt: Date) =>
  service.requestBooking({
    spaceId,
    startsAt,
    endsAt,
    title: 'Kevätkokous',
    organisationId: guest.organisationId,
    requesterId: guest.coordinatorId,
  });

// The refusal a call ends in (it must end in one).
async function refusal(attempt: Promise<unknown>): Promise<DomainError> {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('no double booking, by construction', () => {
  it('refuses a room when the whole hall is booked, and the whole hall when a room is', async () => {
    const hall = await makeHall();
    const wholeBooked = await book(hall.whole, helsinki(nextYear, 4, 10, 10), helsinki(nextYear, 4, 10, 14));
    expect(wholeBooked.status).toBe('requested');
    const kitchen = await refusal(book(hall.kitchen, helsinki(nextYear, 4, 10, 12), helsinki(nextYear, 4, 10, 16)));
    expect(kitchen.status).toBe(409);
    expect(kitchen).toMatchObject({
      code: 'conflict',
      reason: 'booking.slot_taken',
      details: {
        conflict: { startsAt: helsinki(nextYear, 4, 10, 10).toISOString(), endsAt: helsinki(nextYear, 4, 10, 14).toISOString() },
      },
    });

    await book(hall.kitchen, helsinki(nextYear, 4, 11, 10), helsinki(nextYear, 4, 11, 14));
    const whole = await refusal(book(hall.whole, helsinki(nextYear, 4, 11, 13), helsinki(nextYear, 4, 11, 18)));
    expect(whole).toMatchObject({ code: 'conflict', reason: 'booking.slot_taken' });
    // The other room is free while the kitchen is taken.
    expect((await book(hall.main, helsinki(nextYear, 4, 11, 10), helsinki(nextYear, 4, 11, 14))).status).toBe('requested');
  });

  it('lets back-to-back bookings meet', async () => {
    const hall = await makeHall();
    expect((await book(hall.main, helsinki(nextYear, 5, 2, 10), helsinki(nextYear, 5, 2, 12))).status).toBe('requested');
    expect((await book(hall.main, helsinki(nextYear, 5, 2, 12), helsinki(nextYear, 5, 2, 14))).status).toBe('requested');
  });

  it('keeps the cleaning time after a booking free of other bookings', async () => {
    const hall = await makeHall({ bufferAfterMinutes: 30 });
    await book(hall.main, helsinki(nextYear, 5, 3, 10), helsinki(nextYear, 5, 3, 12));
    const inCleaning = await refusal(book(hall.main, helsinki(nextYear, 5, 3, 12, 15), helsinki(nextYear, 5, 3, 14)));
    expect(inCleaning).toMatchObject({ code: 'conflict', reason: 'booking.slot_taken' });
    expect(inCleaning.status).toBe(409);
    expect((await book(hall.main, helsinki(nextYear, 5, 3, 12, 30), helsinki(nextYear, 5, 3, 14))).status).toBe('requested');
  });

  it('refuses a booking over a slot a row already holds (a booking made by the builders counts too)', async () => {
    const hall = await makeHall();
    await build.booking({
      spaceId: hall.main,
      startsAt: helsinki(nextYear, 5, 4, 10),
      endsAt: helsinki(nextYear, 5, 4, 12),
      requesterId: guest.coordinatorId,
    });
    const taken = await refusal(book(hall.main, helsinki(nextYear, 5, 4, 11), helsinki(nextYear, 5, 4, 13)));
    expect(taken).toMatchObject({ code: 'conflict', reason: 'booking.slot_taken' });
    expect((await book(hall.kitchen, helsinki(nextYear, 5, 4, 11), helsinki(nextYear, 5, 4, 13))).status).toBe('requested');
  });
});

describe('simultaneous requests for the same slot', () => {
  // Without the venue's write lock each request's rows wait in the exclusion constraint's index for
  // the other's and PostgreSQL gives one up as a deadlock victim (40P01); with it they queue.
  it('end in bookings that fit and clean 409s, never in an error of the database', async () => {
    const hall = await makeHall();
    const outcomes: string[] = [];
    for (let day = 1; day <= 12; day++) {
      const at = (hour: number) => helsinki(nextYear, 6, day, hour);
      const results = await Promise.allSettled([
        book(hall.whole, at(10), at(14)),
        book(hall.whole, at(11), at(15)),
        book(hall.main, at(12), at(13)),
        book(hall.kitchen, at(12), at(16)),
        book(hall.main, at(10), at(12)),
        book(hall.kitchen, at(9), at(11)),
      ]);
      for (const result of results) {
        if (result.status === 'fulfilled') outcomes.push('booked');
        else if (result.reason instanceof DomainError && result.reason.status === 409) outcomes.push('409');
        else outcomes.push(`error: ${String((result.reason as Error).message ?? result.reason)}`);
      }
    }
    expect(outcomes.filter((outcome) => outcome.startsWith('error'))).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 'booked').length).toBeGreaterThanOrEqual(12);
    // And at no instant do two blocking rows of one room overlap.
    const overlaps = await orm.em
      .fork()
      .getConnection()
      .execute(
        `select 1 from booking_occupancies a join booking_occupancies b
           on a.leaf_space_id = b.leaf_space_id and a.id < b.id and a.is_blocking and b.is_blocking
          and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) limit 1`,
      );
    expect(overlaps).toEqual([]);
  });
});

describe('booking window and opening hours', () => {
  it('refuses too short notice and too far ahead, naming the start', async () => {
    const spaceId = await makeSpace({ minNoticeHours: 48, maxDaysAhead: 30 });
    const tooSoon = await refusal(book(spaceId, hoursFromNow(24), hoursFromNow(26)));
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.fields?.startsAt).toContain('48 hours');
    expect(tooSoon).toMatchObject({
      code: 'rule_violation',
      reason: 'booking.too_soon',
      fieldReasons: { startsAt: 'booking.too_soon' },
    });
    const tooFar = await refusal(book(spaceId, hoursFromNow(24 * 60), hoursFromNow(24 * 60 + 2)));
    expect(tooFar.status).toBe(422);
    expect(tooFar.fields?.startsAt).toContain('30 days');
    expect(tooFar).toMatchObject({
      reason: 'booking.outside_window',
      fieldReasons: { startsAt: 'booking.outside_window' },
    });
    expect((await book(spaceId, hoursFromNow(24 * 5), hoursFromNow(24 * 5 + 2))).status).toBe('requested');
  });

  it('lets the owner book for a resident at short notice, but never outside the opening hours', async () => {
    const spaceId = await makeSpace({
      minNoticeHours: 48,
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '06:00', closes: '23:00' })),
    });
    const request = {
      spaceId,
      title: 'Syntymäpäivät',
      guestName: 'Helmi Hakkarainen',
      guestPhone: '040 123 4567',
      guestEmail: null,
    };
    const tomorrowMorning = helsinkiParts(Date.now() + 86_400_000);
    const at = (hour: number) => helsinki(tomorrowMorning.year, tomorrowMorning.month, tomorrowMorning.day, hour);
    const assisted = await service.bookForResident(
      owner.organisationId,
      { ...request, startsAt: at(12), endsAt: at(15) },
      owner.coordinatorId,
    );
    expect(assisted).toMatchObject({
      status: 'approved',
      guest: { name: 'Helmi Hakkarainen', phone: '040 123 4567', email: null },
    });
    const night = await refusal(
      service.bookForResident(owner.organisationId, { ...request, startsAt: at(22), endsAt: at(25) }, owner.coordinatorId),
    );
    expect(night.status).toBe(422);
    expect(night.fields?.startsAt).toContain('open');
    expect(night.reason).toBe('booking.outside_opening_hours');
  });

  it('refuses closed weekdays and closed dates, with the reason', async () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' }));
    const spaceId = await makeSpace({
      openingHours: weekdays,
      closedDates: [{ from: `${nextYear}-06-01`, to: `${nextYear}-06-30`, reason: 'Remontti' }],
    });
    const weekend = firstSaturday(nextYear, 5);
    const saturday = await refusal(book(spaceId, helsinki(nextYear, 5, weekend, 12), helsinki(nextYear, 5, weekend, 14)));
    expect(saturday.status).toBe(422);
    expect(saturday.fields?.startsAt).toContain('closed');
    expect(saturday.reason).toBe('booking.outside_opening_hours');
    const lateEvening = await refusal(
      book(spaceId, helsinki(nextYear, 5, weekend + 2, 21), helsinki(nextYear, 5, weekend + 2, 23)),
    );
    expect(lateEvening.status).toBe(422);
    expect(lateEvening.reason).toBe('booking.outside_opening_hours');
    const june = await refusal(book(spaceId, helsinki(nextYear, 6, 9, 12), helsinki(nextYear, 6, 9, 14)));
    expect(june.status).toBe(422);
    expect(june.fields?.startsAt).toContain('Remontti');
    expect(june).toMatchObject({ reason: 'booking.closed_date', fieldReasons: { startsAt: 'booking.closed_date' } });
    expect((await book(spaceId, helsinki(nextYear, 5, weekend + 2, 18), helsinki(nextYear, 5, weekend + 2, 21))).status).toBe(
      'requested',
    );
  });
});
