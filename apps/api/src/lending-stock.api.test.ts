import { addDays, dayText, helsinkiInstantAt } from '@talkoot/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  helsinkiIso as helsinki,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
} from './testing/test-api.js';

// The stock rule (ADR 017) under real concurrency: simultaneous requests over HTTP, then the
// database asked directly whether any instant holds more than the stock.
let api: TestApi;
let villageId: string;
const owner = { id: '', coordinator: '' };
const other = { id: '', coordinator: '' };
let borrowers: string[] = [];
const year = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  owner.id = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  other.id = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  const ownerCoordinator = await makeUser(api);
  const otherCoordinator = await makeUser(api);
  await addMember(api, ownerCoordinator.id, owner.id, 'coordinator');
  await addMember(api, otherCoordinator.id, other.id, 'coordinator');
  owner.coordinator = await signIn(api, ownerCoordinator.email);
  other.coordinator = await signIn(api, otherCoordinator.email);
  const people = await Promise.all(Array.from({ length: 10 }, () => makeUser(api)));
  borrowers = await Promise.all(people.map((person) => signIn(api, person.email)));
});
afterAll(async () => {
  await api?.close();
});

async function createItem(organisationId: string, token: string, overrides: Record<string, unknown>) {
  const created = await call(api, 'POST', `/api/organisations/${organisationId}/lending/items`, {
    token,
    body: {
      name: { fi: 'Tuolit' },
      category: 'furniture',
      quantity: 50,
      address: 'Koulutie 2',
      villageId,
      borrowers: ['members', 'region', 'residents'],
      isApprovalRequired: true,
      ...overrides,
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.item as { id: string; quantity: number };
}

const request = (index: number, body: Record<string, unknown>) =>
  call(api, 'POST', '/api/lending/requests', {
    token: borrowers[index % borrowers.length]!,
    body: { collectorName: 'Noutaja', ...body },
  });

// The most units blocking loans hold at any start or end point of any of them, per item.
async function peakHeld(itemId: string): Promise<number> {
  const { rows } = await api.sql.query(
    `with held as (
       select lo.starts_at, lo.ends_at, l.quantity from loan_lines l join loans lo on lo.id = l.loan_id
        where l.item_id = $1 and lo.state in ('requested', 'approved', 'pickedUp')
     ), points as (select starts_at as at from held union select ends_at from held)
     select coalesce(max((select coalesce(sum(quantity), 0) from held where starts_at <= p.at and ends_at > p.at)), 0)::int as peak
       from points p`,
    [itemId],
  );
  return rows[0].peak as number;
}

// A small deterministic generator: the same "random" requests on every run.
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

describe('counted stock under concurrency', () => {
  it('never holds more than 50 chairs at any instant when 100 requests of 1–20 arrive at once', async () => {
    const chairs = await createItem(owner.id, owner.coordinator, {});
    const next = generator(17);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) => {
        // Overlapping periods within one week of May: starts every few hours, lengths up to two days.
        const startHour = next(120);
        const hours = 1 + next(48);
        const startsAt = new Date(Date.parse(helsinki(year, 5, 3, 0)) + startHour * 3_600_000);
        const endsAt = new Date(startsAt.getTime() + hours * 3_600_000);
        return request(index, {
          lines: [{ itemId: chairs.id, quantity: 1 + next(20) }],
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        });
      }),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.every((status) => status === 201 || status === 409),
      statuses.join(','),
    ).toBe(true);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThan(5);
    expect(statuses.filter((status) => status === 409).length).toBeGreaterThan(5);
    expect(await peakHeld(chairs.id)).toBeLessThanOrEqual(50);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.json.error).toMatchObject({
      reason: 'loan.not_enough_free',
      fields: { 'lines.0.quantity': expect.any(String) },
    });
  });

  it('lends a kit whole or not at all while its parts are asked for alone at the same time', async () => {
    const tent = await createItem(owner.id, owner.coordinator, { name: { fi: 'Teltta' }, category: 'tents', quantity: 2 });
    const tables = await createItem(owner.id, owner.coordinator, { name: { fi: 'Pöydät' }, quantity: 12 });
    const chairs = await createItem(owner.id, owner.coordinator, { quantity: 50 });
    const kit = await createItem(owner.id, owner.coordinator, {
      name: { fi: 'Juhlapaketti' },
      category: 'other',
      kitParts: [
        { itemId: tent.id, quantity: 1 },
        { itemId: tables.id, quantity: 4 },
        { itemId: chairs.id, quantity: 30 },
      ],
    });
    const when = { startsAt: helsinki(year, 6, 5, 10), endsAt: helsinki(year, 6, 6, 18) };
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, (_, index) => request(index, { lines: [{ itemId: kit.id, quantity: 1 }], ...when })),
      ...Array.from({ length: 8 }, (_, index) => request(index, { lines: [{ itemId: chairs.id, quantity: 10 }], ...when })),
      ...Array.from({ length: 4 }, (_, index) => request(index, { lines: [{ itemId: tent.id, quantity: 1 }], ...when })),
    ]);
    expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
    expect(await peakHeld(tent.id)).toBeLessThanOrEqual(2);
    expect(await peakHeld(tables.id)).toBeLessThanOrEqual(12);
    expect(await peakHeld(chairs.id)).toBeLessThanOrEqual(50);
    // Every kit that went out has all three parts in full.
    const { rows } = await api.sql.query(
      `select loan_id, count(*)::int as parts, sum(quantity)::int as units from loan_lines where kit_item_id = $1 group by loan_id`,
      [kit.id],
    );
    for (const row of rows) expect(row).toMatchObject({ parts: 3, units: 35 });
    const kitsLent = answers.slice(0, 10).filter((answer) => answer.status === 201).length;
    expect(rows).toHaveLength(kitsLent);
  });

  it('takes from two owners all or nothing: a loan of the first is never left without the second', async () => {
    const ownChairs = await createItem(owner.id, owner.coordinator, { quantity: 100 });
    const otherTent = await createItem(other.id, other.coordinator, { name: { fi: 'Teltta' }, quantity: 1 });
    const when = { startsAt: helsinki(year, 7, 3, 10), endsAt: helsinki(year, 7, 3, 18) };
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        request(index, {
          lines: [
            { itemId: ownChairs.id, quantity: 5 },
            { itemId: otherTent.id, quantity: 1 },
          ],
          ...when,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(11);
    expect(await peakHeld(ownChairs.id)).toBe(5);
  });
});

describe('units out of service', () => {
  it('shrink what is free and flag the loans that no longer fit, without dropping them', async () => {
    const chairs = await createItem(owner.id, owner.coordinator, {});
    const asked = await request(0, {
      lines: [{ itemId: chairs.id, quantity: 40 }],
      startsAt: helsinki(year, 8, 7, 10),
      endsAt: helsinki(year, 8, 8, 18),
    });
    expect(asked.status, asked.text).toBe(201);
    const loanId = asked.json.request.loans[0].id as string;
    const marked = await call(api, 'POST', `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service`, {
      token: owner.coordinator,
      body: { units: 20, startsAt: helsinki(year, 8, 8, 0), endsAt: helsinki(year, 8, 10, 0), reason: 'Korjaukseen' },
    });
    expect(marked.status, marked.text).toBe(201);
    expect(marked.json.flaggedLoanIds).toEqual([loanId]);
    const days = await call(api, 'GET', `/api/lending/items/${chairs.id}/availability?from=${year}-08-07&to=${year}-08-10`);
    expect(days.json.days.map((day: { free: number }) => day.free)).toEqual([10, 0, 30, 50]);
    const loan = await call(api, 'GET', `/api/organisations/${owner.id}/loans/${loanId}`, { token: owner.coordinator });
    expect(loan.json.loan).toMatchObject({ state: 'requested', isFlagged: true });
    const more = await request(1, {
      lines: [{ itemId: chairs.id, quantity: 1 }],
      startsAt: helsinki(year, 8, 9, 10),
      endsAt: helsinki(year, 8, 9, 12),
    });
    expect(more.status).toBe(201);
    const tooMany = await request(1, {
      lines: [{ itemId: chairs.id, quantity: 31 }],
      startsAt: helsinki(year, 8, 9, 10),
      endsAt: helsinki(year, 8, 9, 12),
    });
    expect(tooMany.status).toBe(409);
  });

  it('flags loans beyond a smaller quantity too', async () => {
    const chairs = await createItem(owner.id, owner.coordinator, {});
    const asked = await request(0, {
      lines: [{ itemId: chairs.id, quantity: 30 }],
      startsAt: helsinki(year, 9, 4, 10),
      endsAt: helsinki(year, 9, 4, 18),
    });
    const smaller = await call(api, 'PUT', `/api/organisations/${owner.id}/lending/items/${chairs.id}`, {
      token: owner.coordinator,
      body: {
        name: { fi: 'Tuolit' },
        category: 'furniture',
        quantity: 25,
        address: 'Koulutie 2',
        villageId,
        borrowers: ['residents'],
      },
    });
    expect(smaller.status, smaller.text).toBe(200);
    expect(smaller.json.flaggedLoanIds).toEqual([asked.json.request.loans[0].id]);
  });
});

describe('an overdue loan', () => {
  it('holds its units until they are counted back, so nobody is promised canoes still on the lake', async () => {
    const canoes = await createItem(owner.id, owner.coordinator, { name: { fi: 'Kanootit' }, quantity: 4 });
    const asked = await request(0, {
      lines: [{ itemId: canoes.id, quantity: 2 }],
      startsAt: helsinki(year, 10, 1, 9),
      endsAt: helsinki(year, 10, 2, 18),
    });
    const loanId = asked.json.request.loans[0].id as string;
    const loanPath = `/api/organisations/${owner.id}/loans/${loanId}`;
    await call(api, 'POST', `${loanPath}/approval`, { token: owner.coordinator, body: {} });
    await call(api, 'POST', `${loanPath}/pick-up`, { token: owner.coordinator });
    await api.sql.query(
      `update loans set starts_at = now() - interval '3 days', ends_at = now() - interval '1 day' where id = $1`,
      [loanId],
    );
    const later = { startsAt: helsinki(year, 11, 7, 9), endsAt: helsinki(year, 11, 7, 18) };
    expect((await request(1, { lines: [{ itemId: canoes.id, quantity: 3 }], ...later })).status).toBe(409);
    await call(api, 'POST', `${loanPath}/returns`, {
      token: owner.coordinator,
      body: { lines: [{ itemId: canoes.id, fine: 1 }] },
    });
    expect((await request(1, { lines: [{ itemId: canoes.id, quantity: 3 }], ...later })).status).toBe(201);
    expect((await request(1, { lines: [{ itemId: canoes.id, quantity: 1 }], ...later })).status).toBe(409);
  });
});

// The last Sunday of a month: the clocks turn that night in Finland.
function lastSunday(month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

describe('a week with a clock change', () => {
  for (const month of [3, 10]) {
    it(`counts Helsinki days across the ${month === 3 ? 'spring' : 'autumn'} change (23 or 25 hours)`, async () => {
      const chairs = await createItem(owner.id, owner.coordinator, {});
      const sunday = dayText(year, month, lastSunday(month));
      const at = (day: string, hour: number) => helsinkiInstantAt(day, hour * 3_600_000).toISOString();
      // Sunday 00:00 to Monday 00:00 Helsinki time: that day only, however long it is.
      const sundayOnly = await request(0, {
        lines: [{ itemId: chairs.id, quantity: 10 }],
        startsAt: at(sunday, 0),
        endsAt: at(addDays(sunday, 1), 0),
      });
      expect(sundayOnly.status, sundayOnly.text).toBe(201);
      // Saturday evening into Sunday morning, across the change.
      const overnight = await request(1, {
        lines: [{ itemId: chairs.id, quantity: 5 }],
        startsAt: at(addDays(sunday, -1), 20),
        endsAt: at(sunday, 6),
      });
      expect(overnight.status, overnight.text).toBe(201);
      const days = await call(
        api,
        'GET',
        `/api/lending/items/${chairs.id}/availability?from=${addDays(sunday, -6)}&to=${addDays(sunday, 1)}`,
      );
      expect(days.status, days.text).toBe(200);
      expect(days.json.days.map((day: { free: number }) => day.free)).toEqual([50, 50, 50, 50, 50, 45, 35, 50]);
      expect(days.json.days.at(-2).date).toBe(sunday);
    });
  }
});
