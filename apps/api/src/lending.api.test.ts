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

let api: TestApi;
let villageId: string;
// Two owners (a village association and a sports club), a borrowing organisation, and people.
const owner = { id: '', coordinator: '', member: '' };
const club = { id: '', coordinator: '' };
const borrower = { id: '', coordinator: '', userId: '' };
let outsider: string;
const year = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  owner.id = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  club.id = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  borrower.id = await makeOrganisation(api, villageId, 'Pakarilan nuorisoseura ry');
  const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(api)));
  await addMember(api, people[0]!.id, owner.id, 'coordinator');
  await addMember(api, people[1]!.id, owner.id, 'member');
  await addMember(api, people[2]!.id, club.id, 'coordinator');
  await addMember(api, people[3]!.id, borrower.id, 'coordinator');
  borrower.userId = people[3]!.id;
  const tokens = await Promise.all(people.map((person) => signIn(api, person.email)));
  [owner.coordinator, owner.member, club.coordinator, borrower.coordinator, outsider] = tokens as [
    string,
    string,
    string,
    string,
    string,
  ];
});
afterAll(async () => {
  await api?.close();
});

const chairs = (overrides: Record<string, unknown> = {}) => ({
  name: { fi: 'Tuolit', sv: 'Stolar', en: 'Chairs' },
  description: { fi: 'Pinottavat muovituolit' },
  category: 'furniture',
  quantity: 50,
  address: 'Koulutie 2',
  villageId,
  pickUpInstructions: 'Avain kaupalta',
  borrowers: ['members', 'region', 'residents'],
  isApprovalRequired: true,
  feeMembersCents: 0,
  feeOrganisationsCents: 50,
  feePrivateCents: 100,
  depositCents: 2000,
  maxDays: 7,
  noticeDays: null,
  conditionNotes: '',
  ...overrides,
});

async function createItem(organisationId: string, token: string, body: Record<string, unknown>) {
  const created = await call(api, 'POST', `/api/organisations/${organisationId}/lending/items`, { token, body });
  expect(created.status, created.text).toBe(201);
  return created.json.item as { id: string; quantity: number };
}

async function requestLoan(token: string, body: Record<string, unknown>) {
  return call(api, 'POST', '/api/lending/requests', { token, body });
}

const saturday = (day: number) => ({ startsAt: helsinki(year, 3, day, 10), endsAt: helsinki(year, 3, day, 18) });

describe('the catalogue', () => {
  it("lets the owner's coordinator add an item and anyone read it", async () => {
    const item = await createItem(owner.id, owner.coordinator, chairs());
    const read = await call(api, 'GET', `/api/lending/items/${item.id}`);
    expect(read.status).toBe(200);
    expect(read.json.item).toMatchObject({
      name: { fi: 'Tuolit' },
      quantity: 50,
      owner: { id: owner.id, name: 'Kerkonkosken kyläyhdistys ry' },
      village: { id: villageId },
      feePrivateCents: 100,
      depositCents: 2000,
      isKit: false,
    });
  });

  it('refuses a plain member, another organisation’s coordinator and a signed-out visitor', async () => {
    const path = `/api/organisations/${owner.id}/lending/items`;
    expect((await call(api, 'POST', path, { token: owner.member, body: chairs() })).status).toBe(403);
    expect((await call(api, 'POST', path, { token: club.coordinator, body: chairs() })).status).toBe(403);
    expect((await call(api, 'POST', path, { body: chairs() })).status).toBe(401);
    const item = await createItem(owner.id, owner.coordinator, chairs());
    const update = `${path}/${item.id}`;
    expect((await call(api, 'PUT', update, { token: owner.member, body: chairs() })).status).toBe(403);
    expect((await call(api, 'PUT', update, { token: club.coordinator, body: chairs() })).status).toBe(403);
    expect((await call(api, 'PUT', update, { body: chairs() })).status).toBe(401);
    // Another owner's coordinator cannot reach it through their own organisation either.
    expect(
      (
        await call(api, 'PUT', `/api/organisations/${club.id}/lending/items/${item.id}`, {
          token: club.coordinator,
          body: chairs(),
        })
      ).status,
    ).toBe(404);
  });

  it('names the field of bad input, never answers 5xx', async () => {
    const path = `/api/organisations/${owner.id}/lending/items`;
    const noName = await call(api, 'POST', path, { token: owner.coordinator, body: chairs({ name: { fi: '' } }) });
    expect(noName.status).toBe(400);
    expect(noName.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { name: 'Enter the name in at least one language' },
      fieldReasons: { name: 'validation.custom' },
    });
    const noStock = await call(api, 'POST', path, { token: owner.coordinator, body: chairs({ quantity: 0 }) });
    expect(noStock.status).toBe(400);
    expect(noStock.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { quantity: 'An item has at least 1 unit' },
      fieldReasons: { quantity: 'validation.too_small' },
    });
    const nowhere = await call(api, 'POST', path, { token: owner.coordinator, body: chairs({ address: '', villageId: null }) });
    expect(nowhere.status).toBe(400);
    expect(nowhere.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { address: 'Choose the venue where it is kept, or give an address and a village' },
      fieldReasons: { address: 'validation.required' },
    });
    const unknownVillage = await call(api, 'POST', path, {
      token: owner.coordinator,
      body: chairs({ villageId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(unknownVillage.status).toBe(422);
    expect(unknownVillage.json.error).toMatchObject({ code: 'rule_violation', fields: { villageId: expect.any(String) } });
    // An address that cannot name an item finds none, as a well-formed unknown id does.
    const malformed = await call(api, 'GET', '/api/lending/items/not-a-uuid');
    expect(malformed.status).toBe(404);
    expect(malformed.json.error.code).toBe('not_found');
    expect((await call(api, 'GET', '/api/lending/items/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('builds a kit from the owner’s own items and counts how many whole kits they make', async () => {
    const tent = await createItem(
      owner.id,
      owner.coordinator,
      chairs({ name: { fi: 'Teltta' }, category: 'tents', quantity: 2 }),
    );
    const seats = await createItem(owner.id, owner.coordinator, chairs({ quantity: 50 }));
    const kit = await createItem(
      owner.id,
      owner.coordinator,
      chairs({
        name: { fi: 'Juhlapaketti' },
        category: 'other',
        quantity: 1,
        kitParts: [
          { itemId: tent.id, quantity: 1 },
          { itemId: seats.id, quantity: 30 },
        ],
      }),
    );
    expect(kit).toMatchObject({ isKit: true, quantity: 1 });
    const clubItem = await createItem(club.id, club.coordinator, chairs());
    const foreign = await call(api, 'POST', `/api/organisations/${owner.id}/lending/items`, {
      token: owner.coordinator,
      body: chairs({ kitParts: [{ itemId: clubItem.id, quantity: 1 }] }),
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error).toMatchObject({
      code: 'rule_violation',
      message: "A kit's parts are other items of the same owner",
      reason: 'item.kit_part_unknown',
      fields: { 'kitParts.0.itemId': 'Choose one of your items' },
      fieldReasons: { 'kitParts.0.itemId': 'item.kit_part_unknown' },
    });
  });
});

describe('a request to two owners, from search to return', () => {
  it('finds both owners, makes one loan per owner, and follows each to its return', async () => {
    const ownChairs = await createItem(owner.id, owner.coordinator, chairs({ name: { fi: 'Juhlatuolit' } }));
    const clubChairs = await createItem(
      club.id,
      club.coordinator,
      chairs({ name: { fi: 'Juhlatuolit' }, quantity: 20, isApprovalRequired: true }),
    );
    const when = saturday(13);

    const search = await call(
      api,
      'GET',
      `/api/lending/search?text=juhlatuol&villageId=${villageId}&quantity=30&startsAt=${encodeURIComponent(when.startsAt)}&endsAt=${encodeURIComponent(when.endsAt)}`,
    );
    expect(search.status, search.text).toBe(200);
    const hitIds = search.json.hits.map((hit: { item: { id: string } }) => hit.item.id);
    expect(hitIds).toEqual(expect.arrayContaining([ownChairs.id, clubChairs.id]));
    const ownHit = search.json.hits.find((hit: { item: { id: string } }) => hit.item.id === ownChairs.id);
    expect(ownHit).toMatchObject({ free: 50, distance: 'village', days: [{ free: 50, total: 50 }] });

    const asked = await requestLoan(borrower.coordinator, {
      lines: [
        { itemId: ownChairs.id, quantity: 20 },
        { itemId: clubChairs.id, quantity: 10 },
      ],
      ...when,
      organisationId: borrower.id,
      collectorName: 'Matti, 040 123 4567',
      isTransportNeeded: true,
    });
    expect(asked.status, asked.text).toBe(201);
    const request = asked.json.request;
    expect(request.loans).toHaveLength(2);
    const ownLoan = request.loans.find((loan: { owner: { id: string } }) => loan.owner.id === owner.id);
    const clubLoan = request.loans.find((loan: { owner: { id: string } }) => loan.owner.id === club.id);
    expect(ownLoan).toMatchObject({
      state: 'requested',
      feeTier: 'region',
      feeCents: 1000,
      depositCents: 2000,
      isTransportNeeded: true,
    });
    expect(ownLoan.lines).toEqual([expect.objectContaining({ itemId: ownChairs.id, quantity: 20 })]);

    // The pending request already holds the units.
    const days = await call(api, 'GET', `/api/lending/items/${ownChairs.id}/availability?from=${year}-03-13&to=${year}-03-14`);
    expect(days.json.days).toEqual([
      { date: `${year}-03-13`, free: 30, total: 50 },
      { date: `${year}-03-14`, free: 50, total: 50 },
    ]);

    // Each owner decides its own loan, and only its own.
    const approve = (org: string, token: string, loanId: string) =>
      call(api, 'POST', `/api/organisations/${org}/loans/${loanId}/approval`, {
        token,
        body: { handOverStartsAt: helsinki(year, 3, 13, 9), handOverEndsAt: helsinki(year, 3, 13, 10) },
      });
    expect((await approve(owner.id, club.coordinator, ownLoan.id)).status).toBe(403);
    expect((await approve(club.id, club.coordinator, ownLoan.id)).status).toBe(404);
    expect((await approve(owner.id, owner.member, ownLoan.id)).status).toBe(403);
    const approved = await approve(owner.id, owner.coordinator, ownLoan.id);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.loan).toMatchObject({ state: 'approved', handOverStartsAt: helsinki(year, 3, 13, 9) });
    expect((await approve(club.id, club.coordinator, clubLoan.id)).json.loan.state).toBe('approved');
    expect((await approve(owner.id, owner.coordinator, ownLoan.id)).status).toBe(422);

    const mine = await call(api, 'GET', '/api/me/loan-requests', { token: borrower.coordinator });
    const grouped = mine.json.requests.find((candidate: { id: string }) => candidate.id === request.id);
    expect(grouped.loans.map((loan: { state: string }) => loan.state)).toEqual(['approved', 'approved']);

    const loanPath = `/api/organisations/${owner.id}/loans/${ownLoan.id}`;
    const returnBody = { lines: [{ itemId: ownChairs.id, fine: 19, damaged: 1, notes: 'Yksi jalka taipunut' }] };
    expect((await call(api, 'POST', `${loanPath}/returns`, { token: owner.coordinator, body: returnBody })).status).toBe(422);
    const pickedUp = await call(api, 'POST', `${loanPath}/pick-up`, { token: owner.coordinator });
    expect(pickedUp.json.loan.state).toBe('pickedUp');
    // The item's QR page shows its coordinators the loan that is out, and nobody else.
    const itemLoansPath = `/api/organisations/${owner.id}/lending/items/${ownChairs.id}/loans`;
    const out = await call(api, 'GET', itemLoansPath, { token: owner.coordinator });
    expect(out.json.loans.map((loan: { id: string; state: string }) => [loan.id, loan.state])).toEqual([
      [ownLoan.id, 'pickedUp'],
    ]);
    expect((await call(api, 'GET', itemLoansPath, { token: club.coordinator })).status).toBe(403);
    expect((await call(api, 'GET', itemLoansPath, { token: owner.member })).status).toBe(403);
    expect((await call(api, 'GET', itemLoansPath)).status).toBe(401);
    const catalogue = await call(api, 'GET', `/api/organisations/${owner.id}/lending/items`, { token: owner.coordinator });
    expect(catalogue.json.items.map((item: { id: string }) => item.id)).toContain(ownChairs.id);

    const partial = await call(api, 'POST', `${loanPath}/returns`, {
      token: owner.coordinator,
      body: { lines: [{ itemId: ownChairs.id, fine: 14, damaged: 1, notes: 'Yksi jalka taipunut' }] },
    });
    expect(partial.status, partial.text).toBe(200);
    expect(partial.json.loan).toMatchObject({ state: 'pickedUp' });
    expect(partial.json.loan.lines[0]).toMatchObject({
      returnedFine: 14,
      returnedDamaged: 1,
      returnNotes: 'Yksi jalka taipunut',
    });
    const tooMany = await call(api, 'POST', `${loanPath}/returns`, {
      token: owner.coordinator,
      body: { lines: [{ itemId: ownChairs.id, fine: 6 }] },
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error).toMatchObject({
      code: 'rule_violation',
      message: 'Only 5 are still out',
      reason: 'loan.return_beyond_outstanding',
      fields: { 'lines.0.fine': 'Only 5 are still out' },
      fieldReasons: { 'lines.0.fine': 'loan.return_beyond_outstanding' },
    });
    const rest = await call(api, 'POST', `${loanPath}/returns`, {
      token: owner.coordinator,
      body: { lines: [{ itemId: ownChairs.id, fine: 4, missing: 1 }] },
    });
    expect(rest.json.loan).toMatchObject({ state: 'returned' });
    expect(rest.json.loan.lines[0]).toMatchObject({ returnedFine: 18, returnedDamaged: 1, returnedMissing: 1 });

    const list = await call(api, 'GET', `/api/organisations/${owner.id}/loans?state=returned`, { token: owner.coordinator });
    expect(list.json.loans.map((loan: { id: string }) => loan.id)).toContain(ownLoan.id);
    const after = await call(api, 'GET', `/api/lending/items/${ownChairs.id}/availability?from=${year}-03-13&to=${year}-03-13`);
    // The damaged chair and the missing one stay out of service until the owner says otherwise.
    expect(after.json.days[0].free).toBe(48);
    const item = await call(api, 'GET', `/api/lending/items/${ownChairs.id}`);
    expect(item.json.item.outOfService.map((period: { units: number; reason: string }) => [period.units, period.reason])).toEqual(
      [
        [1, 'Yksi jalka taipunut'],
        [1, 'Counted back 1 missing: check before lending again'],
      ],
    );
  });

  it('refuses more than is free, naming the line, and takes nothing from the other owner', async () => {
    const ownTent = await createItem(owner.id, owner.coordinator, chairs({ name: { fi: 'Teltta' }, quantity: 1 }));
    const clubTent = await createItem(club.id, club.coordinator, chairs({ name: { fi: 'Teltta' }, quantity: 1 }));
    const when = saturday(20);
    const first = await requestLoan(borrower.coordinator, {
      lines: [{ itemId: ownTent.id, quantity: 1 }],
      ...when,
      collectorName: 'Liisa',
    });
    expect(first.status, first.text).toBe(201);
    const second = await requestLoan(borrower.coordinator, {
      lines: [
        { itemId: clubTent.id, quantity: 1 },
        { itemId: ownTent.id, quantity: 1 },
      ],
      ...when,
      collectorName: 'Liisa',
    });
    expect(second.status).toBe(409);
    expect(second.json.error.reason).toBe('loan.not_enough_free');
    expect(second.json.error).toMatchObject({
      code: 'conflict',
      message: 'Someone else just took some of these: fewer are free now',
      reason: 'loan.not_enough_free',
      fields: { 'lines.1.quantity': 'Not that many are free any more' },
      fieldReasons: { 'lines.1.quantity': 'loan.not_enough_free' },
    });
    const clubDays = await call(api, 'GET', `/api/lending/items/${clubTent.id}/availability?from=${year}-03-20&to=${year}-03-20`);
    expect(clubDays.json.days[0].free).toBe(1);
  });

  it('keeps to who may borrow, the longest loan and the borrower’s own organisation', async () => {
    const membersOnly = await createItem(owner.id, owner.coordinator, chairs({ borrowers: ['members'] }));
    const when = saturday(27);
    const other = await requestLoan(borrower.coordinator, {
      lines: [{ itemId: membersOnly.id, quantity: 1 }],
      ...when,
      organisationId: borrower.id,
      collectorName: 'Liisa',
    });
    expect(other.status).toBe(403);
    expect(other.json.error.reason).toBe('loan.borrower_not_allowed');
    const notMine = await requestLoan(outsider, {
      lines: [{ itemId: membersOnly.id, quantity: 1 }],
      ...when,
      organisationId: owner.id,
      collectorName: 'Ville',
    });
    expect(notMine.status).toBe(403);
    expect(notMine.json.error).toMatchObject({
      code: 'forbidden',
      message: 'You can borrow for an organisation only as its member',
      reason: 'loan.not_member_of_organisation',
      fields: { organisationId: 'You are not a member of this organisation' },
      fieldReasons: { organisationId: 'loan.not_member_of_organisation' },
    });
    const own = await requestLoan(owner.member, {
      lines: [{ itemId: membersOnly.id, quantity: 5 }],
      ...when,
      organisationId: owner.id,
      collectorName: 'Jäsen',
    });
    expect(own.status, own.text).toBe(201);
    expect(own.json.request.loans[0]).toMatchObject({ feeTier: 'members', feeCents: 0 });
    const tooLong = await requestLoan(owner.member, {
      lines: [{ itemId: membersOnly.id, quantity: 1 }],
      startsAt: helsinki(year, 4, 1, 10),
      endsAt: helsinki(year, 4, 9, 10),
      organisationId: owner.id,
      collectorName: 'Jäsen',
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.error).toMatchObject({
      code: 'rule_violation',
      message: 'A loan lasts at most 7 days',
      reason: 'loan.too_long',
      fields: { endsAt: 'A loan lasts at most 7 days' },
      fieldReasons: { endsAt: 'loan.too_long' },
    });
  });

  it('answers bad requests with the field and signed-out ones with 401', async () => {
    const item = await createItem(owner.id, owner.coordinator, chairs());
    const when = saturday(6);
    expect((await requestLoan('', { lines: [{ itemId: item.id, quantity: 1 }], ...when, collectorName: 'A' })).status).toBe(401);
    const noLines = await requestLoan(borrower.coordinator, { lines: [], ...when, collectorName: 'Aino' });
    expect(noLines.status).toBe(400);
    expect(noLines.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { lines: 'Choose at least one item' },
      fieldReasons: { lines: 'validation.too_small' },
    });
    const backwards = await requestLoan(borrower.coordinator, {
      lines: [{ itemId: item.id, quantity: 1 }],
      startsAt: when.endsAt,
      endsAt: when.startsAt,
      collectorName: 'Aino',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { endsAt: 'The end must be after the start' },
      fieldReasons: { endsAt: 'validation.custom' },
    });
    const twice = await requestLoan(borrower.coordinator, {
      lines: [
        { itemId: item.id, quantity: 1 },
        { itemId: item.id, quantity: 2 },
      ],
      ...when,
      collectorName: 'Aino',
    });
    expect(twice.status).toBe(400);
    expect(twice.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Name each item once',
      reason: 'loan.duplicate_item',
      fields: { 'lines.1.itemId': 'Name each item once' },
      fieldReasons: { 'lines.1.itemId': 'loan.duplicate_item' },
    });
    const zero = await requestLoan(borrower.coordinator, {
      lines: [{ itemId: item.id, quantity: 0 }],
      ...when,
      collectorName: 'Aino',
    });
    expect(zero.status).toBe(400);
    expect(zero.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { 'lines.0.quantity': 'At least 1' },
      fieldReasons: { 'lines.0.quantity': 'validation.too_small' },
    });
  });
});

describe('answers, cancellations and the owner’s lists', () => {
  async function oneLoan(day: number) {
    const item = await createItem(owner.id, owner.coordinator, chairs({ quantity: 5 }));
    const asked = await requestLoan(borrower.coordinator, {
      lines: [{ itemId: item.id, quantity: 2 }],
      ...saturday(day),
      organisationId: borrower.id,
      collectorName: 'Aino',
    });
    expect(asked.status, asked.text).toBe(201);
    return { item, loan: asked.json.request.loans[0] as { id: string }, requestId: asked.json.request.id as string };
  }

  it('denies only with a reason, and the denial frees the units', async () => {
    const { item, loan } = await oneLoan(6);
    const path = `/api/organisations/${owner.id}/loans/${loan.id}/denial`;
    const noReason = await call(api, 'POST', path, { token: owner.coordinator, body: { reason: '' } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { reason: 'Say why the request is denied' },
      fieldReasons: { reason: 'validation.required' },
    });
    expect((await call(api, 'POST', path, { token: owner.member, body: { reason: 'Ei käy' } })).status).toBe(403);
    expect((await call(api, 'POST', path, { token: club.coordinator, body: { reason: 'Ei käy' } })).status).toBe(403);
    expect((await call(api, 'POST', path, { body: { reason: 'Ei käy' } })).status).toBe(401);
    const denied = await call(api, 'POST', path, { token: owner.coordinator, body: { reason: 'Omat juhlat samana päivänä' } });
    expect(denied.json.loan).toMatchObject({ state: 'denied', denyReason: 'Omat juhlat samana päivänä' });
    const days = await call(api, 'GET', `/api/lending/items/${item.id}/availability?from=${year}-03-06&to=${year}-03-06`);
    expect(days.json.days[0].free).toBe(5);
  });

  it('lets the borrower cancel, not someone else, and not after pick-up', async () => {
    const { loan } = await oneLoan(6);
    const path = `/api/loans/${loan.id}/cancellation`;
    expect((await call(api, 'POST', path, { token: outsider, body: {} })).status).toBe(403);
    expect((await call(api, 'POST', path, { body: {} })).status).toBe(401);
    const cancelled = await call(api, 'POST', path, { token: borrower.coordinator, body: { reason: 'Juhlat peruttu' } });
    expect(cancelled.json.loan).toMatchObject({ state: 'cancelled', cancelReason: 'Juhlat peruttu' });
    expect((await call(api, 'POST', path, { token: borrower.coordinator, body: {} })).status).toBe(422);
    const malformed = await call(api, 'POST', '/api/loans/nope/cancellation', { token: borrower.coordinator, body: {} });
    expect(malformed.status).toBe(404);
    expect(malformed.json.error.code).toBe('not_found');

    const second = await oneLoan(6);
    const ownerPath = `/api/organisations/${owner.id}/loans/${second.loan.id}`;
    await call(api, 'POST', `${ownerPath}/approval`, { token: owner.coordinator, body: {} });
    expect((await call(api, 'POST', `${ownerPath}/pick-up`, { token: owner.member })).status).toBe(403);
    expect((await call(api, 'POST', `${ownerPath}/pick-up`, { token: club.coordinator })).status).toBe(403);
    expect((await call(api, 'POST', `${ownerPath}/pick-up`)).status).toBe(401);
    expect((await call(api, 'POST', `${ownerPath}/pick-up`, { token: owner.coordinator })).status).toBe(200);
    const late = await call(api, 'POST', `/api/loans/${second.loan.id}/cancellation`, { token: borrower.coordinator, body: {} });
    expect(late.status).toBe(422);
    expect(late.json.error.reason).toBe('loan.wrong_state');
    for (const token of [owner.member, club.coordinator, undefined]) {
      const refused = await call(api, 'POST', `${ownerPath}/returns`, {
        ...(token ? { token } : {}),
        body: { lines: [{ itemId: second.item.id, fine: 1 }] },
      });
      expect(refused.status).toBe(token ? 403 : 401);
    }
  });

  it('lets the owner cancel a request, and shows the week’s pick-ups', async () => {
    const { loan } = await oneLoan(13);
    const path = `/api/organisations/${owner.id}/loans/${loan.id}/cancellation`;
    expect((await call(api, 'POST', path, { token: owner.member, body: {} })).status).toBe(403);
    expect((await call(api, 'POST', path, { token: club.coordinator, body: {} })).status).toBe(403);
    const week = await call(api, 'GET', `/api/organisations/${owner.id}/loans/week?date=${year}-03-13`, {
      token: owner.coordinator,
    });
    expect(week.status, week.text).toBe(200);
    expect(week.json.pickUps.map((candidate: { id: string }) => candidate.id)).toContain(loan.id);
    const cancelled = await call(api, 'POST', path, { token: owner.coordinator, body: { reason: 'Rikki' } });
    expect(cancelled.json.loan.state).toBe('cancelled');
    expect((await call(api, 'GET', `/api/organisations/${owner.id}/loans/week`, { token: club.coordinator })).status).toBe(403);
  });

  it('refuses out-of-service marks from anyone but the owner’s coordinators', async () => {
    const item = await createItem(owner.id, owner.coordinator, chairs({ quantity: 5 }));
    const path = `/api/organisations/${owner.id}/lending/items/${item.id}/out-of-service`;
    const body = { units: 2, startsAt: helsinki(year, 5, 1, 0), endsAt: helsinki(year, 5, 8, 0), reason: 'Korjaukseen' };
    expect((await call(api, 'POST', path, { token: owner.member, body })).status).toBe(403);
    expect((await call(api, 'POST', path, { token: club.coordinator, body })).status).toBe(403);
    expect((await call(api, 'POST', path, { body })).status).toBe(401);
    const tooMany = await call(api, 'POST', path, { token: owner.coordinator, body: { ...body, units: 6 } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error).toMatchObject({
      code: 'rule_violation',
      message: 'The item has 5 units',
      reason: 'item.units_beyond_stock',
      fields: { units: 'At most 5' },
      fieldReasons: { units: 'item.units_beyond_stock' },
    });
    expect((await call(api, 'POST', path, { token: owner.coordinator, body })).status).toBe(201);
  });
});
