import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, LockMode, MikroORM } from '@mikro-orm/postgresql';
import { Membership, Organisation, User } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound, retryTransientConflicts } from '@talkoot/platform';
import type { Language } from '@talkoot/platform/schemas';
import { Booking, BookingOccupancy, WaitlistEntry } from './booking.entity.js';
import { notifyBookingUpdate } from './booking-notifications.js';
import { insertBooking, isExclusionViolation, placeBooking, quoteFor } from './booking-placement.js';
import { occupiedInterval, requestExpiry, timeProblem, timeProblemError } from './booking.rules.js';
import { cancellationTerms } from './cancellation.js';
import { findLeafSpaceIds } from './space-tree.js';
import { Space } from './space.entity.js';
import { bookingErrors } from './venues.errors.js';
import type { BookingListItem, BookingStatus, BookingView, QuoteView } from './booking.schemas.js';

export function toBookingView(booking: Booking): BookingView {
  return {
    id: booking.id,
    spaceId: booking.space.id,
    title: booking.title,
    status: booking.status,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    decisionReason: booking.decisionReason,
    seriesId: booking.series?.id ?? null,
    isFreeEvent: booking.isFreeEvent,
    priceTier: booking.priceTier,
    priceCents: booking.priceCents,
    depositCents: booking.depositCents,
    referenceNumber: booking.referenceNumber,
    paidAt: booking.paidAt?.toISOString() ?? null,
    cancellationFeeCents: booking.cancellationFeeCents,
    expiresAt: booking.expiresAt?.toISOString() ?? null,
    guest: booking.guestName ? { name: booking.guestName, phone: booking.guestPhone ?? '', email: booking.guestEmail } : null,
  };
}

export interface BookingRequest {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  organisationId: string | null;
  requesterId: string;
  // The signed-in requester as the access guard loaded them: their mail needs no second read.
  requester?: { name: string; email: string; language: Language };
  isFreeEvent?: boolean;
}

export interface AssistedBookingRequest {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  guestName: string;
  guestPhone: string;
  guestEmail: string | null;
}

function toListItem(booking: Booking): BookingListItem {
  const venue = booking.space.venue;
  return {
    ...toBookingView(booking),
    space: { id: booking.space.id, name: booking.space.name },
    venue: { id: venue.id, name: venue.name, address: venue.address, paymentIban: venue.paymentIban },
    keyInstructions: booking.status === 'approved' ? venue.keyInstructions : null,
    requester: booking.requester ? { name: booking.requester.name, email: booking.requester.email } : null,
    organisation: booking.organisation ? { id: booking.organisation.id, name: booking.organisation.name } : null,
  };
}

const listPopulate = ['space.venue', 'requester', 'organisation'] as const;

export const WAITLIST_OFFER_HOURS = 48;

// Which of these organisations the requester belongs to, as plain rows (the raw benchmark route
// runs this very text): the owner, and the organisation booked for if any.
export function memberOfSql(organisations: number): string {
  return `select "organisation_id" from "memberships" where "user_id" = ? and "organisation_id" in (${Array(organisations).fill('?').join(', ')})`;
}

@Injectable()
export class BookingService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Bookings of the organisation's venues, soonest first: what its coordinators decide on.
  async listForOwner(organisationId: string, status?: BookingStatus): Promise<{ bookings: BookingListItem[] }> {
    const bookings = await this.orm.em
      .fork()
      .find(
        Booking,
        { space: { venue: { organisation: organisationId } }, ...(status ? { status } : {}) },
        { populate: listPopulate, orderBy: { startsAt: 'asc' }, limit: 500 },
      );
    return { bookings: bookings.map(toListItem) };
  }

  async getForOwner(organisationId: string, bookingId: string): Promise<{ booking: BookingListItem }> {
    const booking = await this.orm.em
      .fork()
      .findOne(Booking, { id: bookingId, space: { venue: { organisation: organisationId } } }, { populate: listPopulate });
    if (!booking) throw notFound('The booking');
    return { booking: toListItem(booking) };
  }

  async listMine(userId: string): Promise<{ bookings: BookingListItem[] }> {
    const bookings = await this.orm.em
      .fork()
      .find(Booking, { requester: userId }, { populate: listPopulate, orderBy: { startsAt: 'asc' }, limit: 500 });
    return { bookings: bookings.map(toListItem) };
  }

  // What the requester would pay and on what terms, and whether the space's rules allow the time.
  async quote(
    spaceId: string,
    input: { startsAt: Date; endsAt: Date; organisationId?: string; isFreeEvent: boolean },
    requesterId: string,
  ): Promise<{ quote: QuoteView }> {
    const em = this.orm.em.fork();
    const space = await this.loadSpace(em, spaceId);
    if (input.organisationId && !(await em.count(Membership, { user: requesterId, organisation: input.organisationId }))) {
      throw new DomainError(bookingErrors.not_member_of_organisation, 'You can book for an organisation only as its member');
    }
    const now = new Date();
    const quote = await quoteFor(em, space, { ...input, organisationId: input.organisationId ?? null, requesterId }, now);
    const problem = timeProblem(input.startsAt, input.endsAt, space, now);
    return {
      quote: {
        priceTier: quote.priceTier,
        priceCents: quote.priceCents,
        depositCents: quote.depositCents,
        isApprovalRequired: space.isApprovalRequired || input.isFreeEvent,
        freeCancellationUntil: quote.freeCancellationUntil.toISOString(),
        cancellationFeeCents: quote.cancellationFeeCents,
        problem: problem?.message ?? null,
        problemReason: problem?.reason ?? null,
      },
    };
  }

  // The database decides about overlaps (exclusion constraint); this only checks the space's own
  // rules first and turns the database's refusal into a 409 that names the taken slot.
  async requestBooking(request: BookingRequest): Promise<BookingView> {
    try {
      // Simultaneous requests for one slot can deadlock in the constraint's index: run the victim again.
      return await retryTransientConflicts(() =>
        this.orm.em.fork().transactional(async (em) => {
          const space = await this.loadSpace(em, request.spaceId);
          const isOwnerMember = await this.assertMayBook(em, space, request);
          const now = new Date();
          const problem = timeProblem(request.startsAt, request.endsAt, space, now);
          if (problem) throw timeProblemError(problem);
          const isFreeEvent = request.isFreeEvent ?? false;
          // An open public event asks for the space free of charge: the owner always decides.
          const status: BookingStatus = space.isApprovalRequired || isFreeEvent ? 'requested' : 'approved';
          const booking = await insertBooking(em, {
            space,
            leaves: await findLeafSpaceIds(em, space),
            startsAt: request.startsAt,
            endsAt: request.endsAt,
            title: request.title,
            status,
            expiresAt: status === 'requested' ? requestExpiry(now, request.startsAt, this.config.BOOKING_REQUEST_DAYS) : null,
            requester: em.getReference(User, request.requesterId),
            organisation: request.organisationId ? em.getReference(Organisation, request.organisationId) : null,
            quote: await quoteFor(em, space, { ...request, isFreeEvent, requesterIsOwnerMember: isOwnerMember }, now),
            isFreeEvent,
          });
          await notifyBookingUpdate(em, booking, status, {
            publicOrigin: this.config.publicOrigin,
            ...(request.requester ? { booker: request.requester } : {}),
          });
          return toBookingView(booking);
        }),
      );
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      throw await this.describeConflict(request);
    }
  }

  // A coordinator of the owner books for a resident without an account (by phone, at the village
  // shop): confirmed at once, the resident's consent recorded, the confirmation mailed if possible.
  async bookForResident(organisationId: string, request: AssistedBookingRequest, coordinatorId: string): Promise<BookingView> {
    try {
      return await retryTransientConflicts(() =>
        this.orm.em.fork().transactional(async (em) => {
          const space = await this.loadSpace(em, request.spaceId);
          if (space.venue.organisation.id !== organisationId) throw notFound('The space');
          const now = new Date();
          const problem = timeProblem(request.startsAt, request.endsAt, space, now, { ignoreWindow: true });
          if (problem) throw timeProblemError(problem);
          const booking = await placeBooking(em, {
            space,
            leaves: await findLeafSpaceIds(em, space),
            startsAt: request.startsAt,
            endsAt: request.endsAt,
            title: request.title,
            status: 'approved',
            expiresAt: null,
            requester: null,
            organisation: null,
            quote: await quoteFor(em, space, { ...request, organisationId: null, requesterId: null, isFreeEvent: false }, now),
            isFreeEvent: false,
            bookedBy: em.getReference(User, coordinatorId),
            guest: { name: request.guestName, phone: request.guestPhone, email: request.guestEmail, consentAt: now },
          });
          booking.decidedAt = now;
          booking.decidedBy = em.getReference(User, coordinatorId);
          await notifyBookingUpdate(em, booking, 'assisted', { publicOrigin: this.config.publicOrigin });
          return toBookingView(booking);
        }),
      );
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      throw await this.describeConflict(request);
    }
  }

  async decide(
    organisationId: string,
    bookingId: string,
    decision: 'approved' | 'denied',
    deciderId: string,
    reason?: string,
  ): Promise<BookingView> {
    return this.orm.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, bookingId);
      if (booking.space.venue.organisation.id !== organisationId) throw notFound('The booking');
      if (booking.status !== 'requested')
        throw new DomainError(bookingErrors.not_requested, `This booking is ${booking.status}, not waiting for a decision`);
      booking.status = decision;
      booking.expiresAt = null;
      booking.decidedAt = new Date();
      booking.decidedBy = em.getReference(User, deciderId);
      booking.decisionReason = reason ?? null;
      if (decision === 'denied') await releaseSlot(em, booking);
      await notifyBookingUpdate(em, booking, decision, { publicOrigin: this.config.publicOrigin, reason });
      return toBookingView(booking);
    });
  }

  // Cancelling after the free period costs the space's late fee, which the booking keeps on record.
  // Declining a waiting-list offer is a cancellation too, and gives up the place in line.
  async cancel(bookingId: string, userId: string): Promise<BookingView> {
    return this.orm.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, bookingId);
      if (booking.requester?.id !== userId)
        throw new DomainError(bookingErrors.not_yours, 'Only the person who made the booking can cancel it');
      return this.cancelLocked(em, booking);
    });
  }

  // A resident booked by a coordinator has no account to cancel with: they call the owner, and
  // the owner's coordinators cancel it for them (on the same terms).
  async cancelForResident(organisationId: string, bookingId: string): Promise<BookingView> {
    return this.orm.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, bookingId);
      if (booking.space.venue.organisation.id !== organisationId) throw notFound('The booking');
      if (booking.requester || !booking.guestName)
        throw new DomainError(
          bookingErrors.not_for_resident,
          'Only a booking made for a resident can be cancelled here; its requester cancels any other',
        );
      return this.cancelLocked(em, booking);
    });
  }

  private async cancelLocked(em: EntityManager, booking: Booking): Promise<BookingView> {
    if (booking.status !== 'requested' && booking.status !== 'approved' && booking.status !== 'offered')
      throw new DomainError(bookingErrors.not_active, `This booking is already ${booking.status}`);
    const now = new Date();
    if (booking.status === 'approved')
      booking.cancellationFeeCents = cancellationTerms(booking.startsAt, now, booking.space, booking.priceCents).feeCents;
    if (booking.status === 'offered') await em.nativeUpdate(WaitlistEntry, { offer: booking.id }, { status: 'withdrawn' });
    booking.status = 'cancelled';
    booking.cancelledAt = now;
    booking.expiresAt = null;
    await releaseSlot(em, booking);
    await notifyBookingUpdate(em, booking, 'cancelled', { publicOrigin: this.config.publicOrigin });
    return toBookingView(booking);
  }

  // Taking up a waiting-list offer turns the held slot into a request (or a booking, for spaces
  // that confirm at once), priced now.
  async acceptOffer(bookingId: string, userId: string): Promise<BookingView> {
    return this.orm.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, bookingId);
      if (booking.requester?.id !== userId)
        throw new DomainError(bookingErrors.not_yours, 'Only the person the offer was made to can accept it');
      if (booking.status !== 'offered')
        throw new DomainError(bookingErrors.not_offered, `This booking is ${booking.status}, not an open offer`);
      const now = new Date();
      if (booking.expiresAt && booking.expiresAt <= now)
        throw new DomainError(bookingErrors.offer_expired, 'The offer has expired');
      const status: BookingStatus = booking.space.isApprovalRequired ? 'requested' : 'approved';
      booking.status = status;
      booking.expiresAt = status === 'requested' ? requestExpiry(now, booking.startsAt, this.config.BOOKING_REQUEST_DAYS) : null;
      await em.nativeUpdate(WaitlistEntry, { offer: booking.id }, { status: 'booked' });
      await notifyBookingUpdate(em, booking, status, { publicOrigin: this.config.publicOrigin });
      return toBookingView(booking);
    });
  }

  // The owner's coordinators mark a bank transfer as arrived (or undo a mistaken mark).
  async markPaid(organisationId: string, bookingId: string, paid: boolean): Promise<BookingView> {
    return this.orm.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, bookingId);
      if (booking.space.venue.organisation.id !== organisationId) throw notFound('The booking');
      if (booking.priceCents + booking.depositCents === 0)
        throw new DomainError(bookingErrors.nothing_to_pay, 'This booking has nothing to pay', {
          paid: 'This booking has nothing to pay',
        });
      booking.paidAt = paid ? (booking.paidAt ?? new Date()) : null;
      return toBookingView(booking);
    });
  }

  private async loadSpace(em: EntityManager, spaceId: string): Promise<Space> {
    const space = await em.findOne(Space, { id: spaceId }, { populate: ['venue', 'venue.organisation'] });
    if (!space) throw notFound('The space');
    return space;
  }

  private async lockBooking(em: EntityManager, bookingId: string): Promise<Booking> {
    const booking = await em.findOne(Booking, { id: bookingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!booking) throw notFound('The booking');
    await em.populate(booking, ['space.venue.organisation', 'requester']);
    return booking;
  }

  // One query for both questions: is the requester a member of the organisation they book for,
  // and of the owner? Returns the latter (it sets the price tier).
  async assertMayBook(
    em: EntityManager,
    space: Space,
    request: { organisationId: string | null; requesterId: string },
  ): Promise<boolean> {
    const ownerId = space.venue.organisation.id;
    const organisations = request.organisationId ? [ownerId, request.organisationId] : [ownerId];
    const memberships = await em.execute<{ organisation_id: string }[]>(memberOfSql(organisations.length), [
      request.requesterId,
      ...organisations,
    ]);
    const memberOf = new Set(memberships.map((membership) => membership.organisation_id));
    if (request.organisationId && !memberOf.has(request.organisationId))
      throw new DomainError(bookingErrors.not_member_of_organisation, 'You can book for an organisation only as its member');
    if (space.bookableBy === 'members' && !memberOf.has(ownerId))
      throw new DomainError(bookingErrors.members_only, `Only members of ${space.venue.organisation.name} can book this space`);
    if (space.bookableBy === 'region' && !request.organisationId) {
      throw new DomainError(bookingErrors.organisation_required, 'Check the marked fields', {
        organisationId: 'This space is booked by organisations: choose yours',
      });
    }
    return memberOf.has(ownerId);
  }

  async describeConflict(request: { spaceId: string; startsAt: Date; endsAt: Date }): Promise<DomainError> {
    const em = this.orm.em.fork();
    const space = await em.findOne(Space, { id: request.spaceId });
    const leaves = space ? await findLeafSpaceIds(em, space) : [];
    const occupied = space ? occupiedInterval(request.startsAt, request.endsAt, space) : request;
    const taken = await em.findOne(
      BookingOccupancy,
      { leafSpace: { $in: leaves }, isBlocking: true, startsAt: { $lt: occupied.endsAt }, endsAt: { $gt: occupied.startsAt } },
      { orderBy: { startsAt: 'asc' } },
    );
    return new DomainError(bookingErrors.slot_taken, 'The space is already booked or requested for that time', undefined, {
      conflict: taken ? { startsAt: taken.startsAt.toISOString(), endsAt: taken.endsAt.toISOString() } : null,
    });
  }
}

// A denied, cancelled or expired booking stops blocking: its rows leave the exclusion constraint.
// A waiting list behind it gets its offer from the worker's next sweep.
export async function releaseSlot(em: EntityManager, booking: Booking): Promise<void> {
  await em.nativeUpdate(BookingOccupancy, { booking: booking.id }, { isBlocking: false });
}
