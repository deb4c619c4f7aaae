import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, LockMode, MikroORM } from '@mikro-orm/postgresql';
import { Organisation, User, Village } from '@talkoot/identity';
import { DomainError, type ErrorReason, notFound } from '@talkoot/platform';
import { placeErrors } from '@talkoot/identity';
import type { z } from 'zod';
import { Event, EventCoOrganiser, EventOccurrence } from './event.entity.js';
import {
  MAX_EVENT_DAYS,
  type EventView,
  type eventCreateSchema,
  type eventUpdateSchema,
  type occurrenceUpdateSchema,
} from './event.schemas.js';
import { EVENT_LINK_LOOKUP, type EventLinkLookup } from './event-links.js';
import { eventErrors } from './events.errors.js';
import { markFeedsStale } from './feed-staleness.js';
import { MAX_EVENT_OCCURRENCES, expandRecurrence } from './recurrence.js';
import { searchTextOf } from './search-text.js';

type EventInput = z.output<typeof eventCreateSchema>;
type EventChange = z.output<typeof eventUpdateSchema>;
type OccurrenceChange = z.output<typeof occurrenceUpdateSchema>;

const invalid = (reason: ErrorReason, field: string, message: string) =>
  new DomainError(reason, 'Check the marked fields', { [field]: message });

function searchTextFor(event: Event, villageName: string): string {
  return searchTextOf([
    event.title.fi,
    event.title.sv,
    event.title.en,
    event.description.fi,
    event.description.sv,
    event.description.en,
    event.placeName,
    event.address,
    villageName,
  ]);
}

export async function toEventView(em: EntityManager, event: Event): Promise<EventView> {
  await em.populate(event, ['organisation', 'village.municipality']);
  const occurrences = await em.find(EventOccurrence, { event: event.id }, { orderBy: { startsAt: 'asc' } });
  const coOrganisers = await em.find(
    EventCoOrganiser,
    { event: event.id },
    { populate: ['organisation'], orderBy: { invitedAt: 'asc' } },
  );
  return {
    id: event.id,
    status: event.status,
    organisation: { id: event.organisation.id, name: event.organisation.name },
    coOrganisers: coOrganisers.map((co) => ({ id: co.organisation.id, name: co.organisation.name, status: co.status })),
    title: event.title,
    description: event.description,
    isAllDay: event.isAllDay,
    venueId: event.venueId,
    bookingId: event.bookingId,
    placeName: event.placeName,
    address: event.address,
    village: { id: event.village.id, name: event.village.name },
    municipality: { id: event.village.municipality.id, name: event.village.municipality.name },
    category: event.category,
    audiences: event.audiences,
    priceCents: event.priceCents,
    accessibility: event.accessibility,
    isRideSharingWelcome: event.isRideSharingWelcome,
    infoUrl: event.infoUrl,
    imageUrl: event.imageAlt ? `/api/events/${event.id}/image?v=${event.updatedAt.getTime()}` : null,
    imageAlt: event.imageAlt,
    recurrence: event.recurrence,
    updatedAt: event.updatedAt.toISOString(),
    occurrences: occurrences.map((occurrence) => ({
      id: occurrence.id,
      eventId: event.id,
      startsAt: occurrence.startsAt.toISOString(),
      endsAt: occurrence.endsAt.toISOString(),
      isCancelled: occurrence.isCancelled,
      note: occurrence.note,
      sequence: occurrence.sequence,
    })),
  };
}

// Organisers write events; every change a subscriber should see bumps the SEQUENCE of the affected
// occurrences and marks the calendar feeds stale in the same transaction (the worker rebuilds them).
@Injectable()
export class EventService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(EVENT_LINK_LOOKUP) private readonly links: EventLinkLookup,
  ) {}

  async create(organisationId: string, input: EventInput, userId: string): Promise<{ event: EventView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const village = await em.findOne(Village, { id: input.villageId });
      if (!village) throw invalid(placeErrors.village_unknown, 'villageId', 'Choose a village from the list');
      if (input.venueId) await this.checkVenue(input.venueId);
      const times = this.occurrenceTimes(input);
      const coOrganisers = await this.findCoOrganisers(em, organisationId, input.coOrganiserIds);
      const now = new Date();
      const event = em.create(Event, {
        organisation: em.getReference(Organisation, organisationId),
        status: input.publish ? 'published' : 'draft',
        title: input.title,
        description: input.description,
        isAllDay: input.isAllDay,
        venueId: input.venueId,
        placeName: input.placeName,
        address: input.address,
        village,
        category: input.category,
        audiences: input.audiences,
        priceCents: input.priceCents,
        accessibility: input.accessibility,
        isRideSharingWelcome: input.isRideSharingWelcome,
        infoUrl: input.infoUrl,
        imageAlt: input.imageAlt,
        recurrence: input.recurrence,
        createdBy: em.getReference(User, userId),
        createdAt: now,
        updatedAt: now,
        publishedAt: input.publish ? now : null,
      });
      event.searchText = searchTextFor(event, village.name);
      for (const time of times)
        em.create(EventOccurrence, { event, startsAt: time.startsAt, endsAt: time.endsAt, updatedAt: now });
      for (const organisation of coOrganisers) em.create(EventCoOrganiser, { event, organisation, invitedAt: now });
      await em.flush();
      if (input.publish) await markFeedsStale(em);
      return { event: await toEventView(em, event) };
    });
  }

  async update(organisationId: string, eventId: string, change: EventChange): Promise<{ event: EventView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const event = await this.lockOwnEvent(em, organisationId, eventId);
      const { villageId, startsAt, endsAt, ...fields } = change;
      if (fields.venueId) await this.checkVenue(fields.venueId);
      if (fields.bookingId) await this.checkBookingOfOrganisers(em, event, fields.bookingId);
      if (villageId) {
        const village = await em.findOne(Village, { id: villageId });
        if (!village) throw invalid(placeErrors.village_unknown, 'villageId', 'Choose a village from the list');
        event.village = village;
      }
      Object.assign(event, fields);
      if (startsAt || endsAt) {
        if (event.recurrence)
          throw invalid(eventErrors.recurring_times, 'startsAt', 'Change the times of a recurring event one date at a time');
        const [single] = await em.find(EventOccurrence, { event: event.id });
        if (single) {
          single.startsAt = startsAt ?? single.startsAt;
          single.endsAt = endsAt ?? single.endsAt;
          if (single.endsAt <= single.startsAt)
            throw invalid(eventErrors.end_before_start, 'endsAt', 'The end must be after the start');
          if (single.endsAt.getTime() - single.startsAt.getTime() > MAX_EVENT_DAYS * 86_400_000)
            throw invalid(
              eventErrors.too_long,
              'endsAt',
              `An event lasts at most ${MAX_EVENT_DAYS} days; make a longer one repeat instead`,
            );
        }
      }
      await em.populate(event, ['village']);
      event.searchText = searchTextFor(event, event.village.name);
      await this.touch(em, event);
      return { event: await toEventView(em, event) };
    });
  }

  async publish(organisationId: string, eventId: string): Promise<{ event: EventView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const event = await this.lockOwnEvent(em, organisationId, eventId);
      if (event.status !== 'draft') throw new DomainError(eventErrors.not_draft, `This event is already ${event.status}`);
      event.status = 'published';
      event.publishedAt = new Date();
      await this.touch(em, event);
      return { event: await toEventView(em, event) };
    });
  }

  // A cancelled event stays visible, marked cancelled, and stays in feeds as STATUS:CANCELLED.
  async cancel(organisationId: string, eventId: string): Promise<{ event: EventView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const event = await this.lockOwnEvent(em, organisationId, eventId);
      if (event.status === 'cancelled') throw new DomainError(eventErrors.already_cancelled, 'This event is already cancelled');
      event.status = 'cancelled';
      event.cancelledAt = new Date();
      await this.touch(em, event);
      return { event: await toEventView(em, event) };
    });
  }

  // One date of a recurring event moved, annotated or cancelled on its own.
  async changeOccurrence(
    organisationId: string,
    eventId: string,
    occurrenceId: string,
    change: OccurrenceChange,
  ): Promise<{ event: EventView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const event = await this.lockOwnEvent(em, organisationId, eventId);
      const occurrence = await em.findOne(EventOccurrence, { id: occurrenceId, event: event.id });
      if (!occurrence) throw notFound('The date');
      occurrence.startsAt = change.startsAt ?? occurrence.startsAt;
      occurrence.endsAt = change.endsAt ?? occurrence.endsAt;
      if (occurrence.endsAt <= occurrence.startsAt)
        throw invalid(eventErrors.end_before_start, 'endsAt', 'The end must be after the start');
      if (occurrence.endsAt.getTime() - occurrence.startsAt.getTime() > MAX_EVENT_DAYS * 86_400_000)
        throw invalid(
          eventErrors.too_long,
          'endsAt',
          `An event lasts at most ${MAX_EVENT_DAYS} days; make a longer one repeat instead`,
        );
      if (change.note !== undefined) occurrence.note = change.note;
      if (change.isCancelled !== undefined) occurrence.isCancelled = change.isCancelled;
      occurrence.sequence += 1;
      occurrence.updatedAt = new Date();
      event.updatedAt = occurrence.updatedAt;
      if (event.status !== 'draft') await markFeedsStale(em);
      return { event: await toEventView(em, event) };
    });
  }

  // The co-organiser answers for itself; until it accepts it is not shown anywhere public.
  async answerCoOrganising(organisationId: string, eventId: string, accept: boolean): Promise<{ event: EventView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const invitation = await em.findOne(
        EventCoOrganiser,
        { event: eventId, organisation: organisationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!invitation) throw new DomainError(eventErrors.not_co_organiser, 'The invitation to organise was not found');
      invitation.status = accept ? 'accepted' : 'declined';
      invitation.answeredAt = new Date();
      const event = await em.findOneOrFail(Event, { id: eventId });
      if (event.status !== 'draft') await markFeedsStale(em);
      return { event: await toEventView(em, event) };
    });
  }

  // The organisation's own list: its events (drafts too) and those it was asked to co-organise.
  async listForOrganisation(organisationId: string): Promise<{ events: EventView[] }> {
    const em = this.orm.em.fork();
    const invited = await em.find(
      EventCoOrganiser,
      { organisation: organisationId, status: { $ne: 'declined' } },
      { fields: ['event'] },
    );
    const events = await em.find(
      Event,
      { $or: [{ organisation: organisationId }, { id: { $in: invited.map((co) => co.event.id) } }] },
      { orderBy: { createdAt: 'desc' }, limit: 300 },
    );
    return { events: await Promise.all(events.map((event) => toEventView(em, event))) };
  }

  async getForOrganisation(organisationId: string, eventId: string): Promise<{ event: EventView }> {
    const em = this.orm.em.fork();
    const event = await em.findOne(Event, {
      id: eventId,
      $or: [
        { organisation: organisationId },
        {
          id: {
            $in: (await em.find(EventCoOrganiser, { organisation: organisationId, event: eventId }, { fields: ['event'] })).map(
              (co) => co.event.id,
            ),
          },
        },
      ],
    });
    if (!event) throw notFound('The event');
    return { event: await toEventView(em, event) };
  }

  // Public: published and cancelled events; drafts don't exist for the public.
  async getPublic(eventId: string): Promise<{ event: EventView }> {
    const em = this.orm.em.fork();
    const event = await em.findOne(Event, { id: eventId, status: { $in: ['published', 'cancelled'] } });
    if (!event) throw notFound('The event');
    const view = await toEventView(em, event);
    return { event: { ...view, coOrganisers: view.coOrganisers.filter((co) => co.status === 'accepted') } };
  }

  private occurrenceTimes(input: EventInput): { startsAt: Date; endsAt: Date }[] {
    if (!input.recurrence) return [{ startsAt: input.startsAt, endsAt: input.endsAt }];
    const times = expandRecurrence({ startsAt: input.startsAt, endsAt: input.endsAt }, input.recurrence);
    if (!times.length)
      throw invalid(eventErrors.no_dates, 'recurrence.weekdays', 'No date falls on the chosen days before the last date');
    if (times.length > MAX_EVENT_OCCURRENCES)
      throw invalid(
        eventErrors.too_many_dates,
        'recurrence.until',
        `A recurring event has at most ${MAX_EVENT_OCCURRENCES} dates; choose an earlier last date`,
      );
    return times;
  }

  private async findCoOrganisers(em: EntityManager, organisationId: string, ids: string[]): Promise<Organisation[]> {
    const unique = [...new Set(ids)].filter((id) => id !== organisationId);
    if (!unique.length) return [];
    const organisations = await em.find(Organisation, { id: { $in: unique } });
    if (organisations.length !== unique.length)
      throw invalid(eventErrors.co_organiser_unknown, 'coOrganiserIds', 'Choose co-organisers from the list');
    return organisations;
  }

  private async checkVenue(venueId: string): Promise<void> {
    if (!(await this.links.isExistingVenue(venueId)))
      throw invalid(eventErrors.venue_unknown, 'venueId', 'Choose a venue from the list');
  }

  // Only a booking made by the event's own organisers can be "the hall booking of this event".
  private async checkBookingOfOrganisers(em: EntityManager, event: Event, bookingId: string): Promise<void> {
    const booking = await this.links.findBookingOrganisation(bookingId);
    const organisers = new Set([event.organisation.id]);
    for (const co of await em.find(EventCoOrganiser, { event: event.id, status: 'accepted' })) organisers.add(co.organisation.id);
    if (!booking || !booking.organisationId || !organisers.has(booking.organisationId)) {
      throw invalid(eventErrors.booking_not_linkable, 'bookingId', "Link a booking made by this event's organisers");
    }
  }

  private async lockOwnEvent(em: EntityManager, organisationId: string, eventId: string): Promise<Event> {
    const event = await em.findOne(Event, { id: eventId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // Another organisation's event looks like a missing one: co-organisers answer, they don't edit.
    if (!event || event.organisation.id !== organisationId) throw notFound('The event');
    return event;
  }

  // Every occurrence's SEQUENCE grows so calendar apps replace what they show.
  private async touch(em: EntityManager, event: Event): Promise<void> {
    const now = new Date();
    event.updatedAt = now;
    await em.flush();
    await em.nativeUpdate(EventOccurrence, { event: event.id }, { updatedAt: now });
    await em.execute('update event_occurrences set sequence = sequence + 1 where event_id = ?', [event.id]);
    if (event.status !== 'draft' || event.publishedAt) await markFeedsStale(em);
  }
}
