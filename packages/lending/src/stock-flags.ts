import type { EntityManager } from '@mikro-orm/postgresql';
import { loansBeyondStock } from './stock.rules.js';
import { OPEN_END } from './stock.sql.js';

// Called under the item's row lock after its stock shrank (units out of service, a smaller
// quantity): the loans that no longer fit are flagged for the owner to sort out, never dropped.
// Returns the loans flagged now.
export async function flagLoansBeyondStock(em: EntityManager, itemId: string, quantity: number, now: Date): Promise<string[]> {
  // Units out of service and units offered to give away (no end, ADR 021) are the owner's own: kept first.
  const periods = await em.execute<{ id: string; starts_at: Date; ends_at: Date; units: number }[]>(
    `select id, starts_at, ends_at, units from out_of_service_periods where item_id = ? and ends_at > ?
     union all
     select id, created_at, ${OPEN_END}, units from give_away_offers where item_id = ? and state in ('offered', 'claimed')`,
    [itemId, now, itemId],
  );
  const loans = await em.execute<{ id: string; starts_at: Date; ends_at: Date; units: number }[]>(
    `select lo.id, lo.starts_at,
            case when lo.state = 'pickedUp' and lo.ends_at <= ?::timestamptz then ${OPEN_END} else lo.ends_at end as ends_at,
            sum(l.quantity - l.returned_fine - l.returned_damaged - l.returned_missing)::int as units
       from loans lo join loan_lines l on l.loan_id = lo.id
      where l.item_id = ? and lo.state in ('requested', 'approved', 'pickedUp')
        and (lo.ends_at > ? or lo.state = 'pickedUp')
      group by lo.id order by lo.created_at, lo.id`,
    [now, itemId, now],
  );
  const asHolding = (row: { id: string; starts_at: Date; ends_at: Date; units: number }) => ({
    id: row.id,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    units: row.units,
  });
  const beyond = loansBeyondStock(quantity, periods.map(asHolding), loans.map(asHolding));
  if (beyond.length === 0) return [];
  await em.execute(`update loans set flagged_at = ? where flagged_at is null and id in (${beyond.map(() => '?').join(', ')})`, [
    now,
    ...beyond,
  ]);
  return beyond;
}
