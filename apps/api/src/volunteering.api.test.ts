import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  helsinkiIso as helsinki,
  lastMailTo,
  linkIn,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
} from './testing/test-api.js';

// Claiming places on volunteer shifts: exact capacity under concurrency, the waiting list, claims
// without an account confirmed by mail, withdrawing (late ones tell the coordinator), who may do what.
let api: TestApi;
const org = { id: '', coordinator: '', coordinatorEmail: '', member: '' };
const other = { id: '', coordinator: '' };
const year = new Date().getUTCFullYear() + 1;
const eventId = '6f1e1a3c-6a8e-4c7b-9a51-3c2f4d5e6a7b';

async function person(organisationId: string, role: 'coordinator' | 'member' | 'admin', language: 'fi' | 'sv' | 'en' = 'fi') {
  const user = await makeUser(api, { language });
  await addMember(api, user.id, organisationId, role);
  return { token: await signIn(api, user.email), email: user.email, id: user.id };
}

async function volunteer(language: 'fi' | 'sv' | 'en' = 'fi') {
  const user = await makeUser(api, { language });
  return { token: await signIn(api, user.email), email: user.email, id: user.id };
}

beforeAll(async () => {
  api = await startTestApi();
  const villageId = await makeVillage(api);
  org.id = await makeOrganisation(api, villageId, 'Kotalahden kyläyhdistys ry');
  other.id = await makeOrganisation(api, villageId, 'Sorsakosken kyläseura ry');
  const coordinator = await person(org.id, 'coordinator');
  org.coordinator = coordinator.token;
  org.coordinatorEmail = coordinator.email;
  org.member = (await person(org.id, 'member')).token;
  other.coordinator = (await person(other.id, 'coordinator')).token;
});
afterAll(async () => {
  await api?.close();
});

async function createTask(
  capacity: number,
  overrides: Record<string, unknown> = {},
  token = org.coordinator,
  organisationId = org.id,
  day = 12,
) {
  const created = await call(api, 'POST', `/api/organisations/${organisationId}/volunteering/tasks`, {
    token,
    body: {
      eventId,
      title: { fi: 'Kahvio', sv: 'Kafé', en: 'Café' },
      description: { fi: 'Kahvinkeitto' },
      place: 'Kylätalo',
      contact: { name: 'Maija Meikäläinen', phone: '040 123 4567', email: null },
      shifts: [{ startsAt: helsinki(year, 6, day, 10), endsAt: helsinki(year, 6, day, 12), capacity }],
      ...overrides,
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.task as {
    id: string;
    shifts: { id: string; capacity: number; free: number; taken: number; waiting: number }[];
  };
}

const claim = (shiftId: string, token: string, body: Record<string, unknown> = {}) =>
  call(api, 'POST', `/api/volunteering/shifts/${shiftId}/claims`, { token, body });
const guestClaim = (shiftId: string, body: Record<string, unknown>) =>
  call(api, 'POST', `/api/volunteering/shifts/${shiftId}/guest-claims`, { body });

describe('claiming a place', () => {
  it('50 simultaneous claims on a 5-person shift: exactly 5 places, 45 clear 409s naming the rule', async () => {
    const task = await createTask(5);
    const shiftId = task.shifts[0]!.id;
    const people = await Promise.all(Array.from({ length: 10 }, () => volunteer()));
    const answers = await Promise.all([
      ...people.map((p) => claim(shiftId, p.token)),
      ...Array.from({ length: 40 }, (_, index) =>
        guestClaim(shiftId, { name: `Vieras ${index}`, email: `vieras${index}-${Date.now()}@example.org`, language: 'fi' }),
      ),
    ]);
    const placed = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const answer of refused)
      expect(answer.json.error).toMatchObject({ code: 'conflict', reason: 'volunteerClaim.shift_full' });
    const numbers = placed.map((answer) => answer.json.claim.placeNo).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    const { rows } = await api.sql.query(
      `select count(*)::int as n from volunteer_claims where shift_id = $1 and state = 'placed'`,
      [shiftId],
    );
    expect(rows[0].n).toBe(5);
    const shown = await call(api, 'GET', `/api/volunteering/tasks/${task.id}`);
    expect(shown.json.task.shifts[0]).toMatchObject({ capacity: 5, taken: 5, free: 0 });
  });

  it('the database itself refuses a place number beyond the capacity or taken twice', async () => {
    const task = await createTask(1);
    const shiftId = task.shifts[0]!.id;
    const insert = (placeNo: number) =>
      api.sql.query(
        `insert into volunteer_claims (id, shift_id, state, origin, place_no, name, language, confirmed_requirements, created_at)
         values (gen_random_uuid(), $1, 'placed', 'sheet', $2, 'X', 'fi', '[]', now())`,
        [shiftId, placeNo],
      );
    await expect(insert(2)).rejects.toMatchObject({ code: '23514' });
    await insert(1);
    await expect(insert(1)).rejects.toMatchObject({ code: '23505' });
  });

  it('one person cannot claim the same shift twice, not even at once', async () => {
    const task = await createTask(5);
    const me = await volunteer();
    const answers = await Promise.all([claim(task.shifts[0]!.id, me.token), claim(task.shifts[0]!.id, me.token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const again = await claim(task.shifts[0]!.id, me.token);
    expect(again.status).toBe(409);
    expect(again.json.error.reason).toBe('volunteerClaim.already_claimed');
  });

  it('asks every requirement to be confirmed, naming the field', async () => {
    const task = await createTask(2, { requirements: ['hygienePassport', 'adult'] });
    const me = await volunteer();
    const missing = await claim(task.shifts[0]!.id, me.token, { confirmedRequirements: ['adult'] });
    expect(missing.status).toBe(422);
    expect(missing.json.error.reason).toBe('volunteerClaim.requirements_not_confirmed');
    expect(missing.json.error.fields.confirmedRequirements).toContain('hygienePassport');
    const ok = await claim(task.shifts[0]!.id, me.token, { confirmedRequirements: ['hygienePassport', 'adult'] });
    expect(ok.status, ok.text).toBe(201);
    const mail = await lastMailTo(api, me.email);
    expect(mail?.template).toBe('volunteer.placed');
    expect(mail?.rendered.text).toContain('Hygieniapassi');
  });

  it('refuses bad input naming the field, and a signed-out claim', async () => {
    const task = await createTask(2);
    const me = await volunteer();
    const bad = await claim(task.shifts[0]!.id, me.token, { confirmedRequirements: ['pilotLicence'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)[0]).toMatch(/^confirmedRequirements/);
    const signedOut = await call(api, 'POST', `/api/volunteering/shifts/${task.shifts[0]!.id}/claims`, { body: {} });
    expect(signedOut.status).toBe(401);
    const unknown = await claim('00000000-0000-4000-8000-000000000000', me.token);
    expect(unknown.status).toBe(404);
  });
});

describe('the waiting list', () => {
  it('a full shift offers the line; when a place frees, the first in line gets it and a mail', async () => {
    const task = await createTask(1);
    const shiftId = task.shifts[0]!.id;
    const first = await volunteer();
    const second = await volunteer('sv');
    const third = await volunteer();
    const placed = await claim(shiftId, first.token);
    expect(placed.json.claim).toMatchObject({ state: 'placed', placeNo: 1 });
    const full = await claim(shiftId, second.token);
    expect(full.status).toBe(409);
    const waiting = await claim(shiftId, second.token, { waitIfFull: true });
    expect(waiting.status, waiting.text).toBe(201);
    expect(waiting.json.claim).toMatchObject({ state: 'waiting', placeNo: null, waitingPosition: 1 });
    const later = await claim(shiftId, third.token, { waitIfFull: true });
    expect(later.json.claim.waitingPosition).toBe(2);

    // Someone else cannot withdraw the first one's place.
    const stranger = await call(api, 'POST', `/api/volunteering/claims/${placed.json.claim.id}/withdrawal`, {
      token: third.token,
    });
    expect(stranger.status).toBe(403);
    expect(stranger.json.error.reason).toBe('volunteerClaim.not_yours');

    const withdrawn = await call(api, 'POST', `/api/volunteering/claims/${placed.json.claim.id}/withdrawal`, {
      token: first.token,
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.json.claim.state).toBe('withdrawn');
    const mine = await call(api, 'GET', '/api/me/volunteering', { token: second.token });
    expect(mine.json.claims.find((c: { id: string }) => c.id === waiting.json.claim.id)).toMatchObject({
      state: 'placed',
      placeNo: 1,
    });
    const mail = await lastMailTo(api, second.email);
    expect(mail?.template).toBe('volunteer.promoted');
    expect(mail?.language).toBe('sv');
    const thirdNow = await call(api, 'GET', '/api/me/volunteering', { token: third.token });
    expect(thirdNow.json.claims[0]).toMatchObject({ state: 'waiting', waitingPosition: 1 });

    // Withdrawing twice is refused with the rule's name.
    const twice = await call(api, 'POST', `/api/volunteering/claims/${placed.json.claim.id}/withdrawal`, { token: first.token });
    expect(twice.status).toBe(422);
    expect(twice.json.error.reason).toBe('volunteerClaim.wrong_state');
  });

  it('withdrawing inside the cut-off tells the coordinator at once; earlier it does not', async () => {
    const soon = new Date(Date.now() + 5 * 3_600_000);
    const task = await createTask(2, {
      withdrawalCutoffHours: 24,
      shifts: [{ startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 7_200_000).toISOString(), capacity: 2 }],
    });
    const me = await volunteer();
    const placed = await claim(task.shifts[0]!.id, me.token);
    const before = await api.sql.query(`select count(*)::int as n from outbox_messages where payload->>'to' = $1`, [
      org.coordinatorEmail,
    ]);
    await call(api, 'POST', `/api/volunteering/claims/${placed.json.claim.id}/withdrawal`, { token: me.token });
    const mail = await lastMailTo(api, org.coordinatorEmail);
    expect(mail?.template).toBe('volunteer.late-withdrawal');
    const after = await api.sql.query(`select count(*)::int as n from outbox_messages where payload->>'to' = $1`, [
      org.coordinatorEmail,
    ]);
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);

    const far = await createTask(2, { withdrawalCutoffHours: 24 });
    const placedFar = await claim(far.shifts[0]!.id, me.token);
    await call(api, 'POST', `/api/volunteering/claims/${placedFar.json.claim.id}/withdrawal`, { token: me.token });
    const still = await api.sql.query(`select count(*)::int as n from outbox_messages where payload->>'to' = $1`, [
      org.coordinatorEmail,
    ]);
    expect(still.rows[0].n).toBe(after.rows[0].n);
  });
});

describe('claiming without an account', () => {
  it('holds the place, confirms it by the emailed link, and a later sign-in with the same email sees it', async () => {
    const task = await createTask(2);
    const email = `Guest-${Date.now()}@Example.org`;
    const answer = await guestClaim(task.shifts[0]!.id, { name: 'Ville Vieras', email, language: 'en' });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toMatchObject({ status: 'confirmation-sent', claim: { state: 'placed', isConfirmed: false } });
    expect(answer.json.claim.holdExpiresAt).not.toBeNull();
    const mail = await lastMailTo(api, email.toLowerCase());
    expect(mail?.template).toBe('volunteer.confirm-email');
    expect(mail?.language).toBe('en');
    const token = new URL(linkIn(mail, '/volunteering/link')).searchParams.get('token')!;

    const preview = await call(api, 'POST', '/api/volunteering/tokens/preview', { body: { token } });
    expect(preview.json).toMatchObject({ purpose: 'confirm', isUsed: false });
    const used = await call(api, 'POST', '/api/volunteering/tokens/use', { body: { token } });
    expect(used.status, used.text).toBe(200);
    expect(used.json.claim).toMatchObject({ isConfirmed: true, holdExpiresAt: null });
    const again = await call(api, 'POST', '/api/volunteering/tokens/use', { body: { token } });
    expect(again.status).toBe(409);
    expect(again.json.error.reason).toBe('volunteerClaim.token_used');
    const forged = await call(api, 'POST', '/api/volunteering/tokens/use', { body: { token: `${token.slice(0, -4)}AAAA` } });
    expect(forged.status).toBe(404);
    expect(forged.json.error.reason).toBe('volunteerClaim.token_invalid');

    // The same person signs up later: their claims are theirs.
    const user = await makeUser(api, { email: email.toLowerCase() });
    const session = await signIn(api, user.email);
    const mine = await call(api, 'GET', '/api/me/volunteering', { token: session });
    expect(mine.json.claims.map((c: { id: string }) => c.id)).toContain(answer.json.claim.id);
    // …and may withdraw it, as one signed in.
    const withdrawn = await call(api, 'POST', `/api/volunteering/claims/${answer.json.claim.id}/withdrawal`, { token: session });
    expect(withdrawn.status).toBe(200);
  });

  it('an unconfirmed place expires in the sweep and goes to the next in line', async () => {
    const task = await createTask(1);
    const shiftId = task.shifts[0]!.id;
    const guest = await guestClaim(shiftId, { name: 'Unohtaja', email: `forget-${Date.now()}@example.org` });
    const next = await volunteer();
    const waiting = await claim(shiftId, next.token, { waitIfFull: true });
    expect(waiting.json.claim.state).toBe('waiting');
    await api.sql.query(`update volunteer_claims set hold_expires_at = now() - interval '1 minute' where id = $1`, [
      guest.json.claim.id,
    ]);
    const swept = await call(api, 'POST', '/api/dev/volunteering/reminders', { body: {} });
    expect(swept.status, swept.text).toBe(200);
    expect(swept.json.expired).toBeGreaterThanOrEqual(1);
    const { rows } = await api.sql.query(
      `select id, state, place_no from volunteer_claims where shift_id = $1 order by created_at`,
      [shiftId],
    );
    expect(rows).toEqual([
      { id: guest.json.claim.id, state: 'expired', place_no: null },
      { id: waiting.json.claim.id, state: 'placed', place_no: 1 },
    ]);
    expect((await lastMailTo(api, next.email))?.template).toBe('volunteer.promoted');
  });

  it('a phone number instead of an email: the place is held for the coordinator to call', async () => {
    const task = await createTask(2);
    const answer = await guestClaim(task.shifts[0]!.id, { name: 'Puhelin Pekka', phone: '040 765 4321' });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toMatchObject({ status: 'held', claim: { state: 'placed', isConfirmed: false, holdExpiresAt: null } });
  });

  it('a stranger cannot fill someone’s inbox: claims without an account are limited per address', async () => {
    const email = `inbox-${Date.now()}@example.org`;
    const answers = [];
    for (let index = 0; index < 11; index++) {
      const task = await createTask(1);
      answers.push(await guestClaim(task.shifts[0]!.id, { name: 'Kiusaaja', email }));
    }
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(answers[10]!.status).toBe(429);
    expect(answers[10]!.json.error.reason).toBe('volunteerClaim.guest_claims_limited');
    expect(answers[10]!.headers.get('retry-after')).toBeTruthy();
  });

  it('needs an email or a phone, naming the field', async () => {
    const task = await createTask(2);
    const answer = await guestClaim(task.shifts[0]!.id, { name: 'Nimetön' });
    expect(answer.status).toBe(400);
    expect(answer.json.error.fields).toHaveProperty('email');
  });
});
