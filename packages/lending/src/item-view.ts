import type { EntityManager } from '@mikro-orm/postgresql';
import { Item, KitPart, OutOfServicePeriod } from './item.entity.js';
import { ItemPhoto } from './item-photo.entity.js';
import type { ItemSummary, ItemView } from './item.schemas.js';

export const itemPopulate = ['organisation', 'village.municipality'] as const;

export function toItemSummary(item: Item): ItemSummary {
  return {
    id: item.id,
    name: item.name,
    category: item.category,
    quantity: item.quantity,
    isKit: item.isKit,
    owner: { id: item.organisation.id, name: item.organisation.name },
    village: { id: item.village.id, name: item.village.name },
    municipality: { id: item.village.municipality.id, name: item.village.municipality.name },
    isApprovalRequired: item.isApprovalRequired,
  };
}

// Full views of items loaded with `itemPopulate`: kit parts, photos (without their bytes) and coming
// out-of-service periods in three statements for all of them.
export async function viewItems(em: EntityManager, items: readonly Item[], now = new Date()): Promise<ItemView[]> {
  if (items.length === 0) return [];
  const ids = items.map((item) => item.id);
  const kitIds = items.filter((item) => item.isKit).map((item) => item.id);
  const parts = kitIds.length
    ? await em.find(KitPart, { kit: { $in: kitIds } }, { populate: ['part'], orderBy: { id: 'asc' } })
    : [];
  const photos = await em.find(ItemPhoto, { item: { $in: ids } }, { orderBy: { position: 'asc', createdAt: 'asc' } });
  const periods = await em.find(
    OutOfServicePeriod,
    { item: { $in: ids }, endsAt: { $gt: now } },
    { orderBy: { startsAt: 'asc' } },
  );
  return items.map((item) => ({
    ...toItemSummary(item),
    description: item.description,
    venueId: item.venueId,
    address: item.address,
    villageId: item.village.id,
    pickUpInstructions: item.pickUpInstructions,
    borrowers: item.borrowers,
    feeMembersCents: item.feeMembersCents,
    feeOrganisationsCents: item.feeOrganisationsCents,
    feePrivateCents: item.feePrivateCents,
    depositCents: item.depositCents,
    maxDays: item.maxDays,
    noticeDays: item.noticeDays,
    conditionNotes: item.conditionNotes,
    kitParts: parts
      .filter((part) => part.kit.id === item.id)
      .map((part) => ({ itemId: part.part.id, name: part.part.name, quantity: part.quantity })),
    photos: photos
      .filter((photo) => photo.item.id === item.id)
      .map((photo) => ({
        id: photo.id,
        url: `/api/lending-photos/${photo.id}`,
        thumbnailUrl: `/api/lending-photos/${photo.id}?size=thumbnail`,
        altText: photo.altText,
        width: photo.width,
        height: photo.height,
      })),
    retiredAt: item.retiredAt?.toISOString() ?? null,
    outOfService: periods
      .filter((period) => period.item.id === item.id)
      .map((period) => ({
        id: period.id,
        units: period.units,
        startsAt: period.startsAt.toISOString(),
        endsAt: period.endsAt.toISOString(),
        reason: period.reason,
      })),
  }));
}
