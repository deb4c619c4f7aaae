// Pure rules of lending: no database, no clock (callers pass `now`), no Nest.
import { toHelsinkiWallClock } from '@talkoot/platform/time';
import type { BorrowerKind, FeeTier } from './item.schemas.js';
import { loanErrors } from './lending.errors.js';

const DAY_MS = 86_400_000;

// The fee tier follows venues' price tiers: borrowing for the owner itself is a members' loan; for
// another organisation that organisation's; as a private person, a member of the owner still
// borrows as a member.
export function feeTierFor(input: { borrowingOrganisationId: string | null; ownerId: string; isOwnerMember: boolean }): FeeTier {
  if (input.borrowingOrganisationId === input.ownerId) return 'members';
  if (input.borrowingOrganisationId !== null) return 'region';
  return input.isOwnerMember ? 'members' : 'private';
}

const borrowerOfTier: Record<FeeTier, BorrowerKind> = { members: 'members', region: 'region', private: 'residents' };

export function mayBorrow(borrowers: readonly BorrowerKind[], tier: FeeTier): boolean {
  return borrowers.includes(borrowerOfTier[tier]);
}

export interface FeeRules {
  feeMembersCents: number;
  feeOrganisationsCents: number;
  feePrivateCents: number;
  depositCents: number | null;
}

// Fees are per unit for the whole loan; the deposit is one per item, whatever the quantity.
export function lineFee(item: FeeRules, tier: FeeTier, quantity: number): { feeCents: number; depositCents: number } {
  const unit = { members: item.feeMembersCents, region: item.feeOrganisationsCents, private: item.feePrivateCents }[tier];
  return { feeCents: unit * quantity, depositCents: item.depositCents ?? 0 };
}

export interface PeriodRules {
  noticeDays: number | null;
  maxDays: number | null;
}

export type PeriodProblem = {
  reason: (typeof loanErrors)[keyof typeof loanErrors];
  field: 'startsAt' | 'endsAt';
  message: string;
};

// Days are counted on the Helsinki wall clock: Friday 10:00 to Sunday 10:00 is two days also over
// the night the clocks turn (47 or 49 hours elapsed).
export function loanDays(startsAt: Date, endsAt: Date): number {
  return (toHelsinkiWallClock(endsAt) - toHelsinkiWallClock(startsAt)) / DAY_MS;
}

// Whether the item's own rules allow the period; returns the problem (naming the field), never throws.
export function periodProblem(startsAt: Date, endsAt: Date, item: PeriodRules, now: Date): PeriodProblem | null {
  // A minute of grace: a form filled in "from now" reaches the api a moment later.
  if (startsAt.getTime() < now.getTime() - 60_000)
    return { reason: loanErrors.in_past, field: 'startsAt', message: 'The loan cannot start in the past' };
  if (item.noticeDays !== null && loanDays(now, startsAt) < item.noticeDays)
    return {
      reason: loanErrors.too_soon,
      field: 'startsAt',
      message: `Ask at least ${item.noticeDays} days before the loan starts`,
    };
  if (item.maxDays !== null && loanDays(startsAt, endsAt) > item.maxDays)
    return { reason: loanErrors.too_long, field: 'endsAt', message: `A loan lasts at most ${item.maxDays} days` };
  return null;
}

// A request nobody answers lets go of the units after `days`, or when the loan would start.
export function requestExpiry(createdAt: Date, startsAt: Date, days: number): Date {
  const afterDays = new Date(createdAt.getTime() + days * DAY_MS);
  return afterDays < startsAt ? afterDays : startsAt;
}

// How many whole kits the free units of the parts make (each part needs `perKit` units per kit).
export function kitsFree(parts: readonly { free: number; perKit: number }[]): number {
  if (parts.length === 0) return 0;
  return Math.max(0, Math.min(...parts.map((part) => Math.floor(part.free / part.perKit))));
}

// A kit's lines: each part times the number of kits.
export function expandKit(
  kitItemId: string,
  kits: number,
  parts: readonly { itemId: string; perKit: number }[],
): { itemId: string; quantity: number; kitItemId: string }[] {
  return parts.map((part) => ({ itemId: part.itemId, quantity: part.perKit * kits, kitItemId }));
}

export interface LineCounts {
  quantity: number;
  returnedFine: number;
  returnedDamaged: number;
  returnedMissing: number;
}

export function outstanding(line: LineCounts): number {
  return line.quantity - line.returnedFine - line.returnedDamaged - line.returnedMissing;
}

// Counting more back than is still out is refused; a line with nothing counted is no return.
export function returnProblem(line: LineCounts, counted: { fine: number; damaged: number; missing: number }): string | null {
  const total = counted.fine + counted.damaged + counted.missing;
  if (total === 0) return 'Count at least one unit back';
  if (total > outstanding(line)) return `Only ${outstanding(line)} are still out`;
  return null;
}

// A loan is returned when every unit is counted back (fine, damaged or missing).
export function isFullyReturned(lines: readonly LineCounts[]): boolean {
  return lines.every((line) => outstanding(line) === 0);
}

export function isOverdue(loan: { state: string; endsAt: Date }, now: Date): boolean {
  return loan.state === 'pickedUp' && loan.endsAt.getTime() < now.getTime();
}
