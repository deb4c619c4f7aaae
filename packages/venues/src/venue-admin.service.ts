import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Village } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound } from '@talkoot/platform';
import type { z } from 'zod';
import { Space } from './space.entity.js';
import { newFeedToken, Venue, VenuePhoto } from './venue.entity.js';
import type { spaceUpdateSchema } from './space.schemas.js';
import type { venueManageSchema, venueUpdateSchema } from './venue.schemas.js';
import { toVenueView } from './venue.service.js';
import { spaceErrors, venueErrors } from './venues.errors.js';

export type VenueManageView = z.infer<typeof venueManageSchema>;

// The secret address of a venue's detailed calendar; a new token makes the old address answer 404.
export function privateFeedUrl(publicOrigin: string, venue: Pick<Venue, 'id' | 'feedToken'>): string {
  return `${publicOrigin}/feeds/venues/${venue.id}/${venue.feedToken}.ics`;
}

// A venue of the organisation, or 404: a coordinator of another organisation learns nothing about it.
export async function findOwnedVenue(em: EntityManager, organisationId: string, venueId: string): Promise<Venue> {
  const venue = await em.findOne(Venue, { id: venueId, organisation: organisationId }, { populate: ['organisation', 'village'] });
  if (!venue) throw notFound('The venue');
  return venue;
}

@Injectable()
export class VenueAdminService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async getManagedVenue(organisationId: string, venueId: string): Promise<{ venue: VenueManageView }> {
    const em = this.orm.em.fork();
    const venue = await findOwnedVenue(em, organisationId, venueId);
    return { venue: await this.manageView(em, venue) };
  }

  async updateVenue(
    organisationId: string,
    venueId: string,
    input: z.output<typeof venueUpdateSchema>,
  ): Promise<{ venue: VenueManageView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const venue = await findOwnedVenue(em, organisationId, venueId);
      const { villageId, ...rest } = input;
      if (villageId !== undefined && villageId !== venue.village.id) {
        const village = await em.findOne(Village, { id: villageId });
        if (!village)
          throw new DomainError(venueErrors.village_unknown, 'Check the marked fields', {
            villageId: 'Choose a village from the list',
          });
        venue.village = village;
      }
      for (const [key, value] of Object.entries(rest)) {
        if (value !== undefined) (venue as unknown as Record<string, unknown>)[key] = value;
      }
      await em.flush();
      return { venue: await this.manageView(em, venue) };
    });
  }

  async updateSpace(
    organisationId: string,
    venueId: string,
    spaceId: string,
    input: z.output<typeof spaceUpdateSchema>,
  ): Promise<{ venue: VenueManageView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const venue = await findOwnedVenue(em, organisationId, venueId);
      const space = await em.findOne(Space, { id: spaceId, venue: venueId });
      if (!space) throw notFound('The space');
      // Either bound may come alone; the pair that results must still make sense.
      const minMinutes = input.minMinutes ?? space.minMinutes;
      const maxMinutes = input.maxMinutes ?? space.maxMinutes;
      if (minMinutes > maxMinutes)
        throw new DomainError(spaceErrors.max_below_min, 'Check the marked fields', {
          maxMinutes: 'The longest booking must be at least the shortest',
        });
      for (const [key, value] of Object.entries(input)) {
        if (value !== undefined) (space as unknown as Record<string, unknown>)[key] = value;
      }
      await em.flush();
      return { venue: await this.manageView(em, venue) };
    });
  }

  async renewFeedToken(organisationId: string, venueId: string): Promise<{ venue: VenueManageView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const venue = await findOwnedVenue(em, organisationId, venueId);
      venue.feedToken = newFeedToken();
      await em.flush();
      return { venue: await this.manageView(em, venue) };
    });
  }

  private async manageView(em: EntityManager, venue: Venue): Promise<VenueManageView> {
    const spaces = await em.find(Space, { venue: venue.id }, { orderBy: { name: 'asc' } });
    const photos = await em.find(VenuePhoto, { venue: venue.id }, { orderBy: { position: 'asc', createdAt: 'asc' } });
    return {
      ...toVenueView(venue, spaces, photos),
      keyInstructions: venue.keyInstructions,
      privateFeedUrl: privateFeedUrl(this.config.publicOrigin, venue),
    };
  }
}
