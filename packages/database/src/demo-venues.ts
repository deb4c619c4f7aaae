import { TZDate } from '@date-fns/tz';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organisation, User } from '@talkoot/identity';
import { Booking, BookingOccupancy, Space, Venue, leafSpacesUnder, occupiedInterval, requestExpiry } from '@talkoot/venues';
import type { Village } from '@talkoot/identity';

interface DemoSpace {
  key: string;
  name: string;
  parent?: string;
  capacity?: number;
  isApprovalRequired?: boolean;
  bookableBy?: 'members' | 'region' | 'anyone';
  bufferAfterMinutes?: number;
}

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
    spaces: [
      { key: 'whole', name: 'Koko talo', bufferAfterMinutes: 60 },
      { key: 'hall', name: 'Sali', parent: 'whole', capacity: 80, bufferAfterMinutes: 30 },
      { key: 'kitchen', name: 'Keittiö', parent: 'whole', capacity: 12, bufferAfterMinutes: 30 },
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
    description: { fi: 'Kylän vanha koulu: liikuntasali ja luokka kokouksille.', en: 'The old village school: a gym and a classroom for meetings.' },
    spaces: [
      { key: 'whole', name: 'Koko koulu' },
      { key: 'gym', name: 'Liikuntasali', parent: 'whole', capacity: 60, bufferAfterMinutes: 15 },
      { key: 'classroom', name: 'Luokka', parent: 'whole', capacity: 20, isApprovalRequired: false, bookableBy: 'members' },
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
    description: { fi: 'Hirsimaja ja rantasauna. Sopii perhejuhliin ja kerhoille.', sv: 'Timmerstuga med strandbastu.', en: 'A log hut with a lakeside sauna, for family parties and clubs.' },
    spaces: [{ key: 'hut', name: 'Maja', capacity: 25, bookableBy: 'anyone', bufferAfterMinutes: 120 }],
  },
];

// A Helsinki wall-clock time `weeks` weeks from the coming `weekday` (0 = Sunday).
function helsinkiTime(now: Date, weeks: number, weekday: number, hour: number, minute = 0): Date {
  const today = new TZDate(now.getTime(), 'Europe/Helsinki');
  const daysAhead = ((weekday - today.getDay() + 7) % 7 || 7) + weeks * 7;
  const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + daysAhead, hour, minute, 'Europe/Helsinki');
  return new Date(day.getTime());
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
      });
      spaces.set(`${venueInput.key}/${spaceInput.key}`, space);
    }
  }
  const tree = [...spaces.values()].map((space) => ({ id: space.id, parentId: space.parent?.id ?? null }));
  const book = (spaceKey: string, startsAt: Date, endsAt: Date, title: string, requester: string, organisation: string | null, status: 'requested' | 'approved') => {
    const space = spaces.get(spaceKey)!;
    const booking = em.create(Booking, {
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
  for (let week = 0; week < 12; week++) {
    // Weekly club evenings through the coming three months.
    book('kerkonkoski-school/gym', helsinkiTime(now, week, 2, 18), helsinkiTime(now, week, 2, 20), 'Lentopallovuoro', 'omar@example.org', 'sports', 'approved');
    book('kotalahti-hall/hall', helsinkiTime(now, week, 4, 13), helsinkiTime(now, week, 4, 15), 'Eläkeläisten kerho', 'liisa@example.org', 'pensioners', 'approved');
  }
  book('kotalahti-hall/whole', helsinkiTime(now, 2, 6, 12), helsinkiTime(now, 2, 6, 23), 'Kylän syysjuhla', 'aino@example.org', 'kotalahti', 'approved');
  book('kotalahti-hall/kitchen', helsinkiTime(now, 4, 6, 9), helsinkiTime(now, 4, 6, 14), 'Marttojen leivontatalkoot', 'aino@example.org', 'marttas', 'approved');
  book('kerkonkoski-school/classroom', helsinkiTime(now, 1, 1, 18), helsinkiTime(now, 1, 1, 20), 'Hallituksen kokous', 'juhani@example.org', 'kerkonkoski', 'approved');
  book('kotalahti-hall/hall', helsinkiTime(now, 3, 6, 14), helsinkiTime(now, 3, 6, 18), 'Nuorisoseuran teatteriharjoitus', 'matti@example.org', 'youth', 'requested');
  book('niinivesi-hut/hut', helsinkiTime(now, 1, 6, 15), helsinkiTime(now, 1, 6, 21), 'Helmin 80-vuotisjuhlat', 'helmi@example.org', null, 'requested');
  book('niinivesi-hut/hut', helsinkiTime(now, 5, 5, 17), helsinkiTime(now, 5, 5, 22), 'Metsästysseuran saunailta', 'kalle@example.org', 'hunting', 'approved');
}
