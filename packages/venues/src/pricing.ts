export type PriceUnit = 'free' | 'hour' | 'day' | 'fixed';
export type PriceTier = 'members' | 'region' | 'private';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// Counted in elapsed time, not wall-clock time: a night across the autumn clock change really is
// an hour longer, and the space is really used for it.
export function bookingPrice(unit: PriceUnit, rateCents: number, startsAt: Date, endsAt: Date): number {
  if (!Number.isSafeInteger(rateCents) || rateCents < 0) throw new RangeError('A rate is a whole, non-negative number of cents');
  const ms = endsAt.getTime() - startsAt.getTime();
  if (!(ms > 0)) throw new RangeError('A booking ends after it starts');
  switch (unit) {
    case 'free':
      return 0;
    case 'hour':
      return Math.ceil(ms / HOUR_MS) * rateCents;
    case 'day':
      return Math.ceil(ms / DAY_MS) * rateCents;
    case 'fixed':
      return rateCents;
  }
}

export function priceTier(input: {
  bookingOrganisationId: string | null;
  ownerOrganisationId: string;
  requesterIsOwnerMember: boolean;
}): PriceTier {
  if (input.bookingOrganisationId === input.ownerOrganisationId) return 'members';
  // A member booking for another organisation pays what that organisation pays, not the members' price.
  if (input.bookingOrganisationId !== null) return 'region';
  return input.requesterIsOwnerMember ? 'members' : 'private';
}
