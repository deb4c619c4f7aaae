import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Organisation, Village, placeErrors } from '@talkoot/identity';
import { DomainError, notFound } from '@talkoot/platform';
import { z } from 'zod';
import { Booking } from './booking.entity.js';
import { Space } from './space.entity.js';
import { Venue, VenuePhoto } from './venue.entity.js';
import { spaceErrors } from './venues.errors.js';
import { blockingStatuses } from './booking.schemas.js';
import type { spaceCreateSchema } from './space.schemas.js';
import type { VenueView, venueCreateSchema } from './venue.schemas.js';

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

// Busy times of a space's leaves over [from, to): one plain statement (placeholders: space id, from,
// to). The range overlap matches the exclusion constraint's GiST index. bench/ runs it raw too.
export const AVAILABILITY_SQL = `with recursive tree as (
   select id from spaces where id = ?
   union all
   select c.id from spaces c join tree t on c.parent_id = t.id
 ), leaves as (
   select id from tree t where not exists (select 1 from spaces c where c.parent_id = t.id)
 ), busy as (
   select distinct on (o.booking_id) o.starts_at, o.ends_at, b.status
     from booking_occupancies o join bookings b on b.id = o.booking_id
    where o.leaf_space_id = any(array(select id from leaves)) and o.is_blocking
      and tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange(?, ?, '[)')
    order by o.booking_id, o.starts_at
 )
 select true as known, busy.* from (select 1) one left join busy on true
  where exists (select 1 from tree)
  order by busy.starts_at`;

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

  async createVenue(
    organisationId: string,
    input: Omit<z.output<typeof venueCreateSchema>, 'organisationId'>,
  ): Promise<{ venue: VenueView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const village = await em.findOne(Village, { id: input.villageId });
      if (!village)
        throw new DomainError(placeErrors.village_unknown, 'Check the marked fields', {
          villageId: 'Choose a village from the list',
        });
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
  async addSpace(
    organisationId: string,
    venueId: string,
    input: z.output<typeof spaceCreateSchema>,
  ): Promise<{ venue: VenueView }> {
    await this.orm.em.fork().transactional(async (em) => {
      const venue = await em.findOne(Venue, { id: venueId, organisation: organisationId });
      if (!venue) throw notFound('The venue');
      let parent: Space | null = null;
      if (input.parentId) {
        parent = await em.findOne(Space, { id: input.parentId, venue: venueId });
        if (!parent)
          throw new DomainError(spaceErrors.parent_unknown, 'Check the marked fields', {
            parentId: 'Choose a space of this venue',
          });
        // Bookings of the parent or of any space above it occupy today's leaves only; a new room
        // under it would be left uncovered by them and could be double-booked.
        const venueSpaces = await em.find(Space, { venue: venueId });
        const chain: string[] = [];
        for (
          let current: Space | null | undefined = parent;
          current;
          current = venueSpaces.find((space) => space.id === current?.parent?.id)
        )
          chain.push(current.id);
        if (await em.count(Booking, { space: { $in: chain }, status: { $in: [...blockingStatuses] } })) {
          throw new DomainError(
            spaceErrors.parent_has_bookings,
            'This space already has bookings; add rooms to it before taking bookings',
            { parentId: 'This space already has bookings' },
          );
        }
      }
      const { parentId: _parentId, ...rules } = input;
      em.create(Space, { ...rules, venue, parent });
    });
    return this.getVenue(venueId);
  }

  // Busy time of a space: bookings of its own leaves, which also covers bookings of its parents
  // (they occupy every leaf) and of its children. Buffers included, no personal data. One plain
  // statement, no entities: this is the most read route of the product (see docs/benchmarks.md);
  // the range overlap uses the exclusion constraint's GiST index.
  async availability(spaceId: string, from: Date, to: Date) {
    const connection = this.orm.em.getConnection();
    const rows = await connection.execute<
      { starts_at: Date; ends_at: Date; status: 'requested' | 'approved' | 'offered'; known: boolean }[]
    >(AVAILABILITY_SQL, [spaceId, from, to]);
    if (!rows.length) throw notFound('The space');
    const busy = rows
      .filter((row) => row.starts_at)
      .map((row) => ({
        startsAt: new Date(row.starts_at).toISOString(),
        endsAt: new Date(row.ends_at).toISOString(),
        status: row.status,
      }));
    return { spaceId, busy };
  }
}
