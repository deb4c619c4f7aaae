import { VolunteerSweepService } from '@talkoot/volunteering';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, call, lastMailTo, linkIn, startTestApi } from './testing/test-api.js';
import { type VolunteeringCast, claim, createTask, makeCast, person, taskBody } from './testing/volunteering.js';

// Reminders three days and one day before a shift, in the volunteer's language, with "I'm coming"
// and "I can't come after all" links that work without signing in; sent once however often the job runs.
let api: TestApi;
let cast: VolunteeringCast;
let sweeper: VolunteerSweepService;

beforeAll(async () => {
  api = await startTestApi();
  cast = await makeCast(api);
  sweeper = api.app.get(VolunteerSweepService);
});
afterAll(async () => {
  await api?.close();
});

async function reminders(email: string) {
  const { rows } = await api.sql.query(
    `select payload from outbox_messages where topic = 'mail.send' and payload->>'to' = $1 and payload->>'template' = 'volunteer.reminder' order by id`,
    [email],
  );
  return rows.map((row) => row.payload as { language: string; rendered: { subject: string; text: string } });
}

describe('shift reminders', () => {
  it('go three days and one day before, once each, however often the job runs', async () => {
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({}, 12, 3));
    const shift = task.shifts[0]!;
    const swede = await person(api, null, 'member', 'sv');
    await claim(api, shift.id, swede.token);
    // Claimed well before: make it so.
    await api.sql.query(`update volunteer_claims set created_at = now() - interval '30 days' where shift_id = $1`, [shift.id]);
    const startsAt = new Date(shift.startsAt);
    const at = (hoursBefore: number) => new Date(startsAt.getTime() - hoursBefore * 3_600_000);

    await sweeper.sweep(at(24 * 3 + 2));
    expect(await reminders(swede.email)).toHaveLength(0);
    // Twice at once and again later: one three-day reminder.
    await Promise.all([sweeper.sweep(at(24 * 3 - 1)), sweeper.sweep(at(24 * 3 - 1))]);
    await sweeper.sweep(at(48));
    const threeDays = await reminders(swede.email);
    expect(threeDays).toHaveLength(1);
    expect(threeDays[0]!.language).toBe('sv');
    expect(threeDays[0]!.rendered.text).toContain('om 3 dagar');
    expect(threeDays[0]!.rendered.text).toContain('Jag kommer');
    await sweeper.sweep(at(20));
    await sweeper.sweep(at(19));
    expect(await reminders(swede.email)).toHaveLength(2);
    const { rows } = await api.sql.query(
      `select kind from volunteer_reminders r join volunteer_claims c on c.id = r.claim_id where c.shift_id = $1 order by kind`,
      [shift.id],
    );
    expect(rows.map((row) => row.kind)).toEqual(['oneDay', 'threeDays']);
  });

  it('"I’m coming" and "I can’t come after all" work without signing in; can’t come frees the place for the line and tells the coordinator', async () => {
    const task = await createTask(api, cast.org.id, cast.org.coordinator, taskBody({}, 13, 1));
    const shift = task.shifts[0]!;
    const first = await person(api, null);
    const next = await person(api, null, 'member', 'en');
    await claim(api, shift.id, first.token);
    await claim(api, shift.id, next.token, { waitIfFull: true });
    await api.sql.query(`update volunteer_claims set created_at = now() - interval '30 days' where shift_id = $1`, [shift.id]);
    await sweeper.sweep(new Date(new Date(shift.startsAt).getTime() - 20 * 3_600_000));
    const mail = await lastMailTo(api, first.email);
    expect(mail?.template).toBe('volunteer.reminder');
    const links = mail!.rendered.text.match(/https?:\/\/\S+\/volunteering\/link\?token=\S+/g)!;
    expect(links).toHaveLength(2);
    const [coming, cannotCome] = links.map((link) => new URL(link).searchParams.get('token')!);

    const saidComing = await call(api, 'POST', '/api/volunteering/tokens/use', { body: { token: coming } });
    expect(saidComing.status, saidComing.text).toBe(200);
    expect(saidComing.json).toMatchObject({ purpose: 'coming', claim: { state: 'placed' } });

    const preview = await call(api, 'POST', '/api/volunteering/tokens/preview', { body: { token: cannotCome } });
    expect(preview.json.purpose).toBe('cannotCome');
    const cannot = await call(api, 'POST', '/api/volunteering/tokens/use', { body: { token: cannotCome } });
    expect(cannot.status, cannot.text).toBe(200);
    expect(cannot.json.claim.state).toBe('withdrawn');
    expect((await lastMailTo(api, cast.org.coordinatorEmail))?.template).toBe('volunteer.cannot-come');
    const promoted = await lastMailTo(api, next.email);
    expect(promoted?.template).toBe('volunteer.promoted');
    expect(promoted?.language).toBe('en');
    const mine = await call(api, 'GET', '/api/me/volunteering', { token: next.token });
    expect(mine.json.claims[0]).toMatchObject({ state: 'placed', placeNo: 1 });
    // The same link cannot be used twice; a made-up one is not found.
    const twice = await call(api, 'POST', '/api/volunteering/tokens/use', { body: { token: cannotCome } });
    expect(twice.status).toBe(409);
    const madeUp = await call(api, 'POST', '/api/volunteering/tokens/use', { body: { token: 'x'.repeat(43) } });
    expect(madeUp.status).toBe(404);
    expect(linkIn(mail, '/volunteering/link')).toContain('http://talkoot.test/');
  });

  it('the developer route sends what is due now', async () => {
    const sent = await call(api, 'POST', '/api/dev/volunteering/reminders', { body: {} });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ sent: expect.any(Number), expired: expect.any(Number) });
  });
});
