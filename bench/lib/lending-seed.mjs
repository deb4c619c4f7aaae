// Seeds the lending benchmark with a handful of set-based SQL statements (no ORM, no loops over rows):
// one region, 10 villages, 25 organisations with an admin each, 2,000 items (80 per organisation:
// 79 plain items, every fifth tracked one by one, the rest 10–50 units, and one party kit of three
// of them), 100,000 loans on the plain items (each its own request and one line) from 180 days back
// to 360 days ahead, and 20 benchmark users with bearer sessions.
import { createHash, randomBytes } from 'node:crypto';
import { requiredColumnFiller } from './seed.mjs';

export const LENDING_SEED = {
  organisations: 25,
  itemsPerOrganisation: 80, // the 80th is a kit of the 1st, 2nd and 3rd
  loans: 100_000,
  pastDays: 180, // seeded loans start in [today - pastDays, today + futureDays)
  futureDays: 360,
  clients: 20,
};

export async function seedLending(pool, log = () => {}) {
  const client = await pool.connect();
  let stepStart = performance.now();
  const step = (name) => {
    log(`  seed: ${name} in ${((performance.now() - stepStart) / 1000).toFixed(1)} s`);
    stepStart = performance.now();
  };
  try {
    await client.query('begin');
    const extra = await requiredColumnFiller(client);
    const itemColumns =
      'id, organisation_id, name, description, category, quantity, is_kit, village_id, borrowers, is_approval_required, fee_members_cents, fee_organisations_cents, fee_private_cents, deposit_cents, created_at';
    const itemExtra = extra('items', itemColumns);
    const requestExtra = extra('loan_requests', 'id, borrower_id, organisation_id, starts_at, ends_at, created_at');
    const loanColumns =
      'id, request_id, owner_id, borrower_id, organisation_id, state, starts_at, ends_at, collector_name, fee_tier, fee_cents, created_at, expires_at, decided_at, picked_up_at, returned_at, cancelled_at, deny_reason, cancel_reason';
    const loanExtra = extra('loans', loanColumns);
    const lineExtra = extra('loan_lines', 'id, loan_id, item_id, quantity, returned_fine');

    await client.query(`
      with r as (insert into regions (id, name) values (gen_random_uuid(), 'Bench region') returning id),
           m as (insert into municipalities (id, region_id, name) select gen_random_uuid(), r.id, 'Benchmunicipality' from r returning id)
      insert into villages (id, municipality_id, name)
      select gen_random_uuid(), m.id, 'Village ' || n from m, generate_series(1, 10) n`);
    await client.query(
      `
      insert into organisations (id, name, kind, village_id, description, created_at)
      select gen_random_uuid(), 'Association ' || lpad(n::text, 2, '0'), 'association', v.id, '{}', now()
        from generate_series(1, $1::int) n
        join lateral (select id from villages order by name offset (n % 10) limit 1) v on true`,
      [LENDING_SEED.organisations],
    );
    // One admin per organisation: the owner side gets the request mails.
    await client.query(`
      with o as (select id, row_number() over (order by name) n from organisations),
           u as (insert into users (id, name, email, language, is_platform_admin, created_at)
                 select gen_random_uuid(), 'Admin ' || n, 'admin' || n || '@bench.example', 'fi', false, now() from o returning id, email)
      insert into memberships (id, user_id, organisation_id, role, created_at)
      select gen_random_uuid(), u.id, o.id, 'admin', now() from u join o on u.email = 'admin' || o.n || '@bench.example'`);

    // Items k = 1..80 of each organisation: every fifth is one of a kind, the others 10–50 units;
    // two in three need the owner's approval; fees by tier, a deposit on every sixth; the 80th a kit.
    await client.query(
      `
      insert into items (${itemColumns}${itemExtra.columns})
      select gen_random_uuid(), o.id,
             jsonb_build_object('fi', 'Tavara ' || k, 'en', 'Item ' || k),
             jsonb_build_object('fi', 'Yhdistyksen lainattava tavara ' || k),
             (enum_range(null::item_category))[1 + k % 8],
             case when k = $1::int then 1 when k % 5 = 0 then 1 else 10 + (k * 7) % 41 end,
             k = $1::int, o.village_id, '["members", "region", "residents"]'::jsonb, k % 3 <> 0,
             0, (k % 4) * 100, (k % 4) * 200, case when k % 6 = 0 then 2000 end,
             now() - k * interval '1 minute'${itemExtra.values}
        from organisations o, generate_series(1, $1::int) k`,
      [LENDING_SEED.itemsPerOrganisation],
    );
    // The kit: 1 × item 1, 4 × item 2, 10 × item 3 of the same owner (made by created_at order).
    await client.query(`
      with ranked as (select id, organisation_id, is_kit, row_number() over (partition by organisation_id order by created_at desc) k from items)
      insert into kit_parts (id, kit_id, part_id, quantity)
      select gen_random_uuid(), kit.id, part.id, (array[1, 4, 10])[part.k]
        from ranked kit join ranked part on part.organisation_id = kit.organisation_id and part.k <= 3
       where kit.is_kit`);

    step('organisations, items and kits');
    // Loans: loan n takes plain item n mod (plain items), as its k-th loan (k = n / items), so each
    // item's loans are ~10 days apart, 1–4 days long, 08:00–16:00 UTC: at most one at a time per
    // item, each for at most half its units (one of a kind: 1), so the stock rule holds and every
    // item keeps free units for the benchmark's requests. Borrowed by the next organisation.
    // Past: returned (every 20th cancelled, every 13th denied); running: picked up; coming:
    // approved (every 7th requested, every 20th cancelled).
    const spanDays = LENDING_SEED.pastDays + LENDING_SEED.futureDays;
    await client.query(
      `
      create temp table seed_loans on commit drop as
      with plain as (select i.id, i.organisation_id, i.quantity, row_number() over (order by i.id) - 1 j
                       from items i where not i.is_kit),
           plain_count as (select count(*)::int c from plain),
           orgs as (select id, row_number() over (order by name) - 1 n, count(*) over () c from organisations),
           admins as (select m.organisation_id, m.user_id from memberships m where m.role = 'admin'),
           raw as (
             select n, p.id item_id, p.organisation_id owner_id, p.quantity item_quantity, n / pc.c k, pc.c plain_count
               from generate_series(0, $1::int - 1) n cross join plain_count pc join plain p on p.j = n % pc.c)
      select gen_random_uuid() loan_id, gen_random_uuid() request_id, gen_random_uuid() line_id, r.n, r.item_id, r.owner_id,
             borrowing.id organisation_id, a.user_id borrower_id,
             greatest(1, ((r.n % 5) + 1) * r.item_quantity / 10) quantity,
             date_trunc('day', now()) + (floor(r.k * $2::float8 / ceil($1::float8 / r.plain_count)) - $3::int) * interval '1 day'
               + interval '8 hours' starts_at,
             date_trunc('day', now()) + (floor(r.k * $2::float8 / ceil($1::float8 / r.plain_count)) - $3::int + 1 + r.n % 4) * interval '1 day'
               + interval '16 hours' ends_at
        from raw r
        join orgs owner on owner.id = r.owner_id
        join orgs borrowing on borrowing.n = (owner.n + 1) % owner.c
        join admins a on a.organisation_id = borrowing.id`,
      [LENDING_SEED.loans, spanDays, LENDING_SEED.pastDays],
    );
    step('seed_loans');
    await client.query(`
      alter table seed_loans add column state loan_state;
      update seed_loans set state = (case
        when ends_at <= now() then case when n % 20 = 0 then 'cancelled' when n % 13 = 0 then 'denied' else 'returned' end
        when starts_at <= now() then 'pickedUp'
        when n % 20 = 0 then 'cancelled' when n % 7 = 0 then 'requested' else 'approved' end)::loan_state`);
    step('states');
    // The rows are consistent by construction: skip the foreign-key triggers (100,000 checks per
    // table) for the three bulk inserts. The benchmark's database user is the superuser.
    await client.query(`set local session_replication_role = replica`);
    await client.query(`
      insert into loan_requests (id, borrower_id, organisation_id, starts_at, ends_at, created_at${requestExtra.columns})
      select request_id, borrower_id, organisation_id, starts_at, ends_at, starts_at - interval '14 days'${requestExtra.values} from seed_loans`);
    step('loan_requests');
    await client.query(`
      insert into loans (${loanColumns}${loanExtra.columns})
      select loan_id, request_id, owner_id, borrower_id, organisation_id, state, starts_at, ends_at, 'Bench collector ' || n, 'region', 0,
             starts_at - interval '14 days',
             case when state = 'requested' then least(now() + interval '7 days', starts_at) end,
             case when state in ('approved', 'pickedUp', 'returned', 'denied') then starts_at - interval '13 days' end,
             case when state in ('pickedUp', 'returned') then starts_at end,
             case when state = 'returned' then ends_at end,
             case when state = 'cancelled' then starts_at - interval '2 days' end,
             case when state = 'denied' then 'Not this time' end,
             case when state = 'cancelled' then '' end${loanExtra.values}
        from seed_loans`);
    step('loans');
    await client.query(`
      insert into loan_lines (id, loan_id, item_id, quantity, returned_fine${lineExtra.columns})
      select line_id, loan_id, item_id, quantity, case when state = 'returned' then quantity else 0 end${lineExtra.values} from seed_loans`);

    await client.query(`set local session_replication_role = origin`);
    step('loan_lines');
    // Benchmark clients: one user, membership (role member) and bearer session each.
    const tokens = Array.from({ length: LENDING_SEED.clients }, () => randomBytes(32).toString('base64url'));
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
      [hashes, LENDING_SEED.organisations],
    );
    await client.query('commit');

    const { rows: clients } = await client.query(`
      select u.email, m.organisation_id from users u join memberships m on m.user_id = u.id where u.email like 'client%@bench.example' order by u.email`);
    const byEmail = new Map(clients.map((row) => [row.email, row.organisation_id]));
    const sessions = tokens.map((token, i) => ({ token, organisationId: byEmail.get(`client${i}@bench.example`) }));
    const { rows: items } = await client.query(`select id, is_kit, quantity from items order by id`);
    const { rows: counts } = await client.query(`
      select (select count(*) from items)::int items, (select count(*) from items where is_kit)::int kits,
             (select count(*) from loans)::int loans, (select count(*) from loan_lines)::int loan_lines,
             (select count(*) from loans where state in ('requested', 'approved', 'pickedUp'))::int blocking_loans,
             (select count(*) from organisations)::int organisations`);
    await client.query('vacuum analyze');
    step('clients, sessions and vacuum analyze');
    return {
      sessions,
      itemIds: items.map((row) => row.id),
      kitIds: items.filter((row) => row.is_kit).map((row) => row.id),
      // The write scenario asks for one unit of an item with more than one: always room beside the seeded loans.
      lendableIds: items.filter((row) => !row.is_kit && row.quantity > 1).map((row) => row.id),
      counts: counts[0],
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
