// The plain read statements of the hot lending routes (docs/adr/013-the-write-path.md): a loan
// request and an item's availability read rows, not entities. The api runs them, and the
// benchmark's raw route (bench/servers/lending-raw-server.mjs) runs the very same text.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Language, LocalizedText } from '@talkoot/platform/schemas';
import type { BorrowerKind } from './item.schemas.js';

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

// An item with its kit parts (none for a plain item): one row per part, or one row with null parts.
export const ITEM_STOCK_SQL = `select i.id, i.quantity, i.is_kit, kp.part_id, kp.quantity as per_kit, p.quantity as part_quantity
  from items i left join kit_parts kp on kp.kit_id = i.id left join items p on p.id = kp.part_id
 where i.id = ? order by kp.id`;

export interface ItemStock {
  id: string;
  quantity: number;
  isKit: boolean;
  parts: { partId: string; perKit: number; partQuantity: number }[];
}

export async function itemStock(em: EntityManager, itemId: string): Promise<ItemStock | null> {
  const rows = await em.execute<
    {
      id: string;
      quantity: number;
      is_kit: boolean;
      part_id: string | null;
      per_kit: number | null;
      part_quantity: number | null;
    }[]
  >(ITEM_STOCK_SQL, [itemId]);
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    quantity: first.quantity,
    isKit: first.is_kit,
    parts: rows
      .filter((row) => row.part_id !== null)
      .map((row) => ({ partId: row.part_id!, perKit: row.per_kit!, partQuantity: row.part_quantity! })),
  };
}

// What a loan request needs of each item it names: the rules' columns, the owner with its region,
// and where the item is kept (for the mail).
export function requestedItemsSql(count: number): string {
  return `select i.id, i.name, i.quantity, i.is_kit, i.address, i.pick_up_instructions, i.borrowers, i.is_approval_required,
       i.fee_members_cents, i.fee_organisations_cents, i.fee_private_cents, i.deposit_cents, i.max_days, i.notice_days,
       i.created_at, i.retired_at, o.id as owner_id, o.name as owner_name, m.region_id as owner_region_id, v.name as village_name
  from items i join organisations o on o.id = i.organisation_id
  join villages ov on ov.id = o.village_id join municipalities m on m.id = ov.municipality_id
  join villages v on v.id = i.village_id
 where i.id in (${placeholders(count)})`;
}

export interface RequestedItem {
  id: string;
  name: LocalizedText;
  quantity: number;
  isKit: boolean;
  address: string;
  pickUpInstructions: string;
  borrowers: BorrowerKind[];
  isApprovalRequired: boolean;
  feeMembersCents: number;
  feeOrganisationsCents: number;
  feePrivateCents: number;
  depositCents: number | null;
  maxDays: number | null;
  noticeDays: number | null;
  createdAt: Date;
  // Given away whole (ADR 021): kept for its past loans, never lent again.
  retiredAt: Date | null;
  owner: { id: string; name: string; regionId: string };
  village: { name: string };
}

export async function requestedItems(em: EntityManager, itemIds: readonly string[]): Promise<RequestedItem[]> {
  if (itemIds.length === 0) return [];
  const rows = await em.execute<Record<string, unknown>[]>(requestedItemsSql(itemIds.length), [...itemIds]);
  return rows.map((row) => ({
    id: row.id as string,
    name: row.name as LocalizedText,
    quantity: row.quantity as number,
    isKit: row.is_kit as boolean,
    address: row.address as string,
    pickUpInstructions: row.pick_up_instructions as string,
    borrowers: row.borrowers as BorrowerKind[],
    isApprovalRequired: row.is_approval_required as boolean,
    feeMembersCents: row.fee_members_cents as number,
    feeOrganisationsCents: row.fee_organisations_cents as number,
    feePrivateCents: row.fee_private_cents as number,
    depositCents: row.deposit_cents as number | null,
    maxDays: row.max_days as number | null,
    noticeDays: row.notice_days as number | null,
    createdAt: new Date(row.created_at as string | Date),
    retiredAt: row.retired_at ? new Date(row.retired_at as string | Date) : null,
    owner: { id: row.owner_id as string, name: row.owner_name as string, regionId: row.owner_region_id as string },
    village: { name: row.village_name as string },
  }));
}

// The organisations of a request (its owners and the borrowing one): name, region, and whether the
// borrower is a member. One that does not exist has no row.
export function requestOrganisationsSql(count: number): string {
  return `select o.id, o.name, m.region_id,
       exists (select 1 from memberships ms where ms.organisation_id = o.id and ms.user_id = ?) as is_member
  from organisations o join villages v on v.id = o.village_id join municipalities m on m.id = v.municipality_id
 where o.id in (${placeholders(count)})`;
}

export interface RequestOrganisation {
  id: string;
  name: string;
  regionId: string;
  isMember: boolean;
}

export async function requestOrganisations(
  em: EntityManager,
  userId: string,
  organisationIds: readonly string[],
): Promise<Map<string, RequestOrganisation>> {
  const rows = await em.execute<{ id: string; name: string; region_id: string; is_member: boolean }[]>(
    requestOrganisationsSql(organisationIds.length),
    [userId, ...organisationIds],
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, regionId: row.region_id, isMember: row.is_member }]));
}

// The admins and coordinators of each owner (who hear of requests).
export function ownerCoordinatorsSql(count: number): string {
  return `select ms.organisation_id, u.name, u.email, u.language
  from memberships ms join users u on u.id = ms.user_id
 where ms.organisation_id in (${placeholders(count)}) and ms.role in ('admin', 'coordinator')`;
}

export interface Recipient {
  email: string;
  name: string;
  language: Language;
}

export async function ownerCoordinators(em: EntityManager, ownerIds: readonly string[]): Promise<Map<string, Recipient[]>> {
  const result = new Map<string, Recipient[]>(ownerIds.map((id) => [id, []]));
  if (ownerIds.length === 0) return result;
  const rows = await em.execute<{ organisation_id: string; name: string; email: string; language: Language }[]>(
    ownerCoordinatorsSql(ownerIds.length),
    [...ownerIds],
  );
  for (const row of rows) result.get(row.organisation_id)?.push({ name: row.name, email: row.email, language: row.language });
  return result;
}
