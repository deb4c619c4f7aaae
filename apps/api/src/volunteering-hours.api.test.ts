import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, call, helsinkiIso as helsinki, lastMailTo, startTestApi } from './testing/test-api.js';
import { type VolunteeringCast, YEAR, claim, createTask, makeCast, person, taskBody } from './testing/volunteering.js';

// After the shift: attendance, hours per volunteer, task and organisation, standing work logged and
// approved, the CSV for Finnish Excel; my tasks across organisations and the personal feed; shift
// swaps; transport tasks; the public free places per event.
let api: TestApi;
let cast: VolunteeringCast;

beforeAll(async () => {
  api = await startTestApi();
  cast = await makeCast(api);
});
afterAll(async () => {
  await api?.close();
});

const orgPath = (path: string, organisationId = cast.org.id) => `/api/organisations/${organisationId}/volunteering${path}`;

async function shiftHasStarted(shiftId: string) {
  await api.sql.query(
    `update volunteer_shifts set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = $1`,
    [shiftId],
  );
}

describe('attendance and hours', () => {
  it('who came accrue hours per volunteer, task and organisation; no-shows quietly none; CSV and summary', async () => {
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({ title: { fi: 'Kahvio; "iso"' } }, 12, 3));
    const shiftId = task.shifts[0]!.id;
    const came = await person(api, null);
    const absent = await person(api, null);
    const a = (await claim(api, shiftId, came.token)).json.claim.id;
    const b = (await claim(api, shiftId, absent.token)).json.claim.id;
    // Not before the shift.
    const early = await call(api, 'POST', orgPath(`/shifts/${shiftId}/attendance`), {
      token: cast.org.coordinator,
      body: { came: [a] },
    });
    expect(early.status).toBe(422);
    expect(early.json.error.reason).toBe('volunteerClaim.attendance_too_early');
    await shiftHasStarted(shiftId);
    const stranger = await call(api, 'POST', orgPath(`/shifts/${shiftId}/attendance`), {
      token: cast.org.coordinator,
      body: { came: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(stranger.status).toBe(422);
    expect(stranger.json.error.fields).toHaveProperty('came');
    const before = await api.sql.query(`select count(*)::int as n from outbox_messages`);
    const marked = await call(api, 'POST', orgPath(`/shifts/${shiftId}/attendance`), {
      token: cast.org.coordinator,
      body: { came: [a], noShow: [b] },
    });
    expect(marked.status, marked.text).toBe(200);
    expect(marked.json.claims.map((c: { id: string; attendance: string }) => [c.id, c.attendance]).sort()).toEqual(
      [
        [a, 'came'],
        [b, 'noShow'],
      ].sort(),
    );
    // Quietly: no mail to anyone.
    const after = await api.sql.query(`select count(*)::int as n from outbox_messages`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    // Marking again does not double the hours.
    await call(api, 'POST', orgPath(`/shifts/${shiftId}/attendance`), { token: cast.org.coordinator, body: { came: [a] } });

    const mine = await call(api, 'GET', '/api/me/volunteering', { token: came.token });
    expect(mine.json.totalHours).toBe(2);
    expect(mine.json.hoursByOrganisation).toEqual([
      { organisation: { id: cast.org.id, name: 'Kotalahden kyläyhdistys ry' }, hours: 2 },
    ]);
    const theirs = await call(api, 'GET', '/api/me/volunteering', { token: absent.token });
    expect(theirs.json.totalHours).toBe(0);

    const summary = await call(api, 'GET', orgPath('/hours'), { token: cast.org.coordinator });
    expect(summary.status).toBe(200);
    expect(summary.json.totalHours).toBe(2);
    expect(summary.json.volunteers).toEqual([{ name: expect.any(String), email: came.email, hours: 2, shifts: 1 }]);
    expect(summary.json.tasks[0]).toMatchObject({ id: task.id, hours: 2 });

    const csv = await fetch(`${api.url}${orgPath('/hours.csv')}`, {
      headers: { authorization: `Bearer ${cast.org.coordinator}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('Päivä;Talkoolainen;Sähköposti;Tehtävä;Laji;Tunnit');
    expect(lines[1]).toContain(`;${came.email};"Kahvio; ""iso""";vuoro;2`);
    // Not for a plain member, nor another organisation's coordinator.
    expect((await call(api, 'GET', orgPath('/hours.csv'), { token: cast.org.member })).status).toBe(403);
    expect((await call(api, 'GET', orgPath('/hours.csv'), { token: cast.other.coordinator })).status).toBe(403);
    expect((await call(api, 'GET', orgPath('/hours.csv'))).status).toBe(401);
  });

  it('standing work: the volunteer logs hours, the task’s coordinator approves them', async () => {
    const task = await createTask(
      api,
      cast.org.id,
      cast.org.coordinator,
      taskBody({ eventId: null, title: { fi: 'Pihan niitto' } }),
    );
    const me = await person(api, null);
    const today = new Date().toISOString().slice(0, 10);
    const logged = await call(api, 'POST', '/api/me/volunteering/hours', {
      token: me.token,
      body: { taskId: task.id, date: today, hours: 1.5, note: 'Niitin' },
    });
    expect(logged.status, logged.text).toBe(201);
    expect(logged.json.entry).toMatchObject({ kind: 'standing', state: 'pending', hours: 1.5 });
    const future = await call(api, 'POST', '/api/me/volunteering/hours', {
      token: me.token,
      body: { taskId: task.id, date: `${YEAR + 1}-01-01`, hours: 1 },
    });
    expect(future.status).toBe(422);
    expect(future.json.error.fields).toHaveProperty('date');
    const tooMany = await call(api, 'POST', '/api/me/volunteering/hours', {
      token: me.token,
      body: { taskId: task.id, date: today, hours: 25 },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.fields).toHaveProperty('hours');
    const eventTask = await createTask(api, cast.org.id, cast.org.coordinator, taskBody());
    const notStanding = await call(api, 'POST', '/api/me/volunteering/hours', {
      token: me.token,
      body: { taskId: eventTask.id, date: today, hours: 1 },
    });
    expect(notStanding.json.error.reason).toBe('volunteerHours.not_standing_work');

    const pending = await call(api, 'GET', orgPath('/hours'), { token: cast.org.coordinator });
    expect(pending.json.pending.map((e: { id: string }) => e.id)).toContain(logged.json.entry.id);
    const otherOrg = await call(api, 'POST', orgPath(`/hours/${logged.json.entry.id}/approval`, cast.other.id), {
      token: cast.other.coordinator,
      body: { approve: true },
    });
    expect(otherOrg.status).toBe(404);
    const approved = await call(api, 'POST', orgPath(`/hours/${logged.json.entry.id}/approval`), {
      token: cast.org.coordinator,
      body: { approve: true },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json.entry.state).toBe('approved');
    const twice = await call(api, 'POST', orgPath(`/hours/${logged.json.entry.id}/approval`), {
      token: cast.org.coordinator,
      body: { approve: false },
    });
    expect(twice.json.error.reason).toBe('volunteerHours.wrong_state');
    const mine = await call(api, 'GET', '/api/me/volunteering', { token: me.token });
    expect(mine.json.totalHours).toBe(1.5);
  });
});

describe('my tasks and the personal feed', () => {
  it('shows my places across organisations; the secret address is made, rotated and revoked', async () => {
    const me = await person(api, null);
    const ours = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({}, 20));
    const theirs = await createTask(api, cast.other.id, cast.other.coordinator, taskBody({ title: { fi: 'Parkkipaikka' } }, 21));
    await claim(api, ours.shifts[0]!.id, me.token);
    await claim(api, theirs.shifts[0]!.id, me.token);
    const mine = await call(api, 'GET', '/api/me/volunteering', { token: me.token });
    expect(mine.json.claims.map((c: { task: { organisation: { id: string } } }) => c.task.organisation.id).sort()).toEqual(
      [cast.org.id, cast.other.id].sort(),
    );
    expect((await call(api, 'GET', '/api/me/volunteering')).status).toBe(401);

    expect((await call(api, 'GET', '/api/me/volunteering/feed', { token: me.token })).json).toEqual({
      url: null,
      createdAt: null,
    });
    const made = await call(api, 'POST', '/api/me/volunteering/feed', { token: me.token });
    expect(made.status, made.text).toBe(200);
    const path = new URL(made.json.url).pathname;
    const feed = await call(api, 'GET', path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(feed.text).toContain('Parkkipaikka');
    expect(feed.text).toContain('LOCATION:Kylätalo');
    const rotated = await call(api, 'POST', '/api/me/volunteering/feed', { token: me.token });
    expect(rotated.json.url).not.toBe(made.json.url);
    expect((await call(api, 'GET', path)).status).toBe(404);
    const newPath = new URL(rotated.json.url).pathname;
    expect((await call(api, 'GET', newPath)).status).toBe(200);
    expect((await call(api, 'DELETE', '/api/me/volunteering/feed', { token: me.token })).status).toBe(204);
    expect((await call(api, 'GET', newPath)).status).toBe(404);
  });
});

describe('shift swap', () => {
  it('offered to anyone: of two people accepting at once exactly one takes the place; everyone hears', async () => {
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({}, 22, 2));
    const giver = await person(api, null);
    const placed = await claim(api, task.shifts[0]!.id, giver.token);
    const offered = await call(api, 'POST', `/api/volunteering/claims/${placed.json.claim.id}/swaps`, {
      token: giver.token,
      body: { toEmail: null },
    });
    expect(offered.status, offered.text).toBe(201);
    const twiceOffered = await call(api, 'POST', `/api/volunteering/claims/${placed.json.claim.id}/swaps`, {
      token: giver.token,
      body: {},
    });
    expect(twiceOffered.json.error.reason).toBe('volunteerSwap.open_already');
    const swapId = offered.json.swap.id;
    const takers = await Promise.all([person(api, null), person(api, null), person(api, null)]);
    const listed = await call(api, 'GET', '/api/me/volunteering', { token: takers[0]!.token });
    expect(listed.json.swapsForMe.map((s: { id: string }) => s.id)).toContain(swapId);
    const own = await call(api, 'POST', `/api/volunteering/swaps/${swapId}/acceptance`, { token: giver.token, body: {} });
    expect(own.json.error.reason).toBe('volunteerSwap.own_offer');
    const answers = await Promise.all(
      takers.map((t) => call(api, 'POST', `/api/volunteering/swaps/${swapId}/acceptance`, { token: t.token, body: {} })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.json.error.reason).toBe('volunteerSwap.taken');
    const winner = takers[answers.findIndex((a) => a.status === 200)]!;
    const won = answers.find((a) => a.status === 200)!;
    expect(won.json.claim).toMatchObject({ state: 'placed', placeNo: placed.json.claim.placeNo, origin: 'swap' });
    const { rows } = await api.sql.query(
      `select count(*)::int as n from volunteer_claims where shift_id = $1 and state = 'placed'`,
      [task.shifts[0]!.id],
    );
    expect(rows[0].n).toBe(1);
    expect((await lastMailTo(api, giver.email))?.template).toBe('volunteer.swap-taken');
    expect((await lastMailTo(api, winner.email))?.template).toBe('volunteer.swap-handed-over');
    expect((await lastMailTo(api, cast.org.coordinatorEmail))?.template).toBe('volunteer.swap-coordinator');
  });

  it('offered to a named email: someone else cannot take it; the giver may take it back', async () => {
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({}, 23, 2));
    const giver = await person(api, null);
    const friend = await person(api, null);
    const stranger = await person(api, null);
    const placed = await claim(api, task.shifts[0]!.id, giver.token);
    const notMine = await call(api, 'POST', `/api/volunteering/claims/${placed.json.claim.id}/swaps`, {
      token: stranger.token,
      body: {},
    });
    expect(notMine.status).toBe(403);
    const offered = await call(api, 'POST', `/api/volunteering/claims/${placed.json.claim.id}/swaps`, {
      token: giver.token,
      body: { toEmail: friend.email },
    });
    expect(offered.status).toBe(201);
    expect((await lastMailTo(api, friend.email))?.template).toBe('volunteer.swap-offered');
    const refused = await call(api, 'POST', `/api/volunteering/swaps/${offered.json.swap.id}/acceptance`, {
      token: stranger.token,
      body: {},
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.reason).toBe('volunteerSwap.not_for_you');
    const signedOut = await call(api, 'POST', `/api/volunteering/swaps/${offered.json.swap.id}/acceptance`, { body: {} });
    expect(signedOut.status).toBe(401);
    const cancelled = await call(api, 'POST', `/api/volunteering/swaps/${offered.json.swap.id}/cancellation`, {
      token: giver.token,
    });
    expect(cancelled.status).toBe(200);
    const late = await call(api, 'POST', `/api/volunteering/swaps/${offered.json.swap.id}/acceptance`, {
      token: friend.token,
      body: {},
    });
    expect(late.status).toBe(409);
    const shown = await call(api, 'GET', `/api/volunteering/swaps/${offered.json.swap.id}`);
    expect(shown.json.swap).toMatchObject({ state: 'cancelled', claim: { id: placed.json.claim.id, state: 'placed' } });
  });
});

describe('transport tasks and the public summary', () => {
  it('a coordinator makes a transport task from a loan; the calendar asks the free places of its events', async () => {
    const loanId = 'e1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const made = await call(api, 'POST', orgPath('/transport-tasks'), {
      token: cast.org.coordinator,
      body: {
        sourceKind: 'loan',
        sourceId: loanId,
        title: { fi: 'Teltan kuljetus' },
        contact: { name: 'Maija' },
        startsAt: helsinki(YEAR, 6, 11, 17),
        endsAt: helsinki(YEAR, 6, 11, 18),
      },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.json.task).toMatchObject({ source: { kind: 'loan', id: loanId }, requirements: ['drivingLicence'] });
    const badKind = await call(api, 'POST', orgPath('/transport-tasks'), {
      token: cast.org.coordinator,
      body: {
        sourceKind: 'rocket',
        sourceId: loanId,
        title: { fi: 'x' },
        contact: { name: 'M' },
        startsAt: helsinki(YEAR, 6, 11, 17),
        endsAt: helsinki(YEAR, 6, 11, 18),
      },
    });
    expect(badKind.status).toBe(400);
    expect(badKind.json.error.fields).toHaveProperty('sourceKind');

    const eventA = 'f1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const eventB = 'f2b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const a1 = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({ eventId: eventA }, 24, 2));
    await createTask(api, cast.other.id, cast.other.coordinator, taskBody({ eventId: eventA }, 24, 3));
    const me = await person(api, null);
    await claim(api, a1.shifts[0]!.id, me.token);
    const summary = await call(api, 'GET', `/api/volunteering/free-places?eventIds=${eventA}&eventIds=${eventB}`);
    expect(summary.status, summary.text).toBe(200);
    expect(summary.json.events).toEqual([
      { eventId: eventA, tasks: 2, places: 5, free: 4 },
      { eventId: eventB, tasks: 0, places: 0, free: 0 },
    ]);
    const bad = await call(api, 'GET', '/api/volunteering/free-places?eventIds=nope');
    expect(bad.status).toBe(400);
  });
});
