import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Organisation, Village } from '@talkoot/identity';
import { DomainError, notFound } from '@talkoot/platform';
import { z } from 'zod';
import { Booking, BookingOccupancy } from './booking.entity.js';
import { findLeafSpaceIds } from './space-tree.js';
import { Space } from './space.entity.js';
import { Venue, VenuePhoto } from './venue.entity.js';
import { blockingStatuses, type spaceCreateSchema, type venueCreateSchema, type VenueView } from './venue.schemas.js';

export function photoView(photo: VenuePhoto) {
  return {
    id: photo.id,
    altText: photo.altText,
    width: photo.width,
    height: photo.height,
    url: `/api/venue-photos/${photo.id}`,
    thumbnailUrl: `/api/venue-photos/${photo.id}?size=thumbnail`,
  };
}

export function toVenueView(venue: Venue, spaces: Space[], photos: VenuePhoto[] = []): VenueView {
  return {
    id: venue.id,
    organisation: { id: venue.organisation.id, name: venue.organisation.name },
    village: { id: venue.village.id, name: venue.village.name },
    name: venue.name,
    address: venue.address,
    description: venue.description,
    capacity: venue.capacity,
    facilities: venue.facilities,
    accessibility: venue.accessibility,
    contactName: venue.contactName,
    contactPhone: venue.contactPhone,
    contactEmail: venue.contactEmail,
    paymentIban: venue.paymentIban,
    photos: photos.map(photoView),
    spaces: spaces.map((space) => ({
      id: space.id,
      parentId: space.parent?.id ?? null,
      name: space.name,
      capacity: space.capacity,
      isApprovalRequired: space.isApprovalRequired,
      bookableBy: space.bookableBy,
      minMinutes: space.minMinutes,
      maxMinutes: space.maxMinutes,
      bufferBeforeMinutes: space.bufferBeforeMinutes,
      bufferAfterMinutes: space.bufferAfterMinutes,
      minNoticeHours: space.minNoticeHours,
      maxDaysAhead: space.maxDaysAhead,
      openingHours: space.openingHours,
      closedDates: space.closedDates,
      priceUnit: space.priceUnit,
      priceMembersCents: space.priceMembersCents,
      priceRegionCents: space.priceRegionCents,
      pricePrivateCents: space.pricePrivateCents,
      depositCents: space.depositCents,
      freeCancellationHours: space.freeCancellationHours,
      cancellationFeePercent: space.cancellationFeePercent,
    })),
  };
}

@Injectable()
export class VenueService {
  constructor(private readonly orm: MikroORM) {}

  async listVenues(): Promise<{ venues: VenueView[] }> {
    const em = this.orm.em.fork();
    const venues = await em.find(Venue, {}, { populate: ['organisation', 'village'], orderBy: { name: 'asc' } });
    const venueIds = venues.map((venue) => venue.id);
    const spaces = await em.find(Space, { venue: { $in: venueIds } }, { orderBy: { name: 'asc' } });
    const photos = await em.find(VenuePhoto, { venue: { $in: venueIds } }, { orderBy: { position: 'asc', createdAt: 'asc' } });
    return {
      venues: venues.map((venue) =>
        toVenueView(
          venue,
          spaces.filter((space) => space.venue.id === venue.id),
          photos.filter((photo) => photo.venue.id === venue.id),
        ),
      ),
    };
  }

  async getVenue(id: string): Promise<{ venue: VenueView }> {
    const em = this.orm.em.fork();
    const venue = await em.findOne(Venue, { id }, { populate: ['organisation', 'village'] });
    if (!venue) throw notFound('The venue');
    const spaces = await em.find(Space, { venue: id }, { orderBy: { name: 'asc' } });
    const photos = await em.find(VenuePhoto, { venue: id }, { orderBy: { position: 'asc', createdAt: 'asc' } });
    return { venue: toVenueView(venue, spaces, photos) };
  }

  async createVenue(organisationId: string, input: Omit<z.output<typeof venueCreateSchema>, 'organisationId'>): Promise<{ venue: VenueView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const village = await em.findOne(Village, { id: input.villageId });
      if (!village) throw new DomainError('validation_failed', 'Check the marked fields', { villageId: 'Choose a village from the list' });
      const venue = em.create(Venue, {
        organisation: em.getReference(Organisation, organisationId),
        village,
        name: input.name,
        address: input.address,
        description: input.description ?? {},
        capacity: input.capacity,
        facilities: input.facilities,
        accessibility: input.accessibility,
        keyInstructions: input.keyInstructions ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        contactEmail: input.contactEmail ?? null,
        paymentIban: input.paymentIban ?? null,
        createdAt: new Date(),
      });
      await em.flush();
      await em.populate(venue, ['organisation']);
      return { venue: toVenueView(venue, []) };
    });
  }

  // A space gets children only while nothing is booked on it: otherwise its existing bookings
  // would stop covering the new leaves.
  async addSpace(organisationId: string, venueId: string, input: z.output<typeof spaceCreateSchema>): Promise<{ venue: VenueView }> {
    await this.orm.em.fork().transactional(async (em) => {
      const venue = await em.findOne(Venue, { id: venueId, organisation: organisationId });
      if (!venue) throw notFound('The venue');
      let parent: Space | null = null;
      if (input.parentId) {
        parent = await em.findOne(Space, { id: input.parentId, venue: venueId });
        if (!parent) throw new DomainError('validation_failed', 'Check the marked fields', { parentId: 'Choose a space of this venue' });
        // Bookings of the parent or of any space above it occupy today's leaves only; a new room
        // under it would be left uncovered by them and could be double-booked.
        const venueSpaces = await em.find(Space, { venue: venueId });
        const chain: string[] = [];
        for (let current: Space | null | undefined = parent; current; current = venueSpaces.find((space) => space.id === current?.parent?.id)) chain.push(current.id);
        if (await em.count(Booking, { space: { $in: chain }, status: { $in: [...blockingStatuses] } })) {
          throw new DomainError('rule_violation', 'This space already has bookings; add rooms to it before taking bookings', { parentId: 'This space already has bookings' });
        }
      }
      const { parentId: _parentId, ...rules } = input;
      em.create(Space, { ...rules, venue, parent });
    });
    return this.getVenue(venueId);
  }

  // Busy time of a space: bookings of its own leaves, which also covers bookings of its parents
  // (they occupy every leaf) and of its children. Buffers included, no personal data.
  async availability(spaceId: string, from: Date, to: Date) {
    const em = this.orm.em.fork();
    const space = await em.findOne(Space, { id: spaceId });
    if (!space) throw notFound('The space');
    const leaves = await findLeafSpaceIds(em, space);
    const rows = await em.find(
      BookingOccupancy,
      { leafSpace: { $in: leaves }, isBlocking: true, startsAt: { $lt: to }, endsAt: { $gt: from } },
      { populate: ['booking'], orderBy: { startsAt: 'asc' } },
    );
    const seen = new Set<string>();
    const busy = rows
      .filter((row) => !seen.has(row.booking.id) && seen.add(row.booking.id))
      .map((row) => ({ startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), status: row.booking.status as 'requested' | 'approved' | 'offered' }));
    return { spaceId, busy };
  }
}
