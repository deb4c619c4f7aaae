import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Organisation, User } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound } from '@talkoot/platform';
import type { z } from 'zod';
import { Booking, BookingSeries } from './booking.entity.js';
import { notifySeriesUpdate } from './booking-notifications.js';
import { isExclusionViolation, nextReferenceNumber, placeBooking, quoteFor } from './booking-placement.js';
import { BookingService, releaseSlot, toBookingView } from './booking.service.js';
import { requestExpiry, timeProblem } from './booking.rules.js';
import { MAX_SERIES_OCCURRENCES, expandSeries } from './recurrence.js';
import { findLeafSpaceIds } from './space-tree.js';
import { Space } from './space.entity.js';
import { bookingErrors, seriesErrors } from './venues.errors.js';
import type { seriesConflictReasonSchema, seriesCreateSchema } from './booking-series.schemas.js';
import type { BookingStatus, BookingView } from './booking.schemas.js';

type SeriesInput = z.output<typeof seriesCreateSchema>;

export interface SeriesConflict {
  date: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  problemReason: z.output<typeof seriesConflictReasonSchema>;
}

// A recurring booking: every free occurrence is booked in one transaction, each in its own
// savepoint so a taken date is listed instead of failing the rest. One mail for the whole series.
@Injectable()
export class BookingSeriesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bookings: BookingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(input: SeriesInput, requesterId: string) {
    const occurrences = expandSeries({ startsAt: input.startsAt, endsAt: input.endsAt }, input.rule);
    if (!occurrences.length)
      throw new DomainError(seriesErrors.no_dates, 'No date of the series falls on a chosen weekday before the last date', {
        'rule.weekdays': 'Choose the weekday of the first date, or a later last date',
      });
    if (occurrences.length > MAX_SERIES_OCCURRENCES) {
      throw new DomainError(
        seriesErrors.too_many_dates,
        `A series has at most ${MAX_SERIES_OCCURRENCES} dates; this one has ${occurrences.length}`,
        { 'rule.until': 'Choose an earlier last date' },
      );
    }
    return this.orm.em.fork().transactional(async (em) => {
      const space = await em.findOne(Space, { id: input.spaceId }, { populate: ['venue', 'venue.organisation'] });
      if (!space) throw notFound('The space');
      await this.bookings.assertMayBook(em, space, { organisationId: input.organisationId, requesterId });
      const series = em.create(BookingSeries, {
        space,
        requester: em.getReference(User, requesterId),
        organisation: input.organisationId ? em.getReference(Organisation, input.organisationId) : null,
        title: input.title,
        rule: input.rule,
      });
      await em.flush();
      const leaves = await findLeafSpaceIds(em, space);
      const now = new Date();
      const status: BookingStatus = space.isApprovalRequired ? 'requested' : 'approved';
      const booked: Booking[] = [];
      const conflicts: SeriesConflict[] = [];
      let referenceNumber: string | null = null;
      for (const occurrence of occurrences) {
        const problem = timeProblem(occurrence.startsAt, occurrence.endsAt, space, now);
        const listed = {
          date: occurrence.date,
          startsAt: occurrence.startsAt.toISOString(),
          endsAt: occurrence.endsAt.toISOString(),
        };
        if (problem) {
          conflicts.push({ ...listed, reason: problem.message, problemReason: problem.reason });
          continue;
        }
        const quote = await quoteFor(
          em,
          space,
          { ...occurrence, organisationId: input.organisationId, requesterId, isFreeEvent: false },
          now,
        );
        if (quote.priceCents + quote.depositCents > 0) referenceNumber ??= await nextReferenceNumber(em);
        try {
          // A nested transaction is a savepoint: a taken date rolls back alone.
          const booking = await em.transactional((inner) =>
            placeBooking(inner, {
              space,
              leaves,
              startsAt: occurrence.startsAt,
              endsAt: occurrence.endsAt,
              title: input.title,
              status,
              expiresAt:
                status === 'requested' ? requestExpiry(now, occurrence.startsAt, this.config.BOOKING_REQUEST_DAYS) : null,
              requester: inner.getReference(User, requesterId),
              organisation: input.organisationId ? inner.getReference(Organisation, input.organisationId) : null,
              quote,
              isFreeEvent: false,
              series: inner.getReference(BookingSeries, series.id),
              referenceNumber,
            }),
          );
          booked.push(booking);
        } catch (error) {
          if (!isExclusionViolation(error)) throw error;
          conflicts.push({ ...listed, reason: 'Already booked or requested', problemReason: bookingErrors.slot_taken.reason });
        }
      }
      if (!booked.length) {
        throw new DomainError(seriesErrors.all_taken, 'None of the dates of the series is free', undefined, { conflicts });
      }
      const loaded = await em.find(
        Booking,
        { id: { $in: booked.map((booking) => booking.id) } },
        { orderBy: { startsAt: 'asc' } },
      );
      await notifySeriesUpdate(em, series, loaded, status, {
        publicOrigin: this.config.publicOrigin,
        conflicts: conflicts.map((item) => ({ startsAt: new Date(item.startsAt), endsAt: new Date(item.endsAt) })),
      });
      return { series: { id: series.id, title: series.title, rule: series.rule }, booked: loaded.map(toBookingView), conflicts };
    });
  }

  // The owner answers a whole series at once: every occurrence still waiting for a decision.
  async decide(
    organisationId: string,
    seriesId: string,
    decision: 'approved' | 'denied',
    deciderId: string,
    reason?: string,
  ): Promise<{ bookings: BookingView[] }> {
    return this.orm.em.fork().transactional(async (em) => {
      const series = await em.findOne(
        BookingSeries,
        { id: seriesId, space: { venue: { organisation: organisationId } } },
        { populate: ['space.venue.organisation'] },
      );
      if (!series) throw notFound('The series');
      const waiting = await this.lockOccurrences(em, seriesId, ['requested']);
      if (!waiting.length)
        throw new DomainError(seriesErrors.nothing_waiting, 'No date of this series is waiting for a decision');
      const now = new Date();
      for (const booking of waiting) {
        booking.status = decision;
        booking.expiresAt = null;
        booking.decidedAt = now;
        booking.decidedBy = em.getReference(User, deciderId);
        booking.decisionReason = reason ?? null;
        if (decision === 'denied') await releaseSlot(em, booking);
      }
      await notifySeriesUpdate(em, series, waiting, decision, { publicOrigin: this.config.publicOrigin, reason });
      return { bookings: waiting.map(toBookingView) };
    });
  }

  // The requester cancels every date still ahead; dates already past stay as they were.
  async cancel(seriesId: string, userId: string): Promise<{ bookings: BookingView[] }> {
    return this.orm.em.fork().transactional(async (em) => {
      const series = await em.findOne(BookingSeries, { id: seriesId }, { populate: ['space.venue.organisation'] });
      if (!series) throw notFound('The series');
      if (series.requester?.id !== userId)
        throw new DomainError(seriesErrors.not_yours, 'Only the person who made the series can cancel it');
      const now = new Date();
      const ahead = (await this.lockOccurrences(em, seriesId, ['requested', 'approved'])).filter(
        (booking) => booking.startsAt > now,
      );
      if (!ahead.length) throw new DomainError(seriesErrors.nothing_ahead, 'No date of this series is left to cancel');
      for (const booking of ahead) {
        booking.status = 'cancelled';
        booking.cancelledAt = now;
        booking.expiresAt = null;
        await releaseSlot(em, booking);
      }
      await notifySeriesUpdate(em, series, ahead, 'cancelled', { publicOrigin: this.config.publicOrigin });
      return { bookings: ahead.map(toBookingView) };
    });
  }

  private async lockOccurrences(em: EntityManager, seriesId: string, statuses: BookingStatus[]): Promise<Booking[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select id from bookings where series_id = ? and status in (${statuses.map(() => '?').join(', ')}) order by starts_at for update`,
      [seriesId, ...statuses],
    );
    if (!rows.length) return [];
    return em.find(
      Booking,
      { id: { $in: rows.map((row) => row.id) } },
      { populate: ['space.venue.organisation', 'requester'], orderBy: { startsAt: 'asc' } },
    );
  }
}
