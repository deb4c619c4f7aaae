// Seeds the benchmark data set with a handful of set-based SQL statements (no ORM, no loops over rows):
// 25 organisations, 50 venues, 200 spaces (each venue: one "whole house" parent over three rooms),
// 50,000 bookings on the 150 rooms (non-overlapping per room, so the exclusion constraint holds)
// and one booking_occupancies row per booking. Plus 20 benchmark users with bearer sessions.
import { createHash, randomBytes } from 'node:crypto';

export const SEED = {
  organisations: 25,
  venuesPerOrganisation: 2,
  roomsPerVenue: 3, // + 1 parent per venue = 4 spaces per venue, 200 in all
  bookings: 50_000,
  pastDays: 180, // seeded bookings span [today - pastDays, today + futureDays)
  futureDays: 360,
  clients: 20,
};

// Seeded bookings sit in daytime (07:00–16:30 UTC with cleaning); the benchmark books evening
// slots 17:00, 19:00 and 21:00 UTC (1 h + 30 min cleaning), so those start out free.
export const EVENING_SLOT_HOURS = [17, 19, 21];

export async function seed(pool) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const extra = await requiredColumnFiller(client);
    const venueExtra = extra(
      'venues',
      'id, organisation_id, village_id, name, address, description, capacity, facilities, accessibility, created_at',
    );
    const spaceColumns =
      'id, venue_id, parent_id, name, capacity, is_approval_required, bookable_by, min_minutes, max_minutes, buffer_before_minutes, buffer_after_minutes';
    const spaceExtra = extra('spaces', spaceColumns);
    const bookingExtra = extra(
      'bookings',
      'id, space_id, requester_id, organisation_id, title, status, starts_at, ends_at, created_at, expires_at',
    );

    await client.query(`
      with r as (insert into regions (id, name) values (gen_random_uuid(), 'Bench region') returning id),
           m as (insert into municipalities (id, region_id, name) select gen_random_uuid(), r.id, 'Benchmunicipality' from r returning id)
      insert into villages (id, municipality_id, name)
      select gen_random_uuid(), m.id, 'Village ' || n from m, generate_series(1, 10) n`);
    await client.query(
      `
      insert into organisations (id, name, kind, village_id, description, created_at)
      select gen_random_uuid(), 'Association ' || n, 'association', v.id, '{}', now()
        from generate_series(1, $1::int) n
        join lateral (select id from villages order by name offset (n % 10) limit 1) v on true`,
      [SEED.organisations],
    );
    // One admin per organisation (the owner side gets the booking-request mails).
    await client.query(`
      with o as (select id, row_number() over (order by name) n from organisations),
           u as (insert into users (id, name, email, language, is_platform_admin, created_at)
                 select gen_random_uuid(), 'Admin ' || n, 'admin' || n || '@bench.example', 'fi', false, now() from o returning id, email)
      insert into memberships (id, user_id, organisation_id, role, created_at)
      select gen_random_uuid(), u.id, o.id, 'admin', now() from u join o on u.email = 'admin' || o.n || '@bench.example'`);
    await client.query(
      `
      insert into venues (id, organisation_id, village_id, name, address, description, capacity, facilities, accessibility, created_at${venueExtra.columns})
      select gen_random_uuid(), o.id, o.village_id, o.name || ' hall ' || k, 'Road ' || k, '{}', 60, '["kitchen"]', '[]', now()${venueExtra.values}
        from organisations o, generate_series(1, $1::int) k`,
      [SEED.venuesPerOrganisation],
    );
    // Parents ("whole house", approval needed, 60 min cleaning) and rooms (every third instant).
    await client.query(`
      insert into spaces (${spaceColumns}${spaceExtra.columns})
      select gen_random_uuid(), v.id, null, 'Whole house', 60, true, 'region', 60, 1440, 0, 60${spaceExtra.values} from venues v`);
    await client.query(
      `
      insert into spaces (${spaceColumns}${spaceExtra.columns})
      select gen_random_uuid(), p.venue_id, p.id, 'Room ' || k, 20, k <> 1, 'region', 60, 1440, 0, 30${spaceExtra.values}
        from spaces p, generate_series(1, $1::int) k where p.parent_id is null`,
      [SEED.roomsPerVenue],
    );

    // Bookings: room j gets bookings k = 0..perRoom-1 on distinct days spread over the span,
    // 2–4 h starting 08:00–12:00 UTC. Mostly approved, some requested, some cancelled.
    const {
      rows: [{ rooms }],
    } = await client.query(`select count(*)::int rooms from spaces where parent_id is not null`);
    const perRoom = Math.ceil(SEED.bookings / rooms);
    const spanDays = SEED.pastDays + SEED.futureDays;
    if (perRoom > spanDays) throw new Error('more bookings per room than days in the span');
    await client.query(
      `
      with rooms as (select s.id, s.venue_id, row_number() over (order by s.id) - 1 j from spaces s where s.parent_id is not null),
           owners as (select v.id venue_id, m.user_id, v.organisation_id from venues v join memberships m on m.organisation_id = v.organisation_id),
           slots as (
             select r.id space_id, ow.user_id, ow.organisation_id, r.j, k,
                    date_trunc('day', now()) + ((floor(k * $3::float8 / $2::int) - $4::int) * interval '1 day')
                      + ((8 + (k * 7 + r.j) % 5) * interval '1 hour') starts_at,
                    (2 + (k + r.j) % 3) * interval '1 hour' length
               from rooms r join owners ow on ow.venue_id = r.venue_id, generate_series(0, $2::int - 1) k
              where r.j * $2::int + k < $1::int)
      insert into bookings (id, space_id, requester_id, organisation_id, title, status, starts_at, ends_at, created_at, expires_at${bookingExtra.columns})
      select gen_random_uuid(), space_id, user_id, organisation_id, 'Bench booking ' || k,
             (case when k % 20 = 0 then 'cancelled' when k % 7 = 0 then 'requested' else 'approved' end)::booking_status,
             starts_at, starts_at + length, now(),
             case when k % 20 <> 0 and k % 7 = 0 then now() + interval '7 days' end${bookingExtra.values}
        from slots`,
      [SEED.bookings, perRoom, spanDays, SEED.pastDays],
    );
    await client.query(`
      insert into booking_occupancies (id, booking_id, leaf_space_id, starts_at, ends_at, is_blocking)
      select gen_random_uuid(), b.id, b.space_id,
             b.starts_at - s.buffer_before_minutes * interval '1 minute', b.ends_at + s.buffer_after_minutes * interval '1 minute',
             b.status in ('requested', 'approved')
        from bookings b join spaces s on s.id = b.space_id`);

    // Benchmark clients: one user, membership (role member) and bearer session each.
    const tokens = Array.from({ length: SEED.clients }, () => randomBytes(32).toString('base64url'));
    const hashes = tokens.map((token) => createHash('sha256').update(token).digest('hex'));
    await client.query(
      `
      with o as (select id, row_number() over (order by name) - 1 n from organisations),
           t as (select hash, ord - 1 i from unnest($1::text[]) with ordinality as x(hash, ord)),
           u as (insert into users (id, name, email, language, is_platform_admin, created_at)
                 select gen_random_uuid(), 'Bench client ' || i, 'client' || i || '@bench.example', 'fi', false, now() from t returning id, email),
           s as (insert into sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at)
                 select gen_random_uuid(), u.id, t.hash, now(), now(), now() + interval '30 days' from t join u on u.email = 'client' || t.i || '@bench.example')
      insert into memberships (id, user_id, organisation_id, role, created_at)
      select gen_random_uuid(), u.id, o.id, 'member', now()
        from t join u on u.email = 'client' || t.i || '@bench.example' join o on o.n = t.i % $2::int`,
      [hashes, SEED.organisations],
    );
    await client.query('commit');

    const { rows: clients } = await client.query(`
      select u.email, m.organisation_id from users u join memberships m on m.user_id = u.id where u.email like 'client%@bench.example' order by u.email`);
    const byEmail = new Map(clients.map((row) => [row.email, row.organisation_id]));
    const sessions = tokens.map((token, i) => ({ token, organisationId: byEmail.get(`client${i}@bench.example`) }));
    const { rows: spaces } = await client.query(`select id, parent_id from spaces order by id`);
    const { rows: counts } = await client.query(`
      select (select count(*) from spaces)::int spaces, (select count(*) from bookings)::int bookings,
             (select count(*) from booking_occupancies)::int occupancies, (select count(*) from venues)::int venues,
             (select count(*) from organisations)::int organisations`);
    await client.query('vacuum analyze');
    return {
      sessions,
      spaceIds: spaces.map((row) => row.id),
      roomIds: spaces.filter((row) => row.parent_id).map((row) => row.id),
      counts: counts[0],
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// Other engineers add columns while these benchmarks live: a NOT NULL column without a default
// that a seed's inserts do not name gets a neutral value of its type. Returns
// extra(table, 'a, b, c') -> { columns: ', x', values: ', <value of x>' } for the unnamed required columns.
export async function requiredColumnFiller(client) {
  const { rows: columns } = await client.query(
    `select table_name, column_name, data_type, udt_name from information_schema.columns
      where table_schema = 'public' and is_nullable = 'NO' and column_default is null`,
  );
  const neutral = (column) => {
    if (column.column_name.endsWith('token')) return `md5(random()::text) || md5(random()::text)`;
    switch (column.data_type) {
      case 'jsonb':
      case 'json':
        return column.column_name.endsWith('s') ? `'[]'` : `'{}'`;
      case 'text':
      case 'character varying':
        return `''`;
      case 'integer':
      case 'smallint':
      case 'bigint':
      case 'numeric':
        return '0';
      case 'boolean':
        return 'false';
      case 'uuid':
        return 'gen_random_uuid()';
      case 'timestamp with time zone':
      case 'timestamp without time zone':
        return 'now()';
      case 'USER-DEFINED':
        return `(enum_range(null::"${column.udt_name}"))[1]`;
      default:
        throw new Error(`seed: no neutral value for ${column.table_name}.${column.column_name} (${column.data_type})`);
    }
  };
  return (table, named) => {
    const listed = new Set(named.split(',').map((name) => name.trim()));
    const missing = columns.filter((column) => column.table_name === table && !listed.has(column.column_name));
    return {
      columns: missing.map((column) => `, "${column.column_name}"`).join(''),
      values: missing.map((column) => `, ${neutral(column)}`).join(''),
    };
  };
}
