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

// Units out of service: damaged or missing units counted back at a return leave the stock until the
// owner says they are repaired, and the owner can end a period early.
let api: TestApi;
let villageId: string;
const owner = { id: '', coordinator: '', member: '' };
const other = { id: '', coordinator: '' };
let borrower = '';
const year = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  owner.id = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  other.id = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  const [ownerCoordinator, ownerMember, otherCoordinator, person] = await Promise.all([
    makeUser(api),
    makeUser(api),
    makeUser(api),
    makeUser(api),
  ]);
  await addMember(api, ownerCoordinator!.id, owner.id, 'coordinator');
  await addMember(api, ownerMember!.id, owner.id, 'member');
  await addMember(api, otherCoordinator!.id, other.id, 'coordinator');
  owner.coordinator = await signIn(api, ownerCoordinator!.email);
  owner.member = await signIn(api, ownerMember!.email);
  other.coordinator = await signIn(api, otherCoordinator!.email);
  borrower = await signIn(api, person!.email);
});
afterAll(async () => {
  await api?.close();
});

async function createItem(quantity: number) {
  const created = await call(api, 'POST', `/api/organisations/${owner.id}/lending/items`, {
    token: owner.coordinator,
    body: {
      name: { fi: 'Tuolit' },
      category: 'furniture',
      quantity,
      address: 'Koulutie 2',
      villageId,
      borrowers: ['members', 'region', 'residents'],
      isApprovalRequired: true,
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.item as { id: string };
}

async function requestLoan(itemId: string, quantity: number, day: number) {
  const asked = await call(api, 'POST', '/api/lending/requests', {
    token: borrower,
    body: {
      collectorName: 'Noutaja',
      lines: [{ itemId, quantity }],
      startsAt: helsinki(year, 5, day, 10),
      endsAt: helsinki(year, 5, day, 18),
    },
  });
  expect(asked.status, asked.text).toBe(201);
  return asked.json.request.loans[0].id as string;
}

// A loan the borrower has collected: its units are out until they are counted back.
async function pickedUpLoan(itemId: string, quantity: number, day: number) {
  const loanId = await requestLoan(itemId, quantity, day);
  const loanPath = `/api/organisations/${owner.id}/loans/${loanId}`;
  expect((await call(api, 'POST', `${loanPath}/approval`, { token: owner.coordinator, body: {} })).status).toBe(200);
  expect((await call(api, 'POST', `${loanPath}/pick-up`, { token: owner.coordinator })).status).toBe(200);
  return loanPath;
}

const freeOn = async (itemId: string, day: number) => {
  const date = `${year}-05-${String(day).padStart(2, '0')}`;
  const days = await call(api, 'GET', `/api/lending/items/${itemId}/availability?from=${date}&to=${date}`);
  expect(days.status, days.text).toBe(200);
  return days.json.days[0].free as number;
};

const periodsOf = async (itemId: string) =>
  (await call(api, 'GET', `/api/lending/items/${itemId}`)).json.item.outOfService as {
    id: string;
    units: number;
    endsAt: string;
    reason: string;
  }[];

describe('units counted damaged or missing at a return', () => {
  it('go out of service until the owner says they are repaired, and loans that no longer fit are flagged', async () => {
    const chairs = await createItem(10);
    const loanPath = await pickedUpLoan(chairs.id, 6, 5);
    const later = await requestLoan(chairs.id, 8, 20);
    expect(await freeOn(chairs.id, 20)).toBe(2);

    const returned = await call(api, 'POST', `${loanPath}/returns`, {
      token: owner.coordinator,
      body: { lines: [{ itemId: chairs.id, fine: 3, damaged: 2, missing: 1, notes: 'Kaksi jalkaa poikki, yksi hukassa' }] },
    });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.json.loan.state).toBe('returned');

    const periods = await periodsOf(chairs.id);
    expect(periods).toEqual([expect.objectContaining({ units: 3, reason: 'Kaksi jalkaa poikki, yksi hukassa' })]);
    expect(new Date(periods[0]!.endsAt).getUTCFullYear()).toBe(9999);
    // 10 chairs, 3 out of service, 8 asked for on the 20th: 7 free on the 5th, none on the 20th.
    expect(await freeOn(chairs.id, 5)).toBe(7);
    expect(await freeOn(chairs.id, 20)).toBe(0);
    const flagged = await call(api, 'GET', `/api/organisations/${owner.id}/loans/${later}`, { token: owner.coordinator });
    expect(flagged.json.loan).toMatchObject({ state: 'requested', isFlagged: true });

    const ended = await call(
      api,
      'POST',
      `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service/${periods[0]!.id}/end`,
      { token: owner.coordinator },
    );
    expect(ended.status, ended.text).toBe(200);
    expect(new Date(ended.json.period.endsAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await periodsOf(chairs.id)).toEqual([]);
    expect(await freeOn(chairs.id, 5)).toBe(10);
    expect(await freeOn(chairs.id, 20)).toBe(2);
  });

  it('says why in plain words when the return has no notes, and leaves fine units in stock', async () => {
    const chairs = await createItem(4);
    const loanPath = await pickedUpLoan(chairs.id, 4, 6);
    const first = await call(api, 'POST', `${loanPath}/returns`, {
      token: owner.coordinator,
      body: { lines: [{ itemId: chairs.id, fine: 2 }] },
    });
    expect(first.status, first.text).toBe(200);
    expect(await periodsOf(chairs.id)).toEqual([]);
    const second = await call(api, 'POST', `${loanPath}/returns`, {
      token: owner.coordinator,
      body: { lines: [{ itemId: chairs.id, fine: 1, missing: 1 }] },
    });
    expect(second.status, second.text).toBe(200);
    expect(await periodsOf(chairs.id)).toEqual([
      expect.objectContaining({ units: 1, reason: 'Counted back 1 missing: check before lending again' }),
    ]);
    expect(await freeOn(chairs.id, 25)).toBe(3);
  });
});

describe('ending a period out of service early', () => {
  it('is for the owner’s coordinators only, and answers unknown or foreign periods with 404', async () => {
    const chairs = await createItem(10);
    const marked = await call(api, 'POST', `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service`, {
      token: owner.coordinator,
      body: {
        units: 4,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: helsinki(year, 6, 1, 0),
        reason: 'Korjaukseen',
      },
    });
    expect(marked.status, marked.text).toBe(201);
    const periodId = marked.json.period.id as string;
    const path = `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service/${periodId}/end`;
    expect((await call(api, 'POST', path)).status).toBe(401);
    expect((await call(api, 'POST', path, { token: owner.member })).status).toBe(403);
    expect((await call(api, 'POST', path, { token: other.coordinator })).status).toBe(403);
    expect((await call(api, 'POST', path, { token: borrower })).status).toBe(403);
    // Through its own organisation's address the other coordinator finds nothing.
    const foreign = `/api/organisations/${other.id}/lending/items/${chairs.id}/out-of-service/${periodId}/end`;
    expect((await call(api, 'POST', foreign, { token: other.coordinator })).status).toBe(404);
    const otherItem = await createItem(2);
    const wrongItem = `/api/organisations/${owner.id}/lending/items/${otherItem.id}/out-of-service/${periodId}/end`;
    expect((await call(api, 'POST', wrongItem, { token: owner.coordinator })).status).toBe(404);
    const unknown = `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service/${crypto.randomUUID()}/end`;
    expect((await call(api, 'POST', unknown, { token: owner.coordinator })).status).toBe(404);
    const badId = `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service/not-an-id/end`;
    // A malformed id is a page that does not exist (the project's convention).
    expect((await call(api, 'POST', badId, { token: owner.coordinator })).status).toBe(404);
    expect(await freeOn(chairs.id, 10)).toBe(6);

    const ended = await call(api, 'POST', path, { token: owner.coordinator });
    expect(ended.status, ended.text).toBe(200);
    expect(await freeOn(chairs.id, 10)).toBe(10);
    // Ending it again changes nothing.
    const again = await call(api, 'POST', path, { token: owner.coordinator });
    expect(again.status).toBe(200);
    expect(again.json.period.endsAt).toBe(ended.json.period.endsAt);
  });

  it('removes a period that has not begun yet', async () => {
    const chairs = await createItem(10);
    const marked = await call(api, 'POST', `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service`, {
      token: owner.coordinator,
      body: { units: 10, startsAt: helsinki(year, 7, 1, 0), endsAt: helsinki(year, 7, 3, 0), reason: 'Huolto' },
    });
    expect(await freeOn(chairs.id, 1)).toBe(10);
    const path = `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service/${marked.json.period.id}/end`;
    expect((await call(api, 'POST', path, { token: owner.coordinator })).status).toBe(200);
    expect(await periodsOf(chairs.id)).toEqual([]);
    const july = await call(api, 'GET', `/api/lending/items/${chairs.id}/availability?from=${year}-07-01&to=${year}-07-02`);
    expect(july.json.days.map((day: { free: number }) => day.free)).toEqual([10, 10]);
  });
});

describe('a return and an out-of-service mark on the same item at once', () => {
  it('never deadlock: both go through, never a server error (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const chairs = await createItem(5);
      const loanPath = await pickedUpLoan(chairs.id, 3, 1 + (round % 28));
      const [returned, marked] = await Promise.all([
        call(api, 'POST', `${loanPath}/returns`, {
          token: owner.coordinator,
          body: { lines: [{ itemId: chairs.id, fine: 1, damaged: 1, missing: 1 }] },
        }),
        call(api, 'POST', `/api/organisations/${owner.id}/lending/items/${chairs.id}/out-of-service`, {
          token: owner.coordinator,
          body: { units: 5, startsAt: helsinki(year, 5, 1, 0), endsAt: helsinki(year, 6, 1, 0), reason: 'Huolto' },
        }),
      ]);
      // Either may take the item's lock first; in either order both go through.
      expect(returned.status, returned.text).toBe(200);
      expect(returned.json.loan.state).toBe('returned');
      expect(marked.status, marked.text).toBe(201);
      expect(marked.json.period).toMatchObject({ units: 5, reason: 'Huolto' });
      expect((await periodsOf(chairs.id)).map((period) => period.units).sort()).toEqual([2, 5]);
    }
  });
});
