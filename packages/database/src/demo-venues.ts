import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organisation, User } from '@talkoot/identity';
import { addDays, finnishReference, helsinkiDayOf, helsinkiInstantAt, helsinkiToday, isoWeekday } from '@talkoot/platform';
import {
  Booking,
  BookingOccupancy,
  BookingSeries,
  type OpeningPeriod,
  Space,
  Venue,
  bookingPrice,
  leafSpacesUnder,
  occupiedInterval,
  priceTier,
  requestExpiry,
} from '@talkoot/venues';
import type { Village } from '@talkoot/identity';

interface DemoSpace {
  key: string;
  name: string;
  parent?: string;
  capacity?: number;
  isApprovalRequired?: boolean;
  bookableBy?: 'members' | 'region' | 'anyone';
  bufferAfterMinutes?: number;
  openingHours?: OpeningPeriod[] | null;
  priceUnit?: 'free' | 'hour' | 'day' | 'fixed';
  // members / other organisations of the region / private persons, in cents per unit
  prices?: [number, number, number];
  depositCents?: number;
  freeCancellationHours?: number;
  cancellationFeePercent?: number;
}

const everyDay = (opens: string, closes: string): OpeningPeriod[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));
const schoolHours: OpeningPeriod[] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '22:00' })),
  { weekday: 6, opens: '10:00', closes: '20:00' },
  { weekday: 7, opens: '10:00', closes: '20:00' },
];

const demoVenues: {
  key: string;
  owner: string;
  village: string;
  name: string;
  address: string;
  capacity: number;
  facilities: string[];
  accessibility: string[];
  description: { fi?: string; sv?: string; en?: string };
  contact: { name: string; phone: string; email: string };
  keyInstructions: string;
  paymentIban: string;
  spaces: DemoSpace[];
}[] = [
  {
    key: 'kotalahti-hall',
    owner: 'kotalahti',
    village: 'Leppävirta/Kotalahti',
    name: 'Kotalahden kylätalo',
    address: 'Kyläraitti 12, 79100 Leppävirta',
    capacity: 80,
    facilities: ['kitchen', 'stage', 'wifi'],
    accessibility: ['step_free_entrance', 'accessible_toilet', 'parking'],
    description: {
      fi: 'Entinen koulu järven rannalla. Sali, näyttämö ja iso keittiö.',
      sv: 'En före detta skola vid sjön. Sal, scen och stort kök.',
      en: 'A former school by the lake. Hall, stage and a large kitchen.',
    },
    contact: { name: 'Aino Virtanen', phone: '040 123 4567', email: 'aino@example.org' },
    keyInstructions: 'Avain on kyläkaupan kassalla (Kyläraitti 3). Palauta avain kauppaan tai postilaatikkoon oven vieressä.',
    paymentIban: 'FI2112345600000785',
    spaces: [
      {
        key: 'whole',
        name: 'Koko talo',
        bufferAfterMinutes: 60,
        openingHours: everyDay('08:00', '24:00'),
        priceUnit: 'day',
        prices: [8000, 12000, 15000],
        depositCents: 10000,
        freeCancellationHours: 72,
        cancellationFeePercent: 50,
      },
      {
        key: 'hall',
        name: 'Sali',
        parent: 'whole',
        capacity: 80,
        bufferAfterMinutes: 30,
        openingHours: everyDay('08:00', '24:00'),
        priceUnit: 'hour',
        prices: [1000, 1500, 2500],
        freeCancellationHours: 48,
        cancellationFeePercent: 50,
      },
      {
        key: 'kitchen',
        name: 'Keittiö',
        parent: 'whole',
        capacity: 12,
        bufferAfterMinutes: 30,
        openingHours: everyDay('08:00', '24:00'),
        priceUnit: 'hour',
        prices: [500, 800, 1200],
      },
    ],
  },
  {
    key: 'kerkonkoski-school',
    owner: 'kerkonkoski',
    village: 'Rautalampi/Kerkonkoski',
    name: 'Kerkonkosken koulu',
    address: 'Koulutie 2, 72100 Rautalampi',
    capacity: 60,
    facilities: ['kitchen', 'projector'],
    accessibility: ['step_free_entrance', 'hearing_loop'],
    description: {
      fi: 'Kylän vanha koulu: liikuntasali ja luokka kokouksille.',
      en: 'The old village school: a gym and a classroom for meetings.',
    },
    contact: { name: 'Juhani Korhonen', phone: '050 765 4321', email: 'juhani@example.org' },
    keyInstructions: 'Ovikoodi on 2468#. Sulje ikkunat ja sammuta valot lähtiessä.',
    paymentIban: 'FI4950009420028730',
    spaces: [
      {
        key: 'whole',
        name: 'Koko koulu',
        openingHours: schoolHours,
        priceUnit: 'hour',
        prices: [0, 3000, 4000],
        depositCents: 5000,
      },
      {
        key: 'gym',
        name: 'Liikuntasali',
        parent: 'whole',
        capacity: 60,
        bufferAfterMinutes: 15,
        openingHours: schoolHours,
        priceUnit: 'hour',
        prices: [0, 1500, 2000],
      },
      {
        key: 'classroom',
        name: 'Luokka',
        parent: 'whole',
        capacity: 20,
        isApprovalRequired: false,
        bookableBy: 'members',
        openingHours: schoolHours,
      },
    ],
  },
  {
    key: 'niinivesi-hut',
    owner: 'niinivesi',
    village: 'Vesanto/Niinivesi',
    name: 'Niiniveden maja',
    address: 'Majatie 5, 72300 Vesanto',
    capacity: 25,
    facilities: ['sauna', 'kitchen'],
    accessibility: ['parking'],
    description: {
      fi: 'Hirsimaja ja rantasauna. Sopii perhejuhliin ja kerhoille.',
      sv: 'Timmerstuga med strandbastu.',
      en: 'A log hut with a lakeside sauna, for family parties and clubs.',
    },
    contact: { name: 'Kalle Nieminen', phone: '044 987 6543', email: 'kalle@example.org' },
    keyInstructions: 'Avain on avainlaatikossa saunan seinässä, koodi kerrotaan tekstiviestillä päivää ennen.',
    paymentIban: 'FI8147500010000384',
    spaces: [
      {
        key: 'hut',
        name: 'Maja',
        capacity: 25,
        bookableBy: 'anyone',
        bufferAfterMinutes: 120,
        priceUnit: 'fixed',
        prices: [5000, 8000, 12000],
        depositCents: 5000,
        freeCancellationHours: 168,
        cancellationFeePercent: 100,
      },
    ],
  },
];

// A Helsinki wall-clock time `weeks` weeks from the coming `weekday` (0 = Sunday).
export function helsinkiTime(now: Date, weeks: number, weekday: number, hour: number, minute = 0): Date {
  const today = helsinkiToday(now);
  const daysAhead = ((weekday - (isoWeekday(today) % 7) + 7) % 7 || 7) + weeks * 7;
  return helsinkiInstantAt(addDays(today, daysAhead), (hour * 60 + minute) * 60_000);
}

export function seedDemoVenues(
  em: EntityManager,
  input: { organisations: Map<string, Organisation>; villages: Map<string, Village>; users: Map<string, User>; now?: Date },
): void {
  const now = input.now ?? new Date();
  const spaces = new Map<string, Space>();
  for (const venueInput of demoVenues) {
    const venue = em.create(Venue, {
      organisation: input.organisations.get(venueInput.owner)!,
      village: input.villages.get(venueInput.village)!,
      name: venueInput.name,
      address: venueInput.address,
      capacity: venueInput.capacity,
      facilities: venueInput.facilities,
      accessibility: venueInput.accessibility,
      description: venueInput.description,
      contactName: venueInput.contact.name,
      contactPhone: venueInput.contact.phone,
      contactEmail: venueInput.contact.email,
      keyInstructions: venueInput.keyInstructions,
      paymentIban: venueInput.paymentIban,
      createdAt: now,
    });
    for (const spaceInput of venueInput.spaces) {
      const space = em.create(Space, {
        venue,
        parent: spaceInput.parent ? spaces.get(`${venueInput.key}/${spaceInput.parent}`)! : null,
        name: spaceInput.name,
        capacity: spaceInput.capacity ?? null,
        isApprovalRequired: spaceInput.isApprovalRequired ?? true,
        bookableBy: spaceInput.bookableBy ?? 'region',
        minMinutes: 60,
        maxMinutes: 24 * 60,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: spaceInput.bufferAfterMinutes ?? 0,
        openingHours: spaceInput.openingHours ?? null,
        priceUnit: spaceInput.priceUnit ?? 'free',
        priceMembersCents: spaceInput.prices?.[0] ?? 0,
        priceRegionCents: spaceInput.prices?.[1] ?? 0,
        pricePrivateCents: spaceInput.prices?.[2] ?? 0,
        depositCents: spaceInput.depositCents ?? 0,
        freeCancellationHours: spaceInput.freeCancellationHours ?? 48,
        cancellationFeePercent: spaceInput.cancellationFeePercent ?? 0,
      });
      spaces.set(`${venueInput.key}/${spaceInput.key}`, space);
    }
  }
  const tree = [...spaces.values()].map((space) => ({ id: space.id, parentId: space.parent?.id ?? null }));
  let reference = 900_000;
  const book = (
    spaceKey: string,
    startsAt: Date,
    endsAt: Date,
    title: string,
    requester: string,
    organisation: string | null,
    status: 'requested' | 'approved',
    extra: { series?: BookingSeries; paid?: boolean } = {},
  ) => {
    const space = spaces.get(spaceKey)!;
    const ownerId = space.venue.organisation.id;
    const organisationId = organisation ? input.organisations.get(organisation)!.id : null;
    const tier = priceTier({
      bookingOrganisationId: organisationId,
      ownerOrganisationId: ownerId,
      requesterIsOwnerMember: false,
    });
    const rate = { members: space.priceMembersCents, region: space.priceRegionCents, private: space.pricePrivateCents }[tier];
    const priceCents = bookingPrice(space.priceUnit, rate, startsAt, endsAt);
    const depositCents = space.priceUnit === 'free' ? 0 : space.depositCents;
    const booking = em.create(Booking, {
      series: extra.series ?? null,
      priceTier: tier,
      priceCents,
      depositCents,
      referenceNumber: priceCents + depositCents > 0 ? finnishReference(reference++) : null,
      paidAt: extra.paid ? now : null,
      space,
      requester: input.users.get(requester)!,
      organisation: organisation ? input.organisations.get(organisation)! : null,
      title,
      status,
      startsAt,
      endsAt,
      createdAt: now,
      expiresAt: status === 'requested' ? requestExpiry(now, startsAt, 7) : null,
      decidedAt: status === 'approved' ? now : null,
    });
    for (const leafId of leafSpacesUnder(space.id, tree)) {
      const leaf = [...spaces.values()].find((candidate) => candidate.id === leafId)!;
      em.create(BookingOccupancy, { booking, leafSpace: leaf, ...occupiedInterval(startsAt, endsAt, space), isBlocking: true });
    }
  };
  // Weekly club evenings through the coming three months, each a recurring series.
  const weekly = (
    spaceKey: string,
    title: string,
    requester: string,
    organisation: string,
    weekday: number,
    from: number,
    to: number,
  ) => {
    const last = helsinkiDayOf(helsinkiTime(now, 11, weekday, from));
    const series = em.create(BookingSeries, {
      space: spaces.get(spaceKey)!,
      requester: input.users.get(requester)!,
      organisation: input.organisations.get(organisation)!,
      title,
      rule: { frequency: 'weekly', weekdays: [weekday || 7], until: last, skipDates: [] },
      createdAt: now,
    });
    for (let week = 0; week < 12; week++) {
      book(
        spaceKey,
        helsinkiTime(now, week, weekday, from),
        helsinkiTime(now, week, weekday, to),
        title,
        requester,
        organisation,
        'approved',
        { series, paid: week < 4 },
      );
    }
  };
  weekly('kerkonkoski-school/gym', 'Lentopallovuoro', 'omar@example.org', 'sports', 2, 18, 20);
  weekly('kotalahti-hall/hall', 'Eläkeläisten kerho', 'liisa@example.org', 'pensioners', 4, 13, 15);
  book(
    'kotalahti-hall/whole',
    helsinkiTime(now, 2, 6, 12),
    helsinkiTime(now, 2, 6, 23),
    'Kylän syysjuhla',
    'aino@example.org',
    'kotalahti',
    'approved',
  );
  book(
    'kotalahti-hall/kitchen',
    helsinkiTime(now, 4, 6, 9),
    helsinkiTime(now, 4, 6, 14),
    'Marttojen leivontatalkoot',
    'aino@example.org',
    'marttas',
    'approved',
  );
  book(
    'kerkonkoski-school/classroom',
    helsinkiTime(now, 1, 1, 18),
    helsinkiTime(now, 1, 1, 20),
    'Hallituksen kokous',
    'juhani@example.org',
    'kerkonkoski',
    'approved',
  );
  book(
    'kotalahti-hall/hall',
    helsinkiTime(now, 3, 6, 14),
    helsinkiTime(now, 3, 6, 18),
    'Nuorisoseuran teatteriharjoitus',
    'matti@example.org',
    'youth',
    'requested',
  );
  book(
    'niinivesi-hut/hut',
    helsinkiTime(now, 1, 6, 15),
    helsinkiTime(now, 1, 6, 21),
    'Helmin 80-vuotisjuhlat',
    'helmi@example.org',
    null,
    'requested',
  );
  book(
    'niinivesi-hut/hut',
    helsinkiTime(now, 5, 5, 17),
    helsinkiTime(now, 5, 5, 22),
    'Metsästysseuran saunailta',
    'kalle@example.org',
    'hunting',
    'approved',
  );
}
