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

// Giving away (kierrätys, ADR 021): offer, claim, confirm or decline, withdraw; who may do which;
// the stock rule under simultaneous claims and offers.
let api: TestApi;
let villageId: string;
const owner = { id: '', coordinator: '', member: '', email: '' };
const receiver = { id: '', coordinator: '', member: '', email: '' };
const third = { id: '', coordinator: '', email: '' };
const far = { id: '', coordinator: '' };
let outsider: string;
const year = new Date().getUTCFullYear() + 1;

async function person(organisationId: string, role: 'coordinator' | 'member', language: 'fi' | 'sv' | 'en' = 'fi') {
  const user = await makeUser(api, { language });
  await addMember(api, user.id, organisationId, role);
  return { token: await signIn(api, user.email), email: user.email };
}

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  owner.id = await makeOrganisation(api, villageId, 'Kotalahden kyläyhdistys ry');
  receiver.id = await makeOrganisation(api, villageId, 'Sorsakosken kyläseura ry');
  third.id = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  // Another region's village association: offers do not reach it.
  far.id = await makeOrganisation(api, await makeVillage(api), 'Kaukaisen kylän seura ry');
  const ownerCoordinator = await person(owner.id, 'coordinator');
  owner.coordinator = ownerCoordinator.token;
  owner.email = ownerCoordinator.email;
  owner.member = (await person(owner.id, 'member')).token;
  const receiverCoordinator = await person(receiver.id, 'coordinator', 'sv');
  receiver.coordinator = receiverCoordinator.token;
  receiver.email = receiverCoordinator.email;
  receiver.member = (await person(receiver.id, 'member')).token;
  const thirdCoordinator = await person(third.id, 'coordinator', 'en');
  third.coordinator = thirdCoordinator.token;
  third.email = thirdCoordinator.email;
  far.coordinator = (await person(far.id, 'coordinator')).token;
  outsider = await signIn(api, (await makeUser(api)).email);
});
afterAll(async () => {
  await api?.close();
});

async function createChairs(quantity = 50, overrides: Record<string, unknown> = {}) {
  const created = await call(api, 'POST', `/api/organisations/${owner.id}/lending/items`, {
    token: owner.coordinator,
    body: {
      name: { fi: 'Tuolit', sv: 'Stolar', en: 'Chairs' },
      description: { fi: 'Vanhat puutuolit' },
      category: 'furniture',
      quantity,
      address: 'Koulutie 2',
      villageId,
      pickUpInstructions: 'Avain kaupalta',
      borrowers: ['members', 'region', 'residents'],
      isApprovalRequired: false,
      conditionNotes: 'Osa natisee',
      ...overrides,
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.item as { id: string; quantity: number };
}

const offer = (itemId: string, body: unknown, token = owner.coordinator, organisationId = owner.id) =>
  call(api, 'POST', `/api/organisations/${organisationId}/lending/items/${itemId}/give-aways`, { token, body });
const act = (offerId: string, what: string, token: string, organisationId: string, body?: unknown) =>
  call(api, 'POST', `/api/organisations/${organisationId}/lending/give-aways/${offerId}/${what}`, { token, body });
const claim = (offerId: string, token = receiver.coordinator, organisationId = receiver.id, message = '') =>
  act(offerId, 'claim', token, organisationId, { message });

async function offered(itemId: string, units: number, note = '') {
  const answer = await offer(itemId, { units, note });
  expect(answer.status, answer.text).toBe(201);
  return answer.json.offer as { id: string; state: string };
}

async function borrow(itemId: string, quantity: number, when: { startsAt: string; endsAt: string }) {
  return call(api, 'POST', '/api/lending/requests', {
    token: outsider,
    body: { lines: [{ itemId, quantity }], ...when, collectorName: 'Matti' },
  });
}

type Mail = { template: string; language: string; rendered: { subject: string; text: string } };
async function mailsTo(email: string, template: string): Promise<Mail[]> {
  const { rows } = await api.sql.query(
    `select payload from outbox_messages where topic = 'mail.send' and payload->>'to' = $1 and payload->>'template' = $2 order by id`,
    [email, template],
  );
  return rows.map((row) => row.payload as Mail);
}

describe('giving away', () => {
  it('moves 20 of 50 chairs to the claimer’s catalogue when the owner confirms, with a mail at each step', async () => {
    const chairs = await createChairs();
    const made = await offered(chairs.id, 20, 'Vanhoja mutta ehjiä');
    expect(made.state).toBe('offered');

    // Anyone sees what is offered, by whom and where; a municipality narrows the list.
    const { rows } = await api.sql.query(`select municipality_id from villages where id = $1`, [villageId]);
    const near = await call(api, 'GET', `/api/lending/give-aways?municipalityId=${rows[0].municipality_id}`);
    expect(near.json.offers.map((o: { id: string }) => o.id)).toContain(made.id);
    const elsewhere = await call(api, 'GET', '/api/lending/give-aways?municipalityId=00000000-0000-4000-8000-000000000000');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.json.offers).toEqual([]);
    const list = await call(api, 'GET', '/api/lending/give-aways');
    expect(list.status).toBe(200);
    expect(list.json.offers.find((o: { id: string }) => o.id === made.id)).toMatchObject({
      units: 20,
      note: 'Vanhoja mutta ehjiä',
      owner: { id: owner.id, name: 'Kotalahden kyläyhdistys ry' },
      village: { name: 'Kerkonkoski' },
      municipality: { name: 'Rautalampi' },
      address: 'Koulutie 2',
      item: { name: { fi: 'Tuolit' }, quantity: 50 },
    });

    const claimed = await claim(made.id, receiver.coordinator, receiver.id, 'Haemme torstaina');
    expect(claimed.status, claimed.text).toBe(200);
    expect(claimed.json.offer).toMatchObject({
      state: 'claimed',
      claimer: { id: receiver.id },
      claimMessage: 'Haemme torstaina',
    });
    const toOwner = await mailsTo(owner.email, 'give-away.claimed');
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]!.rendered.text).toContain('Sorsakosken kyläseura ry');
    expect(toOwner[0]!.rendered.text).toContain('20 × Tuolit');
    expect(toOwner[0]!.rendered.text).toContain('Haemme torstaina');

    const confirmed = await act(made.id, 'confirmation', owner.coordinator, owner.id);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json.offer.state).toBe('given');
    expect(confirmed.json.flaggedLoanIds).toEqual([]);

    // The owner has 30 left; the receiver has a new item of 20, kept in its own village, lent only
    // to its own members until its coordinators say otherwise.
    expect((await call(api, 'GET', `/api/lending/items/${chairs.id}`)).json.item).toMatchObject({
      quantity: 30,
      retiredAt: null,
    });
    const mine = await call(api, 'GET', `/api/organisations/${receiver.id}/lending/items`, { token: receiver.coordinator });
    const received = mine.json.items.find((item: { id: string }) => item.id === confirmed.json.receivedItemId);
    expect(received).toMatchObject({
      name: { fi: 'Tuolit', sv: 'Stolar', en: 'Chairs' },
      description: { fi: 'Vanhat puutuolit' },
      category: 'furniture',
      quantity: 20,
      owner: { id: receiver.id },
      villageId,
      address: '',
      borrowers: ['members'],
      conditionNotes: 'Osa natisee',
    });
    const toReceiver = await mailsTo(receiver.email, 'give-away.confirmed');
    expect(toReceiver).toHaveLength(1);
    expect(toReceiver[0]!.language).toBe('sv');
    expect(toReceiver[0]!.rendered.subject).toMatch(/er/);

    // Given, it leaves the region's list; both sides still see it on their own page.
    expect((await call(api, 'GET', '/api/lending/give-aways')).json.offers.map((o: { id: string }) => o.id)).not.toContain(
      made.id,
    );
    const ownerView = await call(api, 'GET', `/api/organisations/${owner.id}/lending/give-aways`, { token: owner.coordinator });
    expect(ownerView.json.offers[0]).toMatchObject({
      id: made.id,
      state: 'given',
      receivedItemId: confirmed.json.receivedItemId,
    });
    const receiverView = await call(api, 'GET', `/api/organisations/${receiver.id}/lending/give-aways`, {
      token: receiver.coordinator,
    });
    expect(receiverView.json.claims.map((o: { id: string }) => o.id)).toContain(made.id);
  });

  it('opens the offer again when the owner declines a claim, and tells the claimer why', async () => {
    const chairs = await createChairs(10);
    const made = await offered(chairs.id, 4);
    expect((await claim(made.id, third.coordinator, third.id)).status).toBe(200);
    const declined = await act(made.id, 'decline', owner.coordinator, owner.id, { reason: 'Lupasimme ne jo koululle' });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.json.offer).toMatchObject({ state: 'offered', claimer: null, declineReason: 'Lupasimme ne jo koululle' });
    const mail = await mailsTo(third.email, 'give-away.declined');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.rendered.text).toContain('Lupasimme ne jo koululle');
    // Another organisation may claim it now.
    expect((await claim(made.id)).status).toBe(200);
    // Withdrawn after a claim: the claimer hears of it, the units are the owner's again.
    const withdrawn = await act(made.id, 'withdrawal', owner.coordinator, owner.id);
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.json.offer.state).toBe('withdrawn');
    expect(await mailsTo(receiver.email, 'give-away.withdrawn')).toHaveLength(1);
    expect((await act(made.id, 'confirmation', owner.coordinator, owner.id)).status).toBe(422);
    expect((await claim(made.id)).json.error.reason).toBe('giveAway.wrong_state');
    expect((await borrow(chairs.id, 10, { startsAt: helsinki(year, 4, 4, 10), endsAt: helsinki(year, 4, 4, 18) })).status).toBe(
      201,
    );
  });

  it('retires an item given away whole: out of the catalogue and the search, past loans kept', async () => {
    const grill = await createChairs(2, { name: { fi: 'Grilli' }, category: 'kitchen' });
    const when = { startsAt: helsinki(year, 2, 6, 10), endsAt: helsinki(year, 2, 6, 18) };
    const loan = await borrow(grill.id, 2, when);
    expect(loan.status, loan.text).toBe(201);
    const loanId = loan.json.request.loans[0].id as string;
    const base = `/api/organisations/${owner.id}/loans/${loanId}`;
    expect((await call(api, 'POST', `${base}/pick-up`, { token: owner.coordinator })).status).toBe(200);
    const back = await call(api, 'POST', `${base}/returns`, {
      token: owner.coordinator,
      body: { lines: [{ itemId: grill.id, fine: 2 }] },
    });
    expect(back.status, back.text).toBe(200);

    const made = await offered(grill.id, 2);
    expect((await claim(made.id)).status).toBe(200);
    expect((await act(made.id, 'confirmation', owner.coordinator, owner.id)).status).toBe(200);
    const item = (await call(api, 'GET', `/api/lending/items/${grill.id}`)).json.item;
    expect(item.quantity).toBe(0);
    expect(item.retiredAt).not.toBeNull();
    const list = await call(api, 'GET', `/api/organisations/${owner.id}/lending/items`, { token: owner.coordinator });
    expect(list.json.items.map((i: { id: string }) => i.id)).not.toContain(grill.id);
    const search = await call(
      api,
      'GET',
      `/api/lending/search?text=Grilli&startsAt=${encodeURIComponent(helsinki(year, 7, 1, 10))}&endsAt=${encodeURIComponent(helsinki(year, 7, 1, 18))}`,
    );
    expect(search.status, search.text).toBe(200);
    expect(search.json.hits.map((hit: { item: { id: string } }) => hit.item.id)).not.toContain(grill.id);
    expect((await borrow(grill.id, 1, { startsAt: helsinki(year, 7, 1, 10), endsAt: helsinki(year, 7, 1, 18) })).status).toBe(
      422,
    );
    // The past loan keeps its line.
    const past = await call(api, 'GET', base, { token: owner.coordinator });
    expect(past.json.loan.lines[0]).toMatchObject({ itemId: grill.id, quantity: 2, returnedFine: 2 });
    expect((await offer(grill.id, { units: 1 })).json.error.reason).toBe('giveAway.item_given_away');
  });
});

describe('the stock rule for offers', () => {
  it('offers only what no loan holds from now on, and holds the offered units from then', async () => {
    const chairs = await createChairs();
    // 40 chairs out next summer: a give-away has no end, so only 10 may go.
    expect((await borrow(chairs.id, 40, { startsAt: helsinki(year, 6, 6, 10), endsAt: helsinki(year, 6, 6, 18) })).status).toBe(
      201,
    );
    const tooMany = await offer(chairs.id, { units: 20 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.json.error).toMatchObject({ reason: 'giveAway.not_enough_free', free: 10 });
    expect(tooMany.json.error).toMatchObject({
      code: 'conflict',
      message: 'At most 10 units are free from now on: loans, repairs and other offers hold the rest',
      reason: 'giveAway.not_enough_free',
      fields: { units: 'At most 10' },
      fieldReasons: { units: 'giveAway.not_enough_free' },
    });
    await offered(chairs.id, 10);
    // The offered 10 are no longer lent: of 50, a request for 41 in another month is refused.
    expect((await borrow(chairs.id, 41, { startsAt: helsinki(year, 8, 1, 10), endsAt: helsinki(year, 8, 1, 18) })).status).toBe(
      409,
    );
    expect((await borrow(chairs.id, 40, { startsAt: helsinki(year, 8, 1, 10), endsAt: helsinki(year, 8, 1, 18) })).status).toBe(
      201,
    );
    const week = await call(api, 'GET', `/api/lending/items/${chairs.id}/availability?from=${year}-08-02&to=${year}-08-02`);
    expect(week.json.days[0]).toMatchObject({ free: 40, total: 50 });
    // Nor may the stock shrink below what is offered.
    const smaller = await call(api, 'PUT', `/api/organisations/${owner.id}/lending/items/${chairs.id}`, {
      token: owner.coordinator,
      body: {
        name: { fi: 'Tuolit' },
        category: 'furniture',
        quantity: 5,
        address: 'Koulutie 2',
        villageId,
        borrowers: ['residents'],
      },
    });
    expect(smaller.status).toBe(422);
    expect(smaller.json.error.reason).toBe('item.units_offered');
  });

  it('lets one of two simultaneous claims win; the other hears it was claimed first', async () => {
    const chairs = await createChairs(20);
    const made = await offered(chairs.id, 20);
    const answers = await Promise.all([
      claim(made.id, receiver.coordinator, receiver.id),
      claim(made.id, third.coordinator, third.id),
      claim(made.id, receiver.coordinator, receiver.id),
      claim(made.id, third.coordinator, third.id),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.error.reason === 'giveAway.already_claimed')).toBe(true);
    const { rows } = await api.sql.query(
      `select count(*)::int as n from outbox_messages where payload->>'template' = 'give-away.claimed' and payload->>'to' = $1`,
      [owner.email],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('never offers more than there is when offers and loan requests arrive at once', async () => {
    const chairs = await createChairs(50);
    const when = { startsAt: helsinki(year, 9, 5, 10), endsAt: helsinki(year, 9, 5, 18) };
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, () => offer(chairs.id, { units: 15 })),
      ...Array.from({ length: 6 }, () => borrow(chairs.id, 10, when)),
    ]);
    // How many of each go through depends on the order they take the item's lock; every one that
    // does not is refused as a conflict naming its own rule.
    const outcome = (answer: { status: number; json: any }) =>
      answer.status === 201 ? 'placed' : `${answer.status} ${answer.json?.error?.code} ${answer.json?.error?.reason}`;
    for (const answer of answers.slice(0, 6))
      expect(['placed', '409 conflict giveAway.not_enough_free']).toContain(outcome(answer));
    for (const answer of answers.slice(6)) expect(['placed', '409 conflict loan.not_enough_free']).toContain(outcome(answer));
    const { rows } = await api.sql.query(
      `select (select coalesce(sum(units), 0) from give_away_offers where item_id = $1 and state = 'offered')::int as offered,
              (select coalesce(sum(l.quantity), 0) from loan_lines l join loans lo on lo.id = l.loan_id
                where l.item_id = $1 and lo.state in ('requested', 'approved'))::int as lent`,
      [chairs.id],
    );
    expect(rows[0].offered + rows[0].lent).toBeLessThanOrEqual(50);
    expect(rows[0].offered).toBeGreaterThan(0);
  });
});

describe('who may give away and claim', () => {
  it('refuses another organisation’s coordinator, a plain member and a signed-out visitor on every write', async () => {
    const chairs = await createChairs(30);
    const body = { units: 5 };
    expect((await offer(chairs.id, body, owner.member)).status).toBe(403);
    expect((await offer(chairs.id, body, receiver.coordinator)).status).toBe(403);
    expect(
      (await call(api, 'POST', `/api/organisations/${owner.id}/lending/items/${chairs.id}/give-aways`, { body })).status,
    ).toBe(401);
    // Through its own organisation, another coordinator cannot reach the owner's item.
    expect((await offer(chairs.id, body, receiver.coordinator, receiver.id)).status).toBe(404);

    const made = await offered(chairs.id, 5);
    // Claim: the claimer's own coordinators only, of the same region, never the owner itself.
    expect((await claim(made.id, receiver.member, receiver.id)).status).toBe(403);
    expect((await claim(made.id, third.coordinator, receiver.id)).status).toBe(403);
    expect((await act(made.id, 'claim', '', receiver.id, {})).status).toBe(401);
    expect((await claim(made.id, far.coordinator, far.id)).status).toBe(403);
    const own = await claim(made.id, owner.coordinator, owner.id);
    expect(own.status).toBe(422);
    expect(own.json.error.reason).toBe('giveAway.own_offer');

    // Confirm, decline, withdraw: the owner's coordinators only.
    expect((await claim(made.id)).status).toBe(200);
    for (const what of ['confirmation', 'decline', 'withdrawal']) {
      const answer = what === 'decline' ? { reason: '' } : undefined;
      expect((await act(made.id, what, owner.member, owner.id, answer)).status, what).toBe(403);
      expect((await act(made.id, what, receiver.coordinator, owner.id, answer)).status, what).toBe(403);
      expect((await act(made.id, what, '', owner.id, answer)).status, what).toBe(401);
      expect((await act(made.id, what, receiver.coordinator, receiver.id, answer)).status, what).toBe(404);
    }
    // The organisation's own page: its coordinators only.
    const page = `/api/organisations/${owner.id}/lending/give-aways`;
    expect((await call(api, 'GET', page, { token: owner.member })).status).toBe(403);
    expect((await call(api, 'GET', page)).status).toBe(401);
    // Still claimed: nothing above changed it.
    const still = await call(api, 'GET', page, { token: owner.coordinator });
    expect(still.json.offers.find((o: { id: string }) => o.id === made.id).state).toBe('claimed');
  });

  it('names the field of bad input and answers 404 for ids that are not there, malformed or unknown', async () => {
    const chairs = await createChairs(30);
    for (const [body, field, message] of [
      [{ units: 0 }, 'units', 'At least 1 unit'],
      [{ units: 'kaksikymmentä' }, 'units', 'Give the number of units'],
      [{ units: 2.5 }, 'units', 'Give whole units'],
      [{ units: 5, note: 'x'.repeat(1001) }, 'note', 'At most 1000 characters'],
      [{ units: 5, colour: 'red' }, 'body', 'Unrecognized key: "colour"'],
    ] as const) {
      const refused = await offer(chairs.id, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.json.error, JSON.stringify(body)).toMatchObject({
        code: 'validation_failed',
        message: 'Check the marked fields',
        fields: { [field]: message },
      });
      expect(Object.keys(refused.json.error.fields)).toEqual([field]);
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await offer(unknown, { units: 1 })).status).toBe(404);
    const notFound = { status: 404, code: 'not_found' };
    const answer = async (response: Promise<{ status: number; json: any }>) => {
      const { status, json } = await response;
      return { status, code: json?.error?.code };
    };
    expect(await answer(offer('not-a-uuid', { units: 1 }))).toEqual(notFound);
    expect((await claim(unknown)).status).toBe(404);
    expect(await answer(claim('not-a-uuid'))).toEqual(notFound);
    expect(await answer(act('not-a-uuid', 'confirmation', owner.coordinator, owner.id))).toEqual(notFound);
    expect((await act(unknown, 'withdrawal', owner.coordinator, owner.id)).status).toBe(404);
    expect((await call(api, 'GET', '/api/lending/give-aways?municipalityId=nope')).status).toBe(400);
    const made = await offered(chairs.id, 5);
    expect((await act(made.id, 'confirmation', owner.coordinator, owner.id)).json.error.reason).toBe('giveAway.wrong_state');
    const longMessage = await act(made.id, 'claim', receiver.coordinator, receiver.id, { message: 'x'.repeat(1001) });
    expect(longMessage.status).toBe(400);
    expect(longMessage.json.error).toMatchObject({
      code: 'validation_failed',
      message: 'Check the marked fields',
      fields: { message: 'At most 1000 characters' },
      fieldReasons: { message: 'validation.too_big' },
    });
    // A kit is given away as its parts.
    const kit = await call(api, 'POST', `/api/organisations/${owner.id}/lending/items`, {
      token: owner.coordinator,
      body: {
        name: { fi: 'Juhlapaketti' },
        category: 'other',
        quantity: 1,
        address: 'Koulutie 2',
        villageId,
        borrowers: ['residents'],
        kitParts: [{ itemId: chairs.id, quantity: 10 }],
      },
    });
    expect(kit.status, kit.text).toBe(201);
    expect((await offer(kit.json.item.id, { units: 1 })).json.error.reason).toBe('giveAway.kit');
  });
});
