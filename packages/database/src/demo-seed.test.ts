import { createTestDatabase } from '@talkoot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './demo-seed.js';
import { openOrm } from './orm.js';

describe('demo data', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: Awaited<ReturnType<typeof openOrm>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openOrm(database.url, { poolMax: 2 });
  });
  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });

  it('loads the demo region once, with venues and bookings that respect the no-double-booking rule', async () => {
    const accounts = await seedDemoData(orm);
    expect(accounts?.map((account) => account.email)).toContain('aino@example.org');
    const count = async (sql: string) => Number((await orm.em.fork().execute<{ n: string }[]>(sql))[0]!.n);
    expect(await count('select count(*) as n from municipalities')).toBe(3);
    expect(await count('select count(*) as n from villages')).toBe(8);
    expect(await count('select count(*) as n from organisations')).toBe(12);
    expect(await count('select count(*) as n from venues')).toBe(3);
    // About 60 dates of events over the coming three months, one event cancelled, some co-organised.
    expect(await count('select count(*) as n from event_occurrences')).toBeGreaterThanOrEqual(55);
    expect(await count(`select count(*) as n from events where status = 'cancelled'`)).toBe(1);
    expect(await count(`select count(*) as n from event_co_organisers where status = 'accepted'`)).toBeGreaterThanOrEqual(2);
    expect(await count(`select count(*) as n from event_occurrences where starts_at > now() + interval '100 days'`)).toBe(0);
    expect(await count(`select count(*) as n from bookings where status = 'requested'`)).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from bookings where starts_at > now()`)).toBeGreaterThan(20);
    // Equipment of the region: about forty items, a kit, loans past and coming, one overdue.
    expect(await count('select count(*) as n from items')).toBeGreaterThanOrEqual(40);
    expect(await count('select count(*) as n from items where is_kit')).toBe(1);
    expect(await count(`select count(*) as n from loans where state = 'pickedUp' and ends_at < now()`)).toBe(1);
    expect(await count(`select count(*) as n from loans where state = 'returned'`)).toBeGreaterThanOrEqual(1);
    expect(await count(`select count(*) as n from loans where starts_at > now()`)).toBeGreaterThanOrEqual(3);
    // One give-away offer open for the region.
    expect(await count(`select count(*) as n from give_away_offers where state = 'offered'`)).toBe(1);
    // Volunteer tasks on the winter market (the whole market template and a co-organiser's task), the
    // ski track work day, standing work, and past hours: helmi volunteers for two organisations.
    expect(
      await count(`select count(distinct organisation_id) as n from volunteer_tasks where event_id is not null`),
    ).toBeGreaterThanOrEqual(3);
    expect(await count(`select count(*) as n from volunteer_tasks where event_id is null and deadline is not null`)).toBe(1);
    expect(
      await count(
        `select count(distinct organisation_id) as n from volunteer_hours where email_normalised = 'helmi@example.org' and state = 'approved'`,
      ),
    ).toBe(2);
    expect(
      await count(`select count(*) as n from volunteer_claims c join volunteer_shifts s on s.id = c.shift_id
        where c.state = 'placed' and c.place_no > s.capacity`),
    ).toBe(0);
    // No item holds more than its stock at any start of a loan.
    expect(
      await count(`select count(*) as n from items i where i.quantity < (
        select coalesce(max((select sum(l2.quantity - l2.returned_fine - l2.returned_damaged - l2.returned_missing)
          from loan_lines l2 join loans o2 on o2.id = l2.loan_id
          where l2.item_id = i.id and o2.state in ('requested', 'approved', 'pickedUp') and o2.starts_at <= o.starts_at and o2.ends_at > o.starts_at)), 0)
        from loan_lines l join loans o on o.id = l.loan_id where l.item_id = i.id)`),
    ).toBe(0);
    // A second start keeps what is there.
    expect(await seedDemoData(orm)).toBeUndefined();
    expect(await count('select count(*) as n from venues')).toBe(3);
  });
});
