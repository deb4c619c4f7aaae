// The statements of the stock rule (ADR 017), in one place: the api runs them, and the benchmark's
// raw route runs the very same text.
import type { EntityManager } from '@mikro-orm/postgresql';

// Later than any loan can be (dates end at 2100), and still a date JavaScript can hold.
export const OPEN_END = `'9999-12-31'::timestamptz`;
// The same instant as a Date: a period out of service with no end yet (until the owner ends it).
export const OPEN_END_DATE = new Date('9999-12-31T00:00:00.000Z');

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

// Units each blocking loan line and out-of-service period holds, for items `in (…)` over [start, end).
// A picked-up loan holds its units not yet counted back until they are: once overdue it has no
// end (`OPEN_END`), so nobody is promised units that are not in the storeroom. An open give-away
// offer holds its units from when it was made, with no end (ADR 021).
function usageSql(itemCount: number): string {
  const items = placeholders(itemCount);
  return `usage as (
    select item_id, starts_at, ends_at, units from (
      select l.item_id, lo.starts_at,
             case when lo.state = 'pickedUp' and lo.ends_at <= ?::timestamptz then ${OPEN_END} else lo.ends_at end as ends_at,
             l.quantity - l.returned_fine - l.returned_damaged - l.returned_missing as units
        from loan_lines l join loans lo on lo.id = l.loan_id
       where l.item_id in (${items}) and lo.state in ('requested', 'approved', 'pickedUp') and lo.starts_at < ?
    ) held where ends_at > ? and units > 0
    union all
    select item_id, starts_at, ends_at, units from out_of_service_periods
     where item_id in (${items}) and starts_at < ? and ends_at > ?
    union all
    select item_id, created_at, ${OPEN_END}, units from give_away_offers
     where item_id in (${items}) and state in ('offered', 'claimed') and created_at < ?
  )`;
}

function usageParams(itemIds: readonly string[], startsAt: Date, endsAt: Date, now: Date): unknown[] {
  return [now, ...itemIds, endsAt, startsAt, ...itemIds, endsAt, startsAt, ...itemIds, endsAt];
}

// Locks the rows in id order: two requests for the same items (a kit and its parts, or one owner's
// items in two multi-owner requests) then queue instead of deadlocking.
export async function lockItems(em: EntityManager, itemIds: readonly string[]): Promise<{ id: string; quantity: number }[]> {
  if (itemIds.length === 0) return [];
  return em.execute(`select id, quantity from items where id in (${placeholders(itemIds.length)}) order by id for update`, [
    ...itemIds,
  ]);
}

// The most units in use at any instant of [start, end), per item. Use only rises at a start, so
// the peak is at the period's start or at a start inside it: those are the only points summed.
export function peakUsageSql(itemCount: number): string {
  return `with ${usageSql(itemCount)},
  points as (
    select u.item_id, u.starts_at as at from usage u where u.starts_at > ?
    union all
    select w.id, ?::timestamptz from items w where w.id in (${placeholders(itemCount)})
  )
  select p.item_id, coalesce(max((select sum(u.units) from usage u where u.item_id = p.item_id and u.starts_at <= p.at and u.ends_at > p.at)), 0)::int as peak
    from points p group by p.item_id`;
}

export async function peakUsage(
  em: EntityManager,
  itemIds: readonly string[],
  startsAt: Date,
  endsAt: Date,
  now: Date,
): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await em.execute<{ item_id: string; peak: number }[]>(peakUsageSql(itemIds.length), [
    ...usageParams(itemIds, startsAt, endsAt, now),
    startsAt,
    startsAt,
    ...itemIds,
  ]);
  return new Map(rows.map((row) => [row.item_id, row.peak]));
}

// The most units in use at any instant of each Helsinki day from `from` to `to` (inclusive), per item.
export function dailyUsageSql(itemCount: number): string {
  return `with days as (
    select d::date as day, d at time zone 'Europe/Helsinki' as day_start,
           (d + interval '1 day') at time zone 'Europe/Helsinki' as day_end
      from generate_series(?::timestamp, ?::timestamp, interval '1 day') d
  ),
  ${usageSql(itemCount)},
  points as (
    select w.id as item_id, d.day, d.day_start as at from items w cross join days d where w.id in (${placeholders(itemCount)})
    union all
    select u.item_id, d.day, u.starts_at from usage u join days d on u.starts_at > d.day_start and u.starts_at < d.day_end
  )
  select p.item_id, to_char(p.day, 'YYYY-MM-DD') as day,
         coalesce(max((select sum(u.units) from usage u where u.item_id = p.item_id and u.starts_at <= p.at and u.ends_at > p.at)), 0)::int as peak
    from points p group by p.item_id, p.day order by p.day`;
}

export async function dailyUsage(
  em: EntityManager,
  itemIds: readonly string[],
  from: string,
  to: string,
  range: { startsAt: Date; endsAt: Date },
  now: Date,
): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>(itemIds.map((id) => [id, new Map()]));
  if (itemIds.length === 0) return result;
  const rows = await em.execute<{ item_id: string; day: string; peak: number }[]>(dailyUsageSql(itemIds.length), [
    from,
    to,
    ...usageParams(itemIds, range.startsAt, range.endsAt, now),
    ...itemIds,
  ]);
  for (const row of rows) result.get(row.item_id)?.set(row.day, row.peak);
  return result;
}
