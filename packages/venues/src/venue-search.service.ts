import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { helsinkiInstant } from '@talkoot/platform';
import type { z } from 'zod';
import { BookingOccupancy } from './booking.entity.js';
import { leafSpacesUnder, occupiedInterval, timeProblem } from './booking.rules.js';
import { Space } from './space.entity.js';
import type { venueSearchQuerySchema } from './venue.schemas.js';

type SearchQuery = z.output<typeof venueSearchQuerySchema>;

// "A hall for 40 people in Rautalampi on Saturday evening": spaces whose rules allow the time, big
// enough, with nothing blocking any of their leaves over the time plus their cleaning buffers.
@Injectable()
export class VenueSearchService {
  constructor(private readonly orm: MikroORM) {}

  async search(query: SearchQuery) {
    const startsAt = helsinkiInstant(query.date, query.from);
    const endsAt = helsinkiInstant(query.date, query.to);
    const em = this.orm.em.fork();
    const where = query.villageId
      ? { venue: { village: query.villageId } }
      : query.municipalityId
        ? { venue: { village: { municipality: query.municipalityId } } }
        : {};
    const spaces = await em.find(Space, where, {
      populate: ['venue.village.municipality'],
      orderBy: { venue: { name: 'asc' }, name: 'asc' },
    });
    const venueIds = [...new Set(spaces.map((space) => space.venue.id))];
    // Every space of those venues, so the leaves of a "whole hall" are known even when filtered.
    const allSpaces = venueIds.length ? await em.find(Space, { venue: { $in: venueIds } }) : [];
    const tree = allSpaces.map((space) => ({ id: space.id, parentId: space.parent?.id ?? null }));
    const widest = Math.max(0, ...spaces.map((space) => Math.max(space.bufferBeforeMinutes, space.bufferAfterMinutes)));
    const busy = allSpaces.length
      ? await em.find(BookingOccupancy, {
          leafSpace: { $in: allSpaces.map((space) => space.id) },
          isBlocking: true,
          startsAt: { $lt: new Date(endsAt.getTime() + widest * 60_000) },
          endsAt: { $gt: new Date(startsAt.getTime() - widest * 60_000) },
        })
      : [];
    const now = new Date();
    const results = spaces.filter((space) => {
      const capacity = space.capacity ?? space.venue.capacity;
      if (query.people && capacity < query.people) return false;
      if (timeProblem(startsAt, endsAt, space, now)) return false;
      const leaves = new Set(leafSpacesUnder(space.id, tree));
      const occupied = occupiedInterval(startsAt, endsAt, space);
      return !busy.some(
        (row) => leaves.has(row.leafSpace.id) && row.startsAt < occupied.endsAt && row.endsAt > occupied.startsAt,
      );
    });
    return {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      results: results.map((space) => ({
        venue: {
          id: space.venue.id,
          name: space.venue.name,
          address: space.venue.address,
          village: { id: space.venue.village.id, name: space.venue.village.name },
          municipality: { id: space.venue.village.municipality.id, name: space.venue.village.municipality.name },
        },
        space: {
          id: space.id,
          name: space.name,
          capacity: space.capacity ?? space.venue.capacity,
          isApprovalRequired: space.isApprovalRequired,
          priceUnit: space.priceUnit,
          priceRegionCents: space.priceRegionCents,
          pricePrivateCents: space.pricePrivateCents,
        },
      })),
    };
  }
}
