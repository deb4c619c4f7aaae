// Seeds the volunteering benchmark with set-based SQL: one region, 10 villages, 25 organisations,
// 1,000 events (plain ids: the events domain is not needed) with 2 tasks of 5 shifts each, so
// 10,000 shifts from 1 to 360 days ahead, half their places already taken by earlier volunteers,
// and 20 benchmark users with bearer sessions. The first 2,000 shifts by id are the popular ones
// the clients claim (capacity 10, no requirements): the api gets the first 1,000, the raw server
// the next, so neither fills the other's.
import { createHash, randomBytes } from 'node:crypto';

export const VOLUNTEERING_SEED = {
  organisations: 25,
  events: 1_000,
  tasksPerEvent: 2,
  shiftsPerTask: 5,
  popularShifts: 2_000,
  clients: 20,
};

export async function seedVolunteering(pool, log = () => {}) {
  const client = await pool.connect();
  let stepStart = performance.now();
  const step = (name) => {
    log(`  seed: ${name} in ${((performance.now() - stepStart) / 1000).toFixed(1)} s`);
    stepStart = performance.now();
  };
  try {
    await client.query('begin');
    await client.query(`
      with r as (insert into regions (id, name) values (gen_random_uuid(), 'Bench region') returning id),
           m as (insert into municipalities (id, region_id, name) select gen_random_uuid(), r.id, 'Benchmunicipality' from r returning id)
      insert into villages (id, municipality_id, name)
      select gen_random_uuid(), m.id, 'Village ' || n from m, generate_series(1, 10) n`);
    await client.query(
      `insert into organisations (id, name, kind, village_id, description, created_at)
       select gen_random_uuid(), 'Association ' || lpad(n::text, 2, '0'), 'association', v.id, '{}', now()
         from generate_series(1, $1::int) n
         join lateral (select id from villages order by name offset (n % 10) limit 1) v on true`,
      [VOLUNTEERING_SEED.organisations],
    );
    // Tasks: each event belongs to one organisation; its two tasks (café, set-up) ask nothing special.
    await client.query(
      `with o as (select id, row_number() over (order by name) - 1 n from organisations),
            e as (select gen_random_uuid() event_id, k from generate_series(0, $1::int - 1) k)
       insert into volunteer_tasks (id, organisation_id, event_id, title, description, place, contact_name, contact_phone,
                                    contact_email, requirements, withdrawal_cutoff_hours, created_at)
       select gen_random_uuid(), o.id, e.event_id,
              jsonb_build_object('fi', case t when 0 then 'Kahvio ' else 'Pystytys ' end || e.k),
              '{}', 'Kylätalo', 'Koordinaattori ' || e.k, '040 123 4567', null, '[]', 24, now()
         from e join o on o.n = e.k % $2::int, generate_series(0, $3::int - 1) t`,
      [VOLUNTEERING_SEED.events, VOLUNTEERING_SEED.organisations, VOLUNTEERING_SEED.tasksPerEvent],
    );
    step('tasks');
    // Shifts: two hours each, from 1 to 360 days ahead; the popular ones hold 10.
    await client.query(
      `insert into volunteer_shifts (id, task_id, starts_at, ends_at, capacity)
       select gen_random_uuid(), t.id, date_trunc('day', now()) + ((1 + (t.n * 7 + s) % 360) || ' days')::interval + ((8 + 2 * s) || ' hours')::interval,
              date_trunc('day', now()) + ((1 + (t.n * 7 + s) % 360) || ' days')::interval + ((10 + 2 * s) || ' hours')::interval,
              2 + (t.n + s) % 5
         from (select id, row_number() over (order by id) n from volunteer_tasks) t, generate_series(0, $1::int - 1) s`,
      [VOLUNTEERING_SEED.shiftsPerTask],
    );
    const { rows: popular } = await client.query(
      `update volunteer_shifts set capacity = 10 where id in (select id from volunteer_shifts order by id limit $1) returning id`,
      [VOLUNTEERING_SEED.popularShifts],
    );
    step('shifts');
    // Earlier volunteers (no account, confirmed) in half of the places of the other shifts.
    await client.query(
      `insert into volunteer_claims (id, shift_id, state, origin, place_no, user_id, name, email, email_normalised, phone,
                                     language, confirmed_requirements, confirmed_at, created_at)
       select gen_random_uuid(), s.id, 'placed', 'guest', p, null, 'Talkoolainen ' || p, 'v' || p || '-' || s.id || '@bench.example',
              'v' || p || '-' || s.id || '@bench.example', null, 'fi', '[]', now(), now()
         from volunteer_shifts s, generate_series(1, 3) p
        where s.capacity >= 2 * p and s.id not in (select id from volunteer_shifts order by id limit $1)`,
      [VOLUNTEERING_SEED.popularShifts],
    );
    step('claims');
    // Benchmark clients: one user and bearer session each.
    const tokens = Array.from({ length: VOLUNTEERING_SEED.clients }, () => randomBytes(32).toString('base64url'));
    const hashes = tokens.map((token) => createHash('sha256').update(token).digest('hex'));
    await client.query(
      `with t as (select hash, ord - 1 i from unnest($1::text[]) with ordinality as x(hash, ord)),
            u as (insert into users (id, name, email, language, is_platform_admin, created_at)
                  select gen_random_uuid(), 'Bench volunteer ' || i, 'volunteer' || i || '@bench.example', 'fi', false, now() from t returning id, email)
       insert into sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at)
       select gen_random_uuid(), u.id, t.hash, now(), now(), now() + interval '30 days'
         from t join u on u.email = 'volunteer' || t.i || '@bench.example'`,
      [hashes],
    );
    await client.query('commit');
    await client.query('analyze');
    const {
      rows: [counts],
    } = await client.query(`
      select (select count(*) from volunteer_tasks)::int tasks, (select count(*) from volunteer_shifts)::int shifts,
             (select count(*) from volunteer_claims)::int claims, (select count(distinct event_id) from volunteer_tasks)::int events`);
    const popularIds = popular.map((row) => row.id).sort();
    return { counts, tokens, popularIds };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
