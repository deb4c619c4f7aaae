import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EntityManager, LockMode, MikroORM } from '@mikro-orm/postgresql';
import { Organisation, User } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, addMinutes, notFound } from '@talkoot/platform';
import { BookingOccupancy, WaitlistEntry } from './booking.entity.js';
import { notifyBookingUpdate } from './booking-notifications.js';
import { isExclusionViolation, placeBooking, quoteFor } from './booking-placement.js';
import { BookingService, WAITLIST_OFFER_HOURS } from './booking.service.js';
import { occupiedInterval, timeProblem, timeProblemError } from './booking.rules.js';
import { findLeafSpaceIds } from './space-tree.js';
import { Space } from './space.entity.js';
import { waitlistErrors } from './venues.errors.js';
import type { WaitlistEntryView } from './waitlist.schemas.js';

export interface WaitlistRequest {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  organisationId: string | null;
}

// Queueing for a taken slot. The worker's sweep (offerFreedSlots) gives a freed slot to the first
// in line as an `offered` booking that holds it for 48 hours; an offer that lapses frees the slot
// for the next one in line on the following sweep.
@Injectable()
export class WaitlistService {
  private readonly logger = new Logger('Waitlist');

  constructor(
    private readonly orm: MikroORM,
    private readonly bookings: BookingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async join(request: WaitlistRequest, userId: string): Promise<{ entry: WaitlistEntryView }> {
    const entryId = await this.orm.em.fork().transactional(async (em) => {
      const space = await em.findOne(Space, { id: request.spaceId }, { populate: ['venue', 'venue.organisation'] });
      if (!space) throw notFound('The space');
      await this.bookings.assertMayBook(em, space, { organisationId: request.organisationId, requesterId: userId });
      const problem = timeProblem(request.startsAt, request.endsAt, space, new Date());
      if (problem) throw timeProblemError(problem);
      if (!(await this.isTaken(em, space, request.startsAt, request.endsAt))) {
        throw new DomainError(waitlistErrors.time_free, 'That time is free: book it instead of queueing', {
          startsAt: 'That time is free: book it instead',
        });
      }
      const duplicate = await em.count(WaitlistEntry, {
        user: userId,
        space: space.id,
        status: { $in: ['waiting', 'offered'] },
        startsAt: { $lt: request.endsAt },
        endsAt: { $gt: request.startsAt },
      });
      if (duplicate) throw new DomainError(waitlistErrors.already_queued, 'You are already in line for this time');
      const entry = em.create(WaitlistEntry, {
        space,
        user: em.getReference(User, userId),
        organisation: request.organisationId ? em.getReference(Organisation, request.organisationId) : null,
        title: request.title,
        startsAt: request.startsAt,
        endsAt: request.endsAt,
      });
      await em.flush();
      return entry.id;
    });
    return { entry: await this.view(entryId) };
  }

  async listMine(userId: string): Promise<{ entries: WaitlistEntryView[] }> {
    const em = this.orm.em.fork();
    const entries = await em.find(
      WaitlistEntry,
      { user: userId, status: { $in: ['waiting', 'offered'] } },
      { orderBy: { startsAt: 'asc' } },
    );
    return { entries: await Promise.all(entries.map((entry) => this.view(entry.id))) };
  }

  async withdraw(entryId: string, userId: string): Promise<{ entry: WaitlistEntryView }> {
    const offerId = await this.orm.em.fork().transactional(async (em) => {
      const entry = await em.findOne(WaitlistEntry, { id: entryId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!entry) throw notFound('The place in line');
      if (entry.user.id !== userId) throw new DomainError(waitlistErrors.not_yours, 'Only the person in line can leave it');
      if (entry.status !== 'waiting' && entry.status !== 'offered')
        throw new DomainError(waitlistErrors.not_active, `This place in line is already ${entry.status}`);
      const offer = entry.status === 'offered' ? (entry.offer?.id ?? null) : null;
      if (!offer) entry.status = 'withdrawn';
      return offer;
    });
    // Leaving the line with an open offer declines the offer, which frees the slot for the next one.
    if (offerId) await this.bookings.cancel(offerId, userId);
    return { entry: await this.view(entryId) };
  }

  // One transaction per entry, oldest first: the first in line for a freed slot gets it, the
  // others find it held by that offer (the exclusion constraint refuses them) and keep waiting.
  async offerFreedSlots(now = new Date()): Promise<string[]> {
    const waiting = await this.orm.em
      .fork()
      .find(WaitlistEntry, { status: 'waiting', startsAt: { $gt: now } }, { orderBy: { createdAt: 'asc' }, limit: 500 });
    const offered: string[] = [];
    for (const candidate of waiting) {
      try {
        const made = await this.orm.em.fork().transactional(async (em) => {
          const entry = await em.findOne(
            WaitlistEntry,
            { id: candidate.id, status: 'waiting' },
            { lockMode: LockMode.PESSIMISTIC_WRITE },
          );
          if (!entry) return false;
          await em.populate(entry, ['space.venue.organisation', 'user', 'organisation']);
          const space = entry.space;
          if (!(await this.isFree(em, space, entry.startsAt, entry.endsAt))) return false;
          const booking = await placeBooking(em, {
            space,
            leaves: await findLeafSpaceIds(em, space),
            startsAt: entry.startsAt,
            endsAt: entry.endsAt,
            title: entry.title,
            status: 'offered',
            expiresAt:
              addMinutes(now, WAITLIST_OFFER_HOURS * 60) < entry.startsAt
                ? addMinutes(now, WAITLIST_OFFER_HOURS * 60)
                : entry.startsAt,
            requester: entry.user,
            organisation: entry.organisation,
            quote: await quoteFor(
              em,
              space,
              {
                startsAt: entry.startsAt,
                endsAt: entry.endsAt,
                organisationId: entry.organisation?.id ?? null,
                requesterId: entry.user.id,
                isFreeEvent: false,
              },
              now,
            ),
            isFreeEvent: false,
          });
          entry.status = 'offered';
          entry.offer = booking;
          await notifyBookingUpdate(em, booking, 'offered', { publicOrigin: this.config.publicOrigin });
          return true;
        });
        if (made) offered.push(candidate.id);
      } catch (error) {
        if (!isExclusionViolation(error)) throw error;
      }
    }
    if (offered.length) this.logger.log(`${offered.length} waiting-list offer(s) made`);
    return offered;
  }

  private async isTaken(em: EntityManager, space: Space, startsAt: Date, endsAt: Date): Promise<boolean> {
    return !(await this.isFree(em, space, startsAt, endsAt));
  }

  private async isFree(em: EntityManager, space: Space, startsAt: Date, endsAt: Date): Promise<boolean> {
    const leaves = await findLeafSpaceIds(em, space);
    const occupied = occupiedInterval(startsAt, endsAt, space);
    const overlapping = await em.count(BookingOccupancy, {
      leafSpace: { $in: leaves },
      isBlocking: true,
      startsAt: { $lt: occupied.endsAt },
      endsAt: { $gt: occupied.startsAt },
    });
    return overlapping === 0;
  }

  private async view(entryId: string): Promise<WaitlistEntryView> {
    const em = this.orm.em.fork();
    const entry = await em.findOneOrFail(WaitlistEntry, { id: entryId }, { populate: ['space.venue', 'offer'] });
    const ahead =
      entry.status === 'waiting'
        ? await em.count(WaitlistEntry, {
            space: entry.space.id,
            status: 'waiting',
            createdAt: { $lt: entry.createdAt },
            startsAt: { $lt: entry.endsAt },
            endsAt: { $gt: entry.startsAt },
          })
        : null;
    return {
      id: entry.id,
      space: { id: entry.space.id, name: entry.space.name },
      venue: { id: entry.space.venue.id, name: entry.space.venue.name },
      title: entry.title,
      startsAt: entry.startsAt.toISOString(),
      endsAt: entry.endsAt.toISOString(),
      status: entry.status,
      offer:
        entry.offer && entry.status === 'offered'
          ? { bookingId: entry.offer.id, expiresAt: entry.offer.expiresAt?.toISOString() ?? null }
          : null,
      position: ahead === null ? null : ahead + 1,
    };
  }
}
