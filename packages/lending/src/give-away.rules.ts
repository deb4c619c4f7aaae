// Pure rules of giving away (ADR 021): no database, no clock.
import type { BorrowerKind } from './item.schemas.js';

// The most units that may be offered: what the owner has, less the most that loans, units out of
// service and other open offers hold at any moment from now on (`peakFromNow`, the stock rule's sum
// over [now, no end)). A give-away has no end, so a loan next summer counts as much as one today.
export function offerableUnits(quantity: number, peakFromNow: number): number {
  return Math.max(0, quantity - peakFromNow);
}

// What the owner has left once the units are given; an item given away whole is retired, not
// deleted, so its past loans keep their lines.
export function afterGiving(quantity: number, units: number): { quantity: number; isRetired: boolean } {
  const left = Math.max(0, quantity - units);
  return { quantity: left, isRetired: left === 0 };
}

// The receiver's new item starts from what is certain: the names, description, category and the
// units' condition come along; it is kept in the receiver's own village with no address yet, and
// lent only to the receiver's own members, with approval and free, until its coordinators complete
// the place and their terms on the item's edit page.
export const receivedItemDefaults = {
  venueId: null,
  address: '',
  pickUpInstructions: '',
  borrowers: ['members'] as BorrowerKind[],
  isApprovalRequired: true,
  feeMembersCents: 0,
  feeOrganisationsCents: 0,
  feePrivateCents: 0,
  depositCents: null,
  maxDays: null,
  noticeDays: null,
  isKit: false,
} as const;
