import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, call, helsinkiIso as helsinki, lastMailTo, startTestApi } from './testing/test-api.js';
import { type VolunteeringCast, YEAR, claim, createTask, makeCast, person, taskBody } from './testing/volunteering.js';

// The coordinator's work: tasks and shifts, templates, places filled on someone's behalf, the paper
// sheet and its results entered back; and who may not do any of it.
let api: TestApi;
let cast: VolunteeringCast;
const eventId = '0b7f4a55-2c1d-4e8f-9a3b-5c6d7e8f9a0b';

beforeAll(async () => {
  api = await startTestApi();
  cast = await makeCast(api);
});
afterAll(async () => {
  await api?.close();
});

const orgPath = (path: string, organisationId = cast.org.id) => `/api/organisations/${organisationId}/volunteering${path}`;

describe('tasks and shifts', () => {
  it('creates, lists per event with every organisation’s tasks together, changes and cancels', async () => {
    const ours = await createTask(
      api,
      cast.org.id,
      cast.org.coordinator,
      taskBody({ eventId, requirements: ['hygienePassport'] }),
    );
    expect(ours.shifts[0]).toMatchObject({ capacity: 3, free: 3, taken: 0 });
    // Co-organised: the other organisation adds its own task to the same event.
    const theirs = await createTask(
      api,
      cast.other.id,
      cast.other.coordinator,
      taskBody({ eventId, title: { sv: 'Parkering' } }),
    );
    const list = await call(api, 'GET', `/api/volunteering/tasks?eventId=${eventId}`);
    expect(list.status).toBe(200);
    expect(list.json.tasks.map((t: { id: string }) => t.id).sort()).toEqual([ours.id, theirs.id].sort());
    expect(list.json.tasks.find((t: { id: string }) => t.id === theirs.id).organisation.name).toBe('Sorsakosken kyläseura ry');

    // A shift changes, one is added; capacity below the taken places is refused naming the field.
    const volunteer = await person(api, null);
    await claim(api, ours.shifts[0]!.id, volunteer.token, { confirmedRequirements: ['hygienePassport'] });
    const second = await person(api, null);
    await claim(api, ours.shifts[0]!.id, second.token, { confirmedRequirements: ['hygienePassport'] });
    const tooSmall = await call(api, 'PUT', orgPath(`/tasks/${ours.id}`), {
      token: cast.org.coordinator,
      body: taskBody({
        eventId,
        requirements: ['hygienePassport'],
        shifts: [{ ...taskBody().shifts[0], id: ours.shifts[0]!.id, capacity: 1 }],
      }),
    });
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.json.error).toMatchObject({
      reason: 'volunteerTask.capacity_below_taken',
      fields: { 'shifts.0.capacity': 'At least 2' },
    });
    const changed = await call(api, 'PUT', orgPath(`/tasks/${ours.id}`), {
      token: cast.org.coordinator,
      body: taskBody({
        eventId,
        requirements: ['hygienePassport'],
        shifts: [
          { ...taskBody().shifts[0], id: ours.shifts[0]!.id, capacity: 4 },
          { startsAt: helsinki(YEAR, 6, 12, 12), endsAt: helsinki(YEAR, 6, 12, 14), capacity: 2 },
        ],
      }),
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.task.shifts.map((s: { capacity: number; taken: number }) => [s.capacity, s.taken])).toEqual([
      [4, 2],
      [2, 0],
    ]);
    // Smaller again after the first place freed: the place numbered 2 moves to 1, within the capacity.
    const mine = await call(api, 'GET', '/api/me/volunteering', { token: volunteer.token });
    await call(api, 'POST', `/api/volunteering/claims/${mine.json.claims[0].id}/withdrawal`, { token: volunteer.token });
    const smaller = await call(api, 'PUT', orgPath(`/tasks/${ours.id}`), {
      token: cast.org.coordinator,
      body: taskBody({
        eventId,
        requirements: ['hygienePassport'],
        shifts: [
          { ...taskBody().shifts[0], id: ours.shifts[0]!.id, capacity: 1 },
          {
            startsAt: helsinki(YEAR, 6, 12, 12),
            endsAt: helsinki(YEAR, 6, 12, 14),
            capacity: 2,
            id: changed.json.task.shifts[1].id,
          },
        ],
      }),
    });
    expect(smaller.status, smaller.text).toBe(200);
    const numbers = await api.sql.query(`select place_no from volunteer_claims where shift_id = $1 and state = 'placed'`, [
      ours.shifts[0]!.id,
    ]);
    expect(numbers.rows).toEqual([{ place_no: 1 }]);
    const inLine = await claim(api, ours.shifts[0]!.id, volunteer.token, {
      confirmedRequirements: ['hygienePassport'],
      waitIfFull: true,
    });
    expect(inLine.json.claim.state).toBe('waiting');

    // Leaving out a shift with people is refused.
    const dropped = await call(api, 'PUT', orgPath(`/tasks/${ours.id}`), {
      token: cast.org.coordinator,
      body: taskBody({
        eventId,
        shifts: [{ startsAt: helsinki(YEAR, 6, 12, 12), endsAt: helsinki(YEAR, 6, 12, 14), capacity: 2 }],
      }),
    });
    expect(dropped.status).toBe(422);
    expect(dropped.json.error.reason).toBe('volunteerTask.shift_has_claims');

    // Cancelled: off the list, and the volunteers hear of it.
    const cancelled = await call(api, 'DELETE', orgPath(`/tasks/${ours.id}`), { token: cast.org.coordinator });
    expect(cancelled.status).toBe(204);
    expect((await lastMailTo(api, volunteer.email))?.template).toBe('volunteer.cancelled');
    const after = await call(api, 'GET', `/api/volunteering/tasks?eventId=${eventId}`);
    expect(after.json.tasks.map((t: { id: string }) => t.id)).toEqual([theirs.id]);
  });

  it('refuses bad input naming the field', async () => {
    const noTitle = await call(api, 'POST', orgPath('/tasks'), { token: cast.org.coordinator, body: taskBody({ title: {} }) });
    expect(noTitle.status).toBe(400);
    expect(noTitle.json.error.fields).toHaveProperty('title.fi');
    const backwards = await call(api, 'POST', orgPath('/tasks'), {
      token: cast.org.coordinator,
      body: taskBody({ shifts: [{ startsAt: helsinki(YEAR, 6, 12, 12), endsAt: helsinki(YEAR, 6, 12, 10), capacity: 2 }] }),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.fields).toHaveProperty('shifts.0.endsAt');
    const noShifts = await call(api, 'POST', orgPath('/tasks'), { token: cast.org.coordinator, body: taskBody({ shifts: [] }) });
    expect(noShifts.json.error.fields).toHaveProperty('shifts');
  });

  it('standing work has no event and an optional deadline', async () => {
    const task = await createTask(
      api,
      cast.org.id,
      cast.org.coordinator,
      taskBody({ eventId: null, title: { fi: 'Kylätalon pihan niitto' }, deadline: `${YEAR}-08-31` }),
    );
    expect(task.eventId).toBeNull();
    const standing = await call(api, 'GET', '/api/volunteering/tasks?standing=true');
    expect(standing.json.tasks.find((t: { id: string }) => t.id === task.id)).toMatchObject({ deadline: `${YEAR}-08-31` });
  });
});

describe('the coordinator’s view of a task', () => {
  it('lists the organisation’s tasks, shows who holds and waits for each place, and frees a place for the next in line', async () => {
    const viewEvent = 'e9b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({ eventId: viewEvent }, 15, 1));
    const holder = await person(api, null);
    const waiter = await person(api, null);
    const held = await claim(api, task.shifts[0]!.id, holder.token);
    await claim(api, task.shifts[0]!.id, waiter.token, { waitIfFull: true });
    const list = await call(api, 'GET', orgPath(`/tasks?eventId=${viewEvent}`), { token: cast.org.coordinator });
    expect(list.json.tasks.map((t: { id: string }) => t.id)).toEqual([task.id]);
    const detail = await call(api, 'GET', orgPath(`/tasks/${task.id}`), { token: cast.org.coordinator });
    expect(detail.status).toBe(200);
    expect(detail.json.claims.map((c: { email: string; state: string }) => [c.email, c.state])).toEqual([
      [holder.email, 'placed'],
      [waiter.email, 'waiting'],
    ]);
    // Another organisation's coordinator does not see it through their own address.
    expect((await call(api, 'GET', orgPath(`/tasks/${task.id}`, cast.other.id), { token: cast.other.coordinator })).status).toBe(
      404,
    );
    expect((await call(api, 'GET', orgPath(`/tasks/${task.id}`), { token: cast.org.member })).status).toBe(403);

    const foreign = await call(api, 'POST', orgPath(`/claims/${held.json.claim.id}/withdrawal`, cast.other.id), {
      token: cast.other.coordinator,
    });
    expect(foreign.status).toBe(404);
    const freed = await call(api, 'POST', orgPath(`/claims/${held.json.claim.id}/withdrawal`), { token: cast.org.coordinator });
    expect(freed.status, freed.text).toBe(200);
    expect(freed.json.claim.state).toBe('withdrawn');
    const after = await call(api, 'GET', orgPath(`/tasks/${task.id}`), { token: cast.org.coordinator });
    expect(after.json.claims.find((c: { email: string }) => c.email === waiter.email)).toMatchObject({
      state: 'placed',
      placeNo: 1,
    });
  });

  it('deletes the organisation’s own template, not another’s', async () => {
    await createTask(api, cast.org.id, cast.org.coordinator, taskBody({ eventId: 'eab2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }));
    const saved = await call(api, 'POST', orgPath('/templates'), {
      token: cast.org.coordinator,
      body: { eventId: 'eab2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', eventDate: `${YEAR}-06-12`, name: { fi: 'Poistettava' } },
    });
    const key = saved.json.template.key;
    expect(
      (await call(api, 'DELETE', orgPath(`/templates/${key}`, cast.other.id), { token: cast.other.coordinator })).status,
    ).toBe(404);
    expect((await call(api, 'DELETE', orgPath(`/templates/${key}`), { token: cast.org.coordinator })).status).toBe(204);
    const left = await call(api, 'GET', orgPath('/templates'), { token: cast.org.coordinator });
    expect(left.json.templates.map((t: { key: string }) => t.key)).not.toContain(key);
  });
});

describe('who may not', () => {
  it('another organisation’s coordinator, a plain member and the signed-out are refused on every write', async () => {
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({ eventId }));
    const shiftId = task.shifts[0]!.id;
    const writes: [string, string, unknown][] = [
      ['POST', '/tasks', taskBody()],
      ['PUT', `/tasks/${task.id}`, taskBody()],
      ['DELETE', `/tasks/${task.id}`, undefined],
      ['POST', `/shifts/${shiftId}/claims`, { name: 'Pekka', phone: '040 111 2222' }],
      ['POST', `/events/${eventId}/sheet-results`, { entries: [{ shiftId, name: 'Pekka' }] }],
      ['POST', `/shifts/${shiftId}/attendance`, { came: [] }],
      ['POST', '/templates/summer-market/apply', { eventId, eventDate: `${YEAR}-06-12`, contact: { name: 'M' } }],
      ['POST', '/transport-tasks', {}],
    ];
    for (const [method, path, body] of writes) {
      const signedOut = await call(api, method, orgPath(path), { body });
      expect(signedOut.status, `${method} ${path} signed out`).toBe(401);
      const member = await call(api, method, orgPath(path), { token: cast.org.member, body });
      expect(member.status, `${method} ${path} member`).toBe(403);
      expect(member.json.error.code).toBe('forbidden');
      // Through its own organisation's address, the other coordinator does not find our task.
      const otherOwn = await call(api, method, orgPath(path, cast.other.id), { token: cast.other.coordinator, body });
      if (path.includes(task.id) || path.includes(shiftId) || path.includes('sheet-results'))
        expect([404, 422], `${method} ${path} other`).toContain(otherOwn.status);
      // Through ours, the guard refuses.
      const otherOurs = await call(api, method, orgPath(path), { token: cast.other.coordinator, body });
      expect(otherOurs.status, `${method} ${path} other via ours`).toBe(403);
    }
    const stillThere = await call(api, 'GET', `/api/volunteering/tasks/${task.id}`);
    expect(stillThere.status).toBe(200);
    expect(stillThere.json.task.shifts[0].taken).toBe(0);
  });
});

describe('templates', () => {
  it('the summer market on an event’s day: the full set of tasks and shifts, in Helsinki time', async () => {
    const marketId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const templates = await call(api, 'GET', orgPath('/templates'), { token: cast.org.coordinator });
    expect(templates.json.templates.map((t: { key: string }) => t.key)).toEqual([
      'summer-market',
      'talkoot-day',
      'village-party',
    ]);
    const applied = await call(api, 'POST', orgPath('/templates/summer-market/apply'), {
      token: cast.org.coordinator,
      body: {
        eventId: marketId,
        eventDate: `${YEAR}-07-03`,
        place: 'Kylätalon piha',
        contact: { name: 'Maija', phone: '040 123 4567' },
      },
    });
    expect(applied.status, applied.text).toBe(201);
    const tasks = applied.json.tasks as {
      title: { en: string };
      requirements: string[];
      shifts: { startsAt: string; capacity: number }[];
    }[];
    const cafe = tasks.find((t) => t.title.en === 'Café')!;
    expect(cafe.requirements).toEqual(['hygienePassport']);
    expect(cafe.shifts.map((s) => [s.startsAt, s.capacity])).toEqual([
      [helsinki(YEAR, 7, 3, 10), 2],
      [helsinki(YEAR, 7, 3, 12), 2],
      [helsinki(YEAR, 7, 3, 14), 2],
    ]);
    expect(tasks.map((t) => t.title.en).sort()).toEqual(['Café', 'Clean-up', 'Parking', 'Setting up']);

    // Saved as the organisation's own, and applied to another event a week later.
    const saved = await call(api, 'POST', orgPath('/templates'), {
      token: cast.org.coordinator,
      body: { eventId: marketId, eventDate: `${YEAR}-07-03`, name: { fi: 'Meidän markkinat' } },
    });
    expect(saved.status, saved.text).toBe(201);
    const again = await call(api, 'POST', orgPath(`/templates/${saved.json.template.key}/apply`), {
      token: cast.org.coordinator,
      body: { eventId: 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', eventDate: `${YEAR}-07-10`, contact: { name: 'Maija' } },
    });
    expect(again.status, again.text).toBe(201);
    const cafeAgain = again.json.tasks.find((t: { title: { en: string } }) => t.title.en === 'Café');
    expect(cafeAgain.shifts[0].startsAt).toBe(helsinki(YEAR, 7, 10, 10));
    // Another organisation cannot use it.
    const foreign = await call(api, 'POST', orgPath(`/templates/${saved.json.template.key}/apply`, cast.other.id), {
      token: cast.other.coordinator,
      body: { eventId: marketId, eventDate: `${YEAR}-07-03`, contact: { name: 'X' } },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.reason).toBe('volunteerTask.template_unknown');
    const nothing = await call(api, 'POST', orgPath('/templates'), {
      token: cast.org.coordinator,
      body: { eventId: 'c1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', eventDate: `${YEAR}-07-03`, name: { fi: 'Tyhjä' } },
    });
    expect(nothing.status).toBe(422);
    expect(nothing.json.error.reason).toBe('volunteerTask.nothing_to_save');
  });
});

describe('on someone’s behalf and the paper sheet', () => {
  it('a coordinator fills a place for someone; they get the mail when an email is given', async () => {
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({ eventId }));
    const email = `behalf-${Date.now()}@example.org`;
    const filled = await call(api, 'POST', orgPath(`/shifts/${task.shifts[0]!.id}/claims`), {
      token: cast.org.coordinator,
      body: { name: 'Helmi Mummo', email, language: 'sv' },
    });
    expect(filled.status, filled.text).toBe(201);
    expect(filled.json.claim).toMatchObject({ origin: 'behalf', state: 'placed', email, isConfirmed: true });
    const mail = await lastMailTo(api, email);
    expect(mail?.template).toBe('volunteer.placed');
    expect(mail?.language).toBe('sv');
    const byPhone = await call(api, 'POST', orgPath(`/shifts/${task.shifts[0]!.id}/claims`), {
      token: cast.org.coordinator,
      body: { name: 'Eino Puhelin', phone: '040 222 3333' },
    });
    expect(byPhone.status).toBe(201);
  });

  it('the sheet numbers every place; the results go in all at once or not at all', async () => {
    const sheetEvent = 'd1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({ eventId: sheetEvent }, 14, 3));
    const shiftId = task.shifts[0]!.id;
    const early = await person(api, null);
    await claim(api, shiftId, early.token);
    const sheet = await call(api, 'GET', orgPath(`/events/${sheetEvent}/sheet`), { token: cast.org.coordinator });
    expect(sheet.status).toBe(200);
    expect(
      sheet.json.tasks[0].shifts[0].places.map((p: { placeNo: number; name: string | null }) => [p.placeNo, p.name !== null]),
    ).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);

    // Three names for two free places: nothing is entered.
    const tooMany = await call(api, 'POST', orgPath(`/events/${sheetEvent}/sheet-results`), {
      token: cast.org.coordinator,
      body: { entries: ['Aino', 'Bertta', 'Cecilia'].map((name) => ({ shiftId, name })) },
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.json.error.reason).toBe('volunteerClaim.sheet_over_capacity');
    expect(tooMany.json.error.fields).toHaveProperty('entries.2.name');
    const { rows } = await api.sql.query(`select count(*)::int as n from volunteer_claims where shift_id = $1`, [shiftId]);
    expect(rows[0].n).toBe(1);

    // A shift of another event is refused by name too.
    const other = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({ eventId: null }));
    const wrong = await call(api, 'POST', orgPath(`/events/${sheetEvent}/sheet-results`), {
      token: cast.org.coordinator,
      body: {
        entries: [
          { shiftId, name: 'Aino' },
          { shiftId: other.shifts[0]!.id, name: 'Bertta' },
        ],
      },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields).toHaveProperty('entries.1.shiftId');

    const entered = await call(api, 'POST', orgPath(`/events/${sheetEvent}/sheet-results`), {
      token: cast.org.coordinator,
      body: {
        entries: [
          { shiftId, name: 'Aino', phone: '040 999 8888' },
          { shiftId, name: 'Bertta' },
        ],
      },
    });
    expect(entered.status, entered.text).toBe(201);
    expect(entered.json.claims.map((c: { placeNo: number; origin: string }) => [c.placeNo, c.origin])).toEqual([
      [2, 'sheet'],
      [3, 'sheet'],
    ]);
    const full = await call(api, 'GET', orgPath(`/events/${sheetEvent}/sheet`), { token: cast.org.coordinator });
    expect(full.json.tasks[0].shifts[0].places[1]).toEqual({ placeNo: 2, name: 'Aino', phone: '040 999 8888' });
  });
});
