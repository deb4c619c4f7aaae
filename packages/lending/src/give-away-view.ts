import { GiveAwayOffer } from './give-away.entity.js';
import type { GiveAwayOfferView } from './give-away.schemas.js';

export const offerPopulate = ['item.village.municipality', 'owner', 'claimer'] as const;

// An offer loaded with `offerPopulate`, as the api answers it.
export function toOfferView(offer: GiveAwayOffer): GiveAwayOfferView {
  const item = offer.item;
  return {
    id: offer.id,
    state: offer.state,
    units: offer.units,
    note: offer.note,
    item: { id: item.id, name: item.name, description: item.description, category: item.category, quantity: item.quantity },
    owner: { id: offer.owner.id, name: offer.owner.name },
    village: { id: item.village.id, name: item.village.name },
    municipality: { id: item.village.municipality.id, name: item.village.municipality.name },
    address: item.address,
    claimer: offer.claimer ? { id: offer.claimer.id, name: offer.claimer.name } : null,
    claimMessage: offer.claimMessage,
    declineReason: offer.declineReason,
    receivedItemId: offer.receivedItem?.id ?? null,
    createdAt: offer.createdAt.toISOString(),
    claimedAt: offer.claimedAt?.toISOString() ?? null,
    givenAt: offer.givenAt?.toISOString() ?? null,
    withdrawnAt: offer.withdrawnAt?.toISOString() ?? null,
  };
}
