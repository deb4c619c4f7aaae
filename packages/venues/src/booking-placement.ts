import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership, type Organisation, type User } from '@talkoot/identity';
import { finnishReference } from '@talkoot/platform';
import { Booking, BookingOccupancy, type BookingSeries } from './booking.entity.js';
import { occupiedInterval } from './booking.rules.js';
import { cancellationTerms } from './cancellation.js';
import { bookingPrice, type PriceTier, priceTier } from './pricing.js';
import { Space } from './space.entity.js';
import type { BookingStatus } from './booking.schemas.js';

export interface Quote {
  priceTier: PriceTier;
  priceCents: number;
  depositCents: number;
  freeCancellationUntil: Date;
  cancellationFeeCents: number;
}

// What a booking costs is fixed when it is made: the tier by who books for whom, the amount by the
// space's price unit. An open public event asks for the space free of charge (the owner decides).
export async function quoteFor(
  em: EntityManager,
  space: Space,
  input: {
    startsAt: Date;
    endsAt: Date;
    organisationId: string | null;
    requesterId: string | null;
    isFreeEvent: boolean;
    requesterIsOwnerMember?: boolean;
  },
  now: Date,
): Promise<Quote> {
  const ownerId = space.venue.organisation.id;
  const requesterIsOwnerMember =
    input.requesterIsOwnerMember ??
    (input.requesterId ? (await em.count(Membership, { user: input.requesterId, organisation: ownerId })) > 0 : false);
  const tier = priceTier({ bookingOrganisationId: input.organisationId, ownerOrganisationId: ownerId, requesterIsOwnerMember });
  const rate = { members: space.priceMembersCents, region: space.priceRegionCents, private: space.pricePrivateCents }[tier];
  const priceCents = input.isFreeEvent ? 0 : bookingPrice(space.priceUnit, rate, input.startsAt, input.endsAt);
  const terms = cancellationTerms(input.startsAt, now, space, priceCents);
  return {
    priceTier: tier,
    priceCents,
    depositCents: space.priceUnit === 'free' || input.isFreeEvent ? 0 : space.depositCents,
    freeCancellationUntil: terms.freeUntil,
    cancellationFeeCents: Math.round((priceCents * space.cancellationFeePercent) / 100),
  };
}

export interface Placement {
  space: Space;
  leaves: string[];
  startsAt: Date;
  endsAt: Date;
  title: string;
  status: BookingStatus;
  expiresAt: Date | null;
  requester: User | null;
  organisation: Organisation | null;
  quote: Quote;
  isFreeEvent: boolean;
  series?: BookingSeries | null;
  bookedBy?: User | null;
  guest?: { name: string; phone: string; email: string | null; consentAt: Date } | null;
  // The occurrences of a series share one reference number, so one transfer pays them all.
  referenceNumber?: string | null;
}

export async function nextReferenceNumber(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ value: string }[]>(`select nextval('booking_reference_seq')::text as value`);
  return finnishReference(row!.value);
}

function bookingOf(em: EntityManager, placement: Placement, referenceNumber: string | null, persist: boolean): Booking {
  return em.create(
    Booking,
    {
      space: placement.space,
      requester: placement.requester,
      organisation: placement.organisation,
      title: placement.title,
      status: placement.status,
      startsAt: placement.startsAt,
      endsAt: placement.endsAt,
      expiresAt: placement.expiresAt,
      series: placement.series ?? null,
      bookedBy: placement.bookedBy ?? null,
      guestName: placement.guest?.name ?? null,
      guestPhone: placement.guest?.phone ?? null,
      guestEmail: placement.guest?.email ?? null,
      guestConsentAt: placement.guest?.consentAt ?? null,
      isFreeEvent: placement.isFreeEvent,
      priceTier: placement.quote.priceTier,
      priceCents: placement.quote.priceCents,
      depositCents: placement.quote.depositCents,
      referenceNumber,
    },
    { persist },
  );
}

async function referenceFor(em: EntityManager, placement: Placement): Promise<string | null> {
  const toPay = placement.quote.priceCents + placement.quote.depositCents;
  return toPay > 0 ? (placement.referenceNumber ?? (await nextReferenceNumber(em))) : null;
}

// Writes a booking and one occupancy row per leaf space, then flushes: this is where the exclusion
// constraint answers. Something to pay gets a bank reference number from a sequence. For callers
// that change the booking further in the same transaction (series, waitlist, assisted booking).
// Bookings of one venue are written one at a time (ADR 025): two transactions inserting overlapping
// occupancies at once each wait for the other's row in the exclusion constraint's index, and
// PostgreSQL gives one up as a deadlock. Queued on this lock, the later one finds the earlier one
// committed and is refused cleanly (23P01, a 409). The constraint stays the rule; the lock only
// orders the writers. Held to the end of the transaction.
export const VENUE_WRITE_LOCK_SQL = `select pg_advisory_xact_lock(hashtextextended('booking-venue:' || ?, 0))`;

async function lockVenueWrites(em: EntityManager, placement: Placement): Promise<void> {
  await em.execute(VENUE_WRITE_LOCK_SQL, [placement.space.venue.id]);
}

export async function placeBooking(em: EntityManager, placement: Placement): Promise<Booking> {
  await lockVenueWrites(em, placement);
  const booking = bookingOf(em, placement, await referenceFor(em, placement), true);
  const occupied = occupiedInterval(placement.startsAt, placement.endsAt, placement.space);
  for (const leafId of placement.leaves) {
    em.create(BookingOccupancy, { booking, leafSpace: em.getReference(Space, leafId), ...occupied, isBlocking: true });
  }
  await em.flush();
  return booking;
}

// The write path to copy (docs/adding-a-domain.md): the booking and its occupancies as two insert
// statements outside the unit of work, so the commit has no change set to compute for them. The
// returned booking is not managed: a caller that changes it afterwards must use placeBooking.
export async function insertBooking(em: EntityManager, placement: Placement): Promise<Booking> {
  await lockVenueWrites(em, placement);
  const booking = bookingOf(em, placement, await referenceFor(em, placement), false);
  await em.insert(booking);
  const occupied = occupiedInterval(placement.startsAt, placement.endsAt, placement.space);
  await em.insertMany(
    BookingOccupancy,
    // Plain rows skip the entity's initialisers: the id is given here.
    placement.leaves.map((leafId) => ({
      id: randomUUID(),
      booking: booking.id,
      leafSpace: leafId,
      ...occupied,
      isBlocking: true,
    })),
  );
  return booking;
}

export function isExclusionViolation(error: unknown): boolean {
  const candidate = error as { code?: string; sqlState?: string; cause?: { code?: string } };
  return candidate.code === '23P01' || candidate.sqlState === '23P01' || candidate.cause?.code === '23P01';
}
