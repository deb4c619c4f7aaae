// Seeds the events benchmark with a handful of set-based SQL statements (no ORM, no loops over rows):
// one region, 3 municipalities × 8 villages, 25 organisations and 10,000 published events spread over
// the villages, from 30 days back to ~6 months ahead. Every tenth event repeats weekly (6 dates),
// every fifteenth is all-day; the rest are single 2-hour events. One event_occurrences row per date.

export const EVENTS_SEED = {
  municipalities: 3,
  villagesPerMunicipality: 8,
  organisations: 25,
  events: 10_000,
  pastDays: 30, // first dates span [today - pastDays, today + futureDays)
  futureDays: 183,
  recurringEvery: 10, // every Nth event is weekly with `recurringDates` dates
  recurringDates: 6,
  allDayEvery: 15,
};

// Words the titles are made of (search_text gets them lower-case, as searchTextOf does).
const WORDS = [
  'Kesäteatteri',
  'Konsertti',
  'Talkoot',
  'Markkinat',
  'Kyläjuhla',
  'Luento',
  'Tuolijumppa',
  'Luontoretki',
  'Kirpputori',
  'Kuoroilta',
  'Satutunti',
  'Tanssit',
];

// Other engineers add columns while this benchmark lives: a NOT NULL column without a default that
// the inserts below do not name gets a neutral value of its type (as bench/lib/seed.mjs does).
async function columnFiller(client) {
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
        throw new Error(`events seed: no neutral value for ${column.table_name}.${column.column_name} (${column.data_type})`);
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

export async function seedEvents(pool) {
  const client = await pool.connect();
  const S = EVENTS_SEED;
  try {
    await client.query('begin');
    const extra = await columnFiller(client);
    const regionExtra = extra('regions', 'id, name');
    const municipalityExtra = extra('municipalities', 'id, region_id, name');
    const villageExtra = extra('villages', 'id, municipality_id, name');
    const organisationExtra = extra('organisations', 'id, name, kind, village_id, description, created_at');
    const eventColumns = `id, organisation_id, status, title, description, is_all_day, place_name, address, village_id, category, audiences,
      price_cents, accessibility, is_ride_sharing_welcome, info_url, recurrence, search_text, created_at, updated_at, published_at`;
    const eventExtra = extra('events', eventColumns);
    const occurrenceColumns = 'id, event_id, starts_at, ends_at, is_cancelled, sequence, updated_at';
    const occurrenceExtra = extra('event_occurrences', occurrenceColumns);

    await client.query(
      `
      with r as (insert into regions (id, name${regionExtra.columns}) values (gen_random_uuid(), 'Benchmaakunta'${regionExtra.values}) returning id),
           m as (insert into municipalities (id, region_id, name${municipalityExtra.columns})
                 select gen_random_uuid(), r.id, 'Benchkunta ' || k${municipalityExtra.values} from r, generate_series(1, $1::int) k returning id, name)
      insert into villages (id, municipality_id, name${villageExtra.columns})
      select gen_random_uuid(), m.id, m.name || ', kylä ' || n${villageExtra.values} from m, generate_series(1, $2::int) n`,
      [S.municipalities, S.villagesPerMunicipality],
    );
    await client.query(
      `
      with vs as (select array_agg(id order by name) ids from villages)
      insert into organisations (id, name, kind, village_id, description, created_at${organisationExtra.columns})
      select gen_random_uuid(), 'Kyläyhdistys ' || n, 'association', vs.ids[1 + n % cardinality(vs.ids)], '{}', now()${organisationExtra.values}
        from vs, generate_series(1, $1::int) n`,
      [S.organisations],
    );

    // The events' shape in a temp table first, so the occurrences can be made from the same numbers.
    // Days and hours come from n by multiplicative hashing: spread evenly, same data every run.
    await client.query(
      `
      create temp table seed_events on commit drop as
      select n, gen_random_uuid() id,
             (n % $2::int = 0) is_recurring, (n % $3::int = 0 and n % $2::int <> 0) is_all_day,
             (current_date + ((n * 7919) % ($4::int + $5::int) - $4::int))::date first_day,
             9 + (n * 31) % 11 start_hour,
             $6::text[] words
        from generate_series(1, $1::int) n`,
      [S.events, S.recurringEvery, S.allDayEvery, S.pastDays, S.futureDays, WORDS],
    );
    await client.query(
      `
      with vs as (select array_agg(id order by name) ids from villages),
           os as (select array_agg(id order by name) ids from organisations),
           e as (
             select s.*, s.words[1 + s.n % cardinality(s.words)] || ' ' || s.n title_fi,
                    'Tervetuloa mukaan! Tapahtuma numero ' || s.n || ' kylätalolla. Kahvia ja pullaa on tarjolla, ' ||
                      'ja lapsetkin ovat tervetulleita. Ilmoittautumista ei tarvita; kysy lisää järjestäjältä.' description_fi,
                    'Kylätalo ' || (s.n % 97) place_name,
                    vs.ids[1 + s.n % cardinality(vs.ids)] village_id, os.ids[1 + (s.n * 7) % cardinality(os.ids)] organisation_id
               from seed_events s, vs, os)
      insert into events (${eventColumns}${eventExtra.columns})
      select id, organisation_id, 'published', jsonb_build_object('fi', title_fi, 'sv', 'Evenemang ' || n),
             jsonb_build_object('fi', description_fi), is_all_day, place_name, 'Kylätie ' || (n % 50), village_id,
             (enum_range(null::event_category))[1 + n % 12],
             case n % 4 when 0 then '["everyone"]' when 1 then '["families", "children"]' when 2 then '["seniors"]' else '["adults"]' end::jsonb,
             case when n % 3 = 0 then 500 + (n % 20) * 100 end,
             case when n % 2 = 0 then '["step_free"]' else '[]' end::jsonb,
             n % 5 = 0, case when n % 4 = 0 then 'https://example.org/tapahtuma/' || n end,
             case when is_recurring then jsonb_build_object('frequency', 'weekly', 'interval', 1, 'weekdays', '[]'::jsonb, 'until', null, 'count', $1::int, 'exceptions', '[]'::jsonb) end,
             lower(title_fi || ' ' || description_fi || ' ' || place_name), now() - interval '40 days', now() - interval '40 days', now() - interval '40 days'${eventExtra.values}
        from e`,
      [S.recurringDates],
    );
    // Times are Helsinki wall-clock times; all-day dates run between the local midnights.
    await client.query(
      `
      with d as (
        select s.id event_id, s.is_all_day, s.start_hour, (s.first_day + 7 * k) on_day, k
          from seed_events s, generate_series(0, $1::int - 1) k
         where k = 0 or s.is_recurring)
      insert into event_occurrences (${occurrenceColumns}${occurrenceExtra.columns})
      select gen_random_uuid(), event_id,
             case when is_all_day then on_day::timestamp at time zone 'Europe/Helsinki'
                  else (on_day::timestamp + start_hour * interval '1 hour') at time zone 'Europe/Helsinki' end,
             case when is_all_day then (on_day + 1)::timestamp at time zone 'Europe/Helsinki'
                  else (on_day::timestamp + (start_hour + 2) * interval '1 hour') at time zone 'Europe/Helsinki' end,
             false, 0, now() - interval '40 days'${occurrenceExtra.values}
        from d`,
      [S.recurringDates],
    );
    await client.query('commit');
    const {
      rows: [counts],
    } = await client.query(`
      select (select count(*) from events where status = 'published')::int events,
             (select count(*) from events where recurrence is not null)::int recurring_events,
             (select count(*) from event_occurrences)::int occurrences,
             (select count(*) from event_occurrences where ends_at > now() - interval '30 days')::int occurrences_in_feed_window,
             (select count(*) from villages)::int villages, (select count(*) from organisations)::int organisations`);
    await client.query('vacuum analyze');
    return { counts };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// Occurrences touching the Helsinki days from..to ('YYYY-MM-DD', inclusive), as /api/calendar selects them.
export async function countOccurrences(pool, from, to) {
  const {
    rows: [row],
  } = await pool.query(
    `select count(*)::int n from event_occurrences
      where ends_at > $1::date::timestamp at time zone 'Europe/Helsinki' and starts_at < ($2::date + 1)::timestamp at time zone 'Europe/Helsinki'`,
    [from, to],
  );
  return row.n;
}
