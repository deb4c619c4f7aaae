import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';

// Factories and scenario builders: the rows a test starts from, written with `em.insert` through the
// domains' own entities (their initialisers fill every default) against the test's real PostgreSQL.
// Entities are named (and found in the ORM's metadata), not imported: the domains' tests import this package, so it cannot import them
// back (no package cycle); the ORM the test started must know the entities it builds.
//
//   const build = builders(orm.em);
//   const { organisationId, villageId } = await build.organisation({ name: 'Kotalahden kyläyhdistys ry' });
//   const coordinator = await build.user({ memberOf: [{ organisationId, role: 'coordinator' }] });
//   const { venueId, spaceId } = await build.venue({ organisationId, villageId, space: { minNoticeHours: 48 } });

export type Role = 'admin' | 'coordinator' | 'member';
export type OrganisationKind = 'association' | 'parish' | 'municipality' | 'company' | 'informal_group';
export type BookingStatus = 'requested' | 'approved' | 'denied' | 'cancelled' | 'expired' | 'offered';

/** An opening period: ISO weekday (1 = Monday), 'HH:MM' Helsinki time. */
export interface OpeningPeriodInput {
  weekday: number;
  opens: string;
  closes: string;
}

export interface ClosedDatesInput {
  from: string;
  to: string;
  reason: string;
}

/** A space's own rules; anything left out keeps the entity's default. */
export interface SpaceInput {
  name?: string;
  parentId?: string | null;
  capacity?: number | null;
  isApprovalRequired?: boolean;
  bookableBy?: 'members' | 'region' | 'anyone';
  minMinutes?: number;
  maxMinutes?: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  minNoticeHours?: number;
  maxDaysAhead?: number;
  openingHours?: OpeningPeriodInput[] | null;
  closedDates?: ClosedDatesInput[];
  priceUnit?: 'free' | 'hour' | 'day' | 'fixed';
  priceMembersCents?: number;
  priceRegionCents?: number;
  pricePrivateCents?: number;
  depositCents?: number;
  freeCancellationHours?: number;
  cancellationFeePercent?: number;
}

export interface BuiltUser {
  id: string;
  email: string;
  name: string;
}

export interface BuiltVenue {
  venueId: string;
  spaceId: string;
  spaceIds: string[];
}

let counter = 0;
const next = () => `${++counter}-${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;

async function insert(em: EntityManager, entityName: string, data: Record<string, unknown>): Promise<string> {
  const fork = em.fork();
  const entityClass = fork.getMetadata().getByClassName<{ id: string }>(entityName).class;
  const entity = fork.create(entityClass, data as never, { persist: false });
  await fork.insert(entity);
  return entity.id;
}

/** Builders bound to an entity manager (a fork is taken per row, so any `em` will do). */
export function builders(em: EntityManager) {
  const build = {
    /** A region, a municipality in it and a village in that: the place every organisation has. */
    async village(input: { region?: string; municipality?: string; name?: string } = {}) {
      const regionId = await insert(em, 'Region', { name: input.region ?? `Region ${next()}` });
      const municipalityId = await insert(em, 'Municipality', { region: regionId, name: input.municipality ?? 'Rautalampi' });
      const villageId = await insert(em, 'Village', { municipality: municipalityId, name: input.name ?? 'Kerkonkoski' });
      return { regionId, municipalityId, villageId };
    },

    /** An organisation, in a new village unless one is given. */
    async organisation(input: { id?: string; name?: string; kind?: OrganisationKind; villageId?: string } = {}) {
      const villageId = input.villageId ?? (await build.village()).villageId;
      const organisationId = await insert(em, 'Organisation', {
        ...(input.id ? { id: input.id } : {}),
        name: input.name ?? `Kyläyhdistys ${next()}`,
        kind: input.kind ?? 'association',
        village: villageId,
      });
      return { organisationId, villageId };
    },

    /** A user, with a membership in each organisation of `memberOf`. */
    async user(
      input: {
        name?: string;
        email?: string;
        language?: 'fi' | 'sv' | 'en';
        isPlatformAdmin?: boolean;
        memberOf?: { organisationId: string; role: Role }[];
      } = {},
    ): Promise<BuiltUser> {
      const suffix = next();
      const email = (input.email ?? `user${suffix}@example.org`).toLowerCase();
      const name = input.name ?? `Test User ${suffix}`;
      const id = await insert(em, 'User', {
        name,
        email,
        language: input.language ?? 'fi',
        isPlatformAdmin: input.isPlatformAdmin ?? false,
      });
      for (const membership of input.memberOf ?? []) await build.membership(id, membership.organisationId, membership.role);
      return { id, email, name };
    },

    async membership(userId: string, organisationId: string, role: Role): Promise<string> {
      return insert(em, 'Membership', { user: userId, organisation: organisationId, role });
    },

    /**
     * A venue of the organisation with one space (its rules in `space`), and `children` under that
     * space when the venue has parts (a whole hall with the main hall and the kitchen).
     */
    async venue(input: {
      organisationId: string;
      villageId: string;
      name?: string;
      address?: string;
      capacity?: number;
      paymentIban?: string | null;
      keyInstructions?: string | null;
      space?: SpaceInput;
      children?: SpaceInput[];
    }): Promise<BuiltVenue> {
      const venueId = await insert(em, 'Venue', {
        organisation: input.organisationId,
        village: input.villageId,
        name: input.name ?? 'Kotalahden kylätalo',
        address: input.address ?? 'Kotalahdentie 12',
        capacity: input.capacity ?? 60,
        paymentIban: input.paymentIban ?? null,
        keyInstructions: input.keyInstructions ?? null,
      });
      const spaceId = await build.space(venueId, input.space ?? {});
      const spaceIds = [spaceId];
      for (const child of input.children ?? []) spaceIds.push(await build.space(venueId, { parentId: spaceId, ...child }));
      return { venueId, spaceId, spaceIds };
    },

    async space(venueId: string, input: SpaceInput = {}): Promise<string> {
      const { parentId, name, ...rules } = input;
      return insert(em, 'Space', { venue: venueId, parent: parentId ?? null, name: name ?? 'Sali', ...rules });
    },

    /**
     * A booking as a row (no rules checked, no mail): for the state a test starts from. It occupies
     * the booked space when that space is a leaf (pass `leafSpaceIds` for a parent), so the
     * database's no-overlap rule sees it as it sees a booking made through the service.
     */
    async booking(input: {
      spaceId: string;
      startsAt: Date;
      endsAt: Date;
      requesterId?: string | null;
      organisationId?: string | null;
      title?: string;
      status?: BookingStatus;
      leafSpaceIds?: string[];
    }): Promise<string> {
      const status = input.status ?? 'approved';
      const bookingId = await insert(em, 'Booking', {
        space: input.spaceId,
        requester: input.requesterId ?? null,
        organisation: input.organisationId ?? null,
        title: input.title ?? 'Kevätkokous',
        status,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      });
      if (status === 'requested' || status === 'approved' || status === 'offered') {
        for (const leafSpaceId of input.leafSpaceIds ?? [input.spaceId]) {
          await insert(em, 'BookingOccupancy', {
            booking: bookingId,
            leafSpace: leafSpaceId,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
          });
        }
      }
      return bookingId;
    },

    /** A single event with one occurrence, published unless `published: false`. */
    async event(input: {
      published?: boolean;
      organisationId: string;
      villageId: string;
      startsAt: Date;
      endsAt: Date;
      title?: string;
      placeName?: string;
      category?: string;
    }) {
      const eventId = await insert(em, 'Event', {
        organisation: input.organisationId,
        village: input.villageId,
        title: { fi: input.title ?? 'Kylätalkoot' },
        placeName: input.placeName ?? 'Kylätalo',
        category: input.category ?? 'talkoot',
        ...(input.published === false ? {} : { status: 'published', publishedAt: new Date() }),
      });
      const occurrenceId = await insert(em, 'EventOccurrence', {
        event: eventId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      });
      return { eventId, occurrenceId };
    },

    /** A lending item with counted stock (`quantity`), lent to the borrowers named. */
    async item(input: {
      organisationId: string;
      villageId: string;
      name?: string;
      category?: string;
      quantity?: number;
      borrowers?: ('members' | 'region' | 'residents')[];
    }): Promise<string> {
      return insert(em, 'Item', {
        organisation: input.organisationId,
        village: input.villageId,
        name: { fi: input.name ?? 'Juhlateltta' },
        category: input.category ?? 'tents',
        quantity: input.quantity ?? 1,
        borrowers: input.borrowers ?? ['members', 'region', 'residents'],
      });
    },
  };
  return build;
}

export type Builders = ReturnType<typeof builders>;
