import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, LockMode, MikroORM } from '@mikro-orm/postgresql';
import { Membership, Organisation, User } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, conflict, forbidden, notFound, ruleViolation } from '@talkoot/platform';
import { Booking, BookingOccupancy } from './booking.entity.js';
import { notifyBookingUpdate } from './booking-notifications.js';
import { lengthProblem, occupiedInterval, requestExpiry } from './booking.rules.js';
import { findLeafSpaceIds } from './space-tree.js';
import { Space } from './space.entity.js';
import type { BookingListItem, BookingStatus, BookingView } from './venue.schemas.js';

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

function isExclusionViolation(error: unknown): boolean {
  const candidate = error as { code?: string; sqlState?: string; cause?: { code?: string } };
  return candidate.code === '23P01' || candidate.sqlState === '23P01' || candidate.cause?.code === '23P01';
}

export interface BookingRequest {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  organisationId: string | null;
  requesterId: string;
}

function toListItem(booking: Booking): BookingListItem {
  return {
    ...toBookingView(booking),
    space: { id: booking.space.id, name: booking.space.name },
    venue: { id: booking.space.venue.id, name: booking.space.venue.name, address: booking.space.venue.address, paymentIban: booking.space.venue.paymentIban },
    keyInstructions: booking.status === 'approved' ? booking.space.venue.keyInstructions : null,
    requester: booking.requester ? { name: booking.requester.name, email: booking.requester.email } : null,
    organisation: booking.organisation ? { id: booking.organisation.id, name: booking.organisation.name } : null,
  };
}

const listPopulate = ['space.venue', 'requester', 'organisation'] as const;

@Injectable()
export class BookingService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Bookings of the organisation's venues, soonest first: what its coordinators decide on.
  async listForOwner(organisationId: string, status?: BookingStatus): Promise<{ bookings: BookingListItem[] }> {
    const bookings = await this.orm.em.fork().find(
      Booking,
      { space: { venue: { organisation: organisationId } }, ...(status ? { status } : {}) },
      { populate: listPopulate, orderBy: { startsAt: 'asc' }, limit: 500 },
    );
    return { bookings: bookings.map(toListItem) };
  }

  async listMine(userId: string): Promise<{ bookings: BookingListItem[] }> {
    const bookings = await this.orm.em.fork().find(Booking, { requester: userId }, { populate: listPopulate, orderBy: { startsAt: 'asc' }, limit: 500 });
    return { bookings: bookings.map(toListItem) };
  }

  // The database decides about overlaps (exclusion constraint); this only checks the space's own
  // rules first and turns the database's refusal into a 409 that names the taken slot.
  async requestBooking(request: BookingRequest): Promise<BookingView> {
    try {
      return await this.orm.em.fork().transactional(async (em) => {
        const space = await em.findOne(Space, { id: request.spaceId }, { populate: ['venue', 'venue.organisation'] });
        if (!space) throw notFound('The space');
        await this.assertMayBook(em, space, request);
        const problem = lengthProblem(request.startsAt, request.endsAt, space);
        if (problem) throw ruleViolation(problem, { endsAt: problem });
        if (request.startsAt.getTime() < Date.now()) throw ruleViolation('The booking must start in the future', { startsAt: 'Choose a time in the future' });
        const leaves = await findLeafSpaceIds(em, space);
        const status: BookingStatus = space.isApprovalRequired ? 'requested' : 'approved';
        const booking = em.create(Booking, {
          space,
          requester: em.getReference(User, request.requesterId),
          organisation: request.organisationId ? em.getReference(Organisation, request.organisationId) : null,
          title: request.title,
          status,
          startsAt: request.startsAt,
          endsAt: request.endsAt,
          createdAt: new Date(),
          expiresAt: status === 'requested' ? requestExpiry(new Date(), request.startsAt, this.config.BOOKING_REQUEST_DAYS) : null,
        });
        const occupied = occupiedInterval(request.startsAt, request.endsAt, space);
        for (const leafId of leaves) {
          em.create(BookingOccupancy, { booking, leafSpace: em.getReference(Space, leafId), ...occupied, isBlocking: true });
        }
        await em.flush();
        await notifyBookingUpdate(em, booking, status, { publicOrigin: this.config.publicOrigin });
        return toBookingView(booking);
      });
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      throw await this.describeConflict(request);
    }
  }

  async decide(organisationId: string, bookingId: string, decision: 'approved' | 'denied', deciderId: string, reason?: string): Promise<BookingView> {
    return this.orm.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, bookingId);
      if (booking.space.venue.organisation.id !== organisationId) throw notFound('The booking');
      if (booking.status !== 'requested') throw ruleViolation(`This booking is ${booking.status}, not waiting for a decision`);
      booking.status = decision;
      booking.expiresAt = null;
      booking.decidedAt = new Date();
      booking.decidedBy = em.getReference(User, deciderId);
      booking.decisionReason = reason ?? null;
      if (decision === 'denied') await this.releaseSlot(em, booking);
      await notifyBookingUpdate(em, booking, decision, { publicOrigin: this.config.publicOrigin, reason });
      return toBookingView(booking);
    });
  }

  async cancel(bookingId: string, userId: string): Promise<BookingView> {
    return this.orm.em.fork().transactional(async (em) => {
      const booking = await this.lockBooking(em, bookingId);
      if (booking.requester?.id !== userId) throw forbidden('Only the person who made the booking can cancel it');
      if (booking.status !== 'requested' && booking.status !== 'approved') throw ruleViolation(`This booking is already ${booking.status}`);
      booking.status = 'cancelled';
      await this.releaseSlot(em, booking);
      await notifyBookingUpdate(em, booking, 'cancelled', { publicOrigin: this.config.publicOrigin });
      return toBookingView(booking);
    });
  }

  private async lockBooking(em: EntityManager, bookingId: string): Promise<Booking> {
    const booking = await em.findOne(Booking, { id: bookingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!booking) throw notFound('The booking');
    await em.populate(booking, ['space.venue.organisation', 'requester']);
    return booking;
  }

  // A denied or cancelled booking stops blocking: its rows leave the exclusion constraint.
  private async releaseSlot(em: EntityManager, booking: Booking): Promise<void> {
    await em.nativeUpdate(BookingOccupancy, { booking: booking.id }, { isBlocking: false });
  }

  private async assertMayBook(em: EntityManager, space: Space, request: BookingRequest): Promise<void> {
    if (request.organisationId) {
      const isMember = await em.count(Membership, { user: request.requesterId, organisation: request.organisationId });
      if (!isMember) throw forbidden('You can book for an organisation only as its member');
    }
    if (space.bookableBy === 'members') {
      const isOwnMember = await em.count(Membership, { user: request.requesterId, organisation: space.venue.organisation.id });
      if (!isOwnMember) throw forbidden(`Only members of ${space.venue.organisation.name} can book this space`);
    }
    if (space.bookableBy === 'region' && !request.organisationId) {
      throw new DomainError('validation_failed', 'Check the marked fields', { organisationId: 'This space is booked by organisations: choose yours' });
    }
  }

  private async describeConflict(request: BookingRequest): Promise<DomainError> {
    const em = this.orm.em.fork();
    const space = await em.findOne(Space, { id: request.spaceId });
    const leaves = space ? await findLeafSpaceIds(em, space) : [];
    const occupied = space ? occupiedInterval(request.startsAt, request.endsAt, space) : request;
    const taken = await em.findOne(
      BookingOccupancy,
      { leafSpace: { $in: leaves }, isBlocking: true, startsAt: { $lt: occupied.endsAt }, endsAt: { $gt: occupied.startsAt } },
      { orderBy: { startsAt: 'asc' } },
    );
    return conflict('The space is already booked or requested for that time', {
      conflict: taken ? { startsAt: taken.startsAt.toISOString(), endsAt: taken.endsAt.toISOString() } : null,
    });
  }
}
