import { addMinutes } from '@talkoot/platform';

// Free cancellation ends a number of elapsed hours before the start, so the owner always has that long
// to find someone else; cancelling exactly at `freeUntil` is still free.
export function cancellationTerms(
  startsAt: Date,
  now: Date,
  policy: { freeCancellationHours: number; cancellationFeePercent: number },
  priceCents: number,
): { freeUntil: Date; isFree: boolean; feeCents: number } {
  if (policy.cancellationFeePercent < 0 || policy.cancellationFeePercent > 100)
    throw new RangeError('A cancellation fee is 0 to 100 percent');
  if (!Number.isSafeInteger(priceCents) || priceCents < 0)
    throw new RangeError('A price is a whole, non-negative number of cents');
  const freeUntil = addMinutes(startsAt, -policy.freeCancellationHours * 60);
  const isFree = now <= freeUntil;
  // Multiplying before dividing keeps whole-percent fees exact before rounding (half a cent rounds up).
  const feeCents = isFree ? 0 : Math.round((priceCents * policy.cancellationFeePercent) / 100);
  return { freeUntil, isFree, feeCents };
}
