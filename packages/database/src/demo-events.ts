import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organisation, User, Village } from '@talkoot/identity';
import { Event, EventCoOrganiser, type EventRecurrence, EventOccurrence, expandRecurrence, searchTextOf } from '@talkoot/events';
import { helsinkiTime } from './demo-venues.js';

interface DemoEvent {
  owner: string;
  village: string;
  title: { fi: string; sv?: string; en?: string };
  description: { fi: string; sv?: string; en?: string };
  placeName: string;
  address?: string;
  category: Event['category'];
  audiences: string[];
  // weeks ahead, weekday (0 = Sunday), start and end hour
  when: [number, number, number, number];
  days?: number;
  isAllDay?: boolean;
  priceCents?: number;
  accessibility?: string[];
  rideSharing?: boolean;
  recurrence?: Omit<EventRecurrence, 'exceptions'>;
  coOrganisers?: { key: string; accepted: boolean }[];
  cancelled?: boolean;
  // Occurrence indexes cancelled on their own.
  cancelledDates?: number[];
}

const weekly = (count: number, weekday: number): Omit<EventRecurrence, 'exceptions'> => ({
  frequency: 'weekly',
  interval: 1,
  weekdays: [weekday || 7],
  until: null,
  count,
});

// About 60 dates over the coming three months across the demo organisations: weekly clubs, a
// monthly meeting, single events, a two-day market, co-organised events and a cancelled one.
const demoEvents: DemoEvent[] = [
  {
    owner: 'pensioners',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    title: { fi: 'Tuolijumppa', sv: 'Stolgymnastik', en: 'Chair exercise' },
    description: {
      fi: 'Kevyttä jumppaa tuolilla istuen. Ei ennakkoilmoittautumista.',
      en: 'Gentle exercise sitting on a chair. Just come.',
    },
    placeName: 'Seurakuntatalo',
    address: 'Kirkkotie 3, Rautalampi',
    category: 'seniors',
    audiences: ['seniors'],
    when: [0, 2, 10, 11],
    accessibility: ['step_free', 'accessible_toilet'],
    rideSharing: true,
    recurrence: weekly(12, 2),
    cancelledDates: [5],
  },
  {
    owner: 'sports',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    title: { fi: 'Lentopallo kaikille', sv: 'Volleyboll för alla', en: 'Volleyball for everyone' },
    description: { fi: 'Vapaa lentopallovuoro, pallot seuralta.' },
    placeName: 'Rautalammin liikuntahalli',
    address: 'Urheilutie 5, Rautalampi',
    category: 'sport',
    audiences: ['youth', 'adults'],
    when: [0, 4, 18, 20],
    accessibility: ['step_free'],
    recurrence: weekly(12, 4),
  },
  {
    owner: 'parish',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    title: { fi: 'Sanajumalanpalvelus', sv: 'Gudstjänst', en: 'Sunday service' },
    description: { fi: 'Sunnuntain jumalanpalvelus kirkossa. Kirkkokahvit seurakuntatalolla.' },
    placeName: 'Rautalammin kirkko',
    address: 'Kirkkotie 1, Rautalampi',
    category: 'church',
    audiences: ['everyone'],
    when: [0, 0, 10, 11],
    accessibility: ['step_free', 'hearing_loop'],
    recurrence: weekly(10, 0),
  },
  {
    owner: 'marttas',
    village: 'Leppävirta/Kotalahti',
    title: { fi: 'Marttailta', en: 'Martha evening' },
    description: { fi: 'Kuukauden marttailta: tänään leivotaan ja suunnitellaan myyjäisiä.' },
    placeName: 'Kotalahden kylätalo',
    address: 'Kyläraitti 12, 79100 Leppävirta',
    category: 'meeting',
    audiences: ['adults'],
    when: [0, 3, 18, 20],
    recurrence: { frequency: 'monthly-weekday', interval: 1, weekdays: [], until: null, count: 3 },
  },
  {
    owner: 'youth',
    village: 'Leppävirta/Kotalahti',
    title: { fi: 'Nuorten iltakerho', en: 'Youth club evening' },
    description: { fi: 'Pelejä, välipalaa ja juttuseuraa 12–17-vuotiaille.' },
    placeName: 'Kotalahden kylätalo',
    address: 'Kyläraitti 12, 79100 Leppävirta',
    category: 'children',
    audiences: ['youth'],
    when: [0, 5, 17, 20],
    recurrence: weekly(8, 5),
  },
  {
    owner: 'kotalahti',
    village: 'Leppävirta/Kotalahti',
    title: { fi: 'Kylän joulumyyjäiset', sv: 'Byns julbasar', en: 'Village Christmas fair' },
    description: { fi: 'Leivonnaisia, käsitöitä ja arpajaiset. Glögiä ja joulupuuroa.' },
    placeName: 'Kotalahden kylätalo',
    address: 'Kyläraitti 12, 79100 Leppävirta',
    category: 'market',
    audiences: ['everyone', 'families'],
    when: [2, 6, 11, 15],
    accessibility: ['step_free', 'accessible_toilet'],
    rideSharing: true,
    coOrganisers: [{ key: 'marttas', accepted: true }],
  },
  {
    owner: 'hunting',
    village: 'Vesanto/Niinivesi',
    title: { fi: 'Metsästysseuran peijaiset', en: 'Hunting club feast' },
    description: { fi: 'Hirvikeittoa kaikille kyläläisille maanomistajien kiitokseksi.' },
    placeName: 'Niiniveden maja',
    address: 'Majatie 5, 72300 Vesanto',
    category: 'party',
    audiences: ['everyone'],
    when: [3, 6, 13, 17],
    rideSharing: true,
    coOrganisers: [{ key: 'niinivesi', accepted: true }],
  },
  {
    owner: 'kerkonkoski',
    village: 'Rautalampi/Kerkonkoski',
    title: { fi: 'Kyläyhdistyksen vuosikokous', en: 'Annual meeting of the village association' },
    description: { fi: 'Sääntömääräiset asiat, ensi vuoden suunnitelmat ja kahvit.' },
    placeName: 'Kerkonkosken koulu',
    address: 'Koulutie 2, 72100 Rautalampi',
    category: 'meeting',
    audiences: ['adults'],
    when: [1, 1, 18, 20],
    coOrganisers: [{ key: 'municipality', accepted: false }],
  },
  {
    owner: 'youth',
    village: 'Leppävirta/Kotalahti',
    title: { fi: 'Joulunäytelmä: Tonttujen yö', en: 'Christmas play' },
    description: { fi: 'Nuorisoseuran joulunäytelmä koko perheelle.' },
    placeName: 'Kotalahden kylätalo',
    address: 'Kyläraitti 12, 79100 Leppävirta',
    category: 'culture',
    audiences: ['families', 'children'],
    when: [3, 0, 15, 17],
    priceCents: 500,
    accessibility: ['step_free'],
  },
  {
    owner: 'parish',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    title: { fi: 'Kauneimmat joululaulut', sv: 'De vackraste julsångerna', en: 'Christmas carols' },
    description: { fi: 'Yhteislaulua kirkossa. Kolehti Yhteisvastuulle.' },
    placeName: 'Rautalammin kirkko',
    address: 'Kirkkotie 1, Rautalampi',
    category: 'church',
    audiences: ['everyone'],
    when: [2, 0, 18, 19],
    accessibility: ['step_free', 'hearing_loop', 'sign_language'],
  },
  {
    owner: 'oravikoski',
    village: 'Leppävirta/Oravikoski',
    title: { fi: 'Latutalkoot', en: 'Ski track work day' },
    description: { fi: 'Raivataan latupohjat ennen lumia. Ota sahat ja oksasakset.' },
    placeName: 'Oravikosken laavu',
    category: 'talkoot',
    audiences: ['adults'],
    when: [1, 6, 10, 14],
    rideSharing: true,
  },
  {
    owner: 'sports',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    title: { fi: 'Hiihtokoulu lapsille', en: 'Ski school for children' },
    description: { fi: 'Perinteisen hiihdon alkeet 5–10-vuotiaille.' },
    placeName: 'Rautalammin urheilukenttä',
    category: 'children',
    audiences: ['children'],
    when: [7, 6, 10, 12],
    priceCents: 1000,
  },
  {
    owner: 'niinivesi',
    village: 'Vesanto/Niinivesi',
    title: { fi: 'Pilkkikilpailut', en: 'Ice fishing contest' },
    description: { fi: 'Perinteiset pilkkikilpailut Niinivedellä. Sarjat lapsille ja aikuisille.' },
    placeName: 'Niiniveden jää, lähtö majalta',
    address: 'Majatie 5, 72300 Vesanto',
    category: 'sport',
    audiences: ['everyone'],
    when: [10, 6, 9, 14],
    priceCents: 800,
    rideSharing: true,
  },
  {
    owner: 'pensioners',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    title: { fi: 'Senioritanssit', en: 'Dance afternoon for seniors' },
    description: { fi: 'Elävää musiikkia, tanssia ja kahvit.' },
    placeName: 'Seurakuntatalo',
    address: 'Kirkkotie 3, Rautalampi',
    category: 'seniors',
    audiences: ['seniors'],
    when: [4, 3, 13, 16],
    priceCents: 700,
    accessibility: ['step_free', 'accessible_toilet'],
    rideSharing: true,
  },
  {
    owner: 'kotalahti',
    village: 'Leppävirta/Kotalahti',
    title: { fi: 'Kylän pikkujoulut', en: 'Village Christmas party' },
    description: { fi: 'Peruttu vähäisen osallistujamäärän vuoksi. Tervetuloa joulumyyjäisiin!' },
    placeName: 'Kotalahden kylätalo',
    address: 'Kyläraitti 12, 79100 Leppävirta',
    category: 'party',
    audiences: ['adults'],
    when: [3, 5, 18, 23],
    cancelled: true,
  },
  {
    owner: 'municipality',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    title: { fi: 'Talvimarkkinat', sv: 'Vintermarknad', en: 'Winter market' },
    description: { fi: 'Kaksipäiväiset markkinat torilla: paikallista ruokaa, käsitöitä ja musiikkia.' },
    placeName: 'Rautalammin tori',
    category: 'market',
    audiences: ['everyone', 'families'],
    when: [9, 6, 0, 0],
    days: 2,
    isAllDay: true,
    accessibility: ['step_free'],
  },
  {
    owner: 'marttas',
    village: 'Leppävirta/Sorsakoski',
    title: { fi: 'Leipäkurssi', en: 'Bread-baking course' },
    description: { fi: 'Ruisleivän leivontaa alusta loppuun. Ilmoittaudu martoille.' },
    placeName: 'Sorsakosken seurantalo',
    category: 'education',
    audiences: ['adults'],
    when: [5, 6, 10, 14],
    priceCents: 1500,
  },
  {
    owner: 'hunting',
    village: 'Vesanto/Niinivesi',
    title: { fi: 'Luontoretki lintutornille', en: 'Nature walk to the bird tower' },
    description: { fi: 'Opastettu kävely talvisessa metsässä, eväät mukaan.' },
    placeName: 'Niiniveden lintutorni',
    category: 'nature',
    audiences: ['everyone'],
    when: [6, 0, 11, 14],
  },
];

function atDay(date: Date, days: number, hour: number): Date {
  const local = new Date(date.getTime());
  return new Date(local.getTime() + days * 86_400_000 + hour * 3_600_000);
}

export function seedDemoEvents(
  em: EntityManager,
  input: { organisations: Map<string, Organisation>; villages: Map<string, Village>; users: Map<string, User>; now?: Date },
): DemoEventRef[] {
  const now = input.now ?? new Date();
  const made: DemoEventRef[] = [];
  for (const demo of demoEvents) {
    const village = input.villages.get(demo.village);
    const organisation = input.organisations.get(demo.owner);
    if (!village || !organisation) throw new Error(`demo events: unknown village or organisation in ${demo.title.fi}`);
    const [weeks, weekday, from, to] = demo.when;
    let startsAt = helsinkiTime(now, weeks, weekday, from);
    let endsAt = helsinkiTime(now, weeks, weekday, to);
    if (demo.isAllDay) {
      startsAt = helsinkiTime(now, weeks, weekday, 0);
      endsAt = atDay(startsAt, demo.days ?? 1, 0);
    }
    const recurrence: EventRecurrence | null = demo.recurrence ? { ...demo.recurrence, exceptions: [] } : null;
    const event = em.create(Event, {
      organisation,
      status: demo.cancelled ? 'cancelled' : 'published',
      title: demo.title,
      description: demo.description,
      isAllDay: demo.isAllDay ?? false,
      placeName: demo.placeName,
      address: demo.address ?? null,
      village,
      category: demo.category,
      audiences: demo.audiences,
      priceCents: demo.priceCents ?? null,
      accessibility: demo.accessibility ?? [],
      isRideSharingWelcome: demo.rideSharing ?? false,
      recurrence,
      searchText: searchTextOf([
        demo.title.fi,
        demo.title.sv,
        demo.title.en,
        demo.description.fi,
        demo.description.sv,
        demo.description.en,
        demo.placeName,
        demo.address,
        village.name,
      ]),
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      cancelledAt: demo.cancelled ? now : null,
    });
    const times = recurrence ? expandRecurrence({ startsAt, endsAt }, recurrence) : [{ startsAt, endsAt }];
    times.forEach((time, index) => {
      const cancelled = demo.cancelledDates?.includes(index) ?? false;
      em.create(EventOccurrence, {
        event,
        startsAt: time.startsAt,
        endsAt: time.endsAt,
        isCancelled: cancelled,
        sequence: cancelled ? 1 : 0,
        updatedAt: now,
      });
    });
    for (const co of demo.coOrganisers ?? []) {
      em.create(EventCoOrganiser, {
        event,
        organisation: input.organisations.get(co.key)!,
        status: co.accepted ? 'accepted' : 'invited',
        invitedAt: now,
        answeredAt: co.accepted ? now : null,
      });
    }
    made.push({ id: event.id, titleFi: demo.title.fi, owner: demo.owner, startsAt });
  }
  return made;
}

// What other demo data (volunteer tasks) needs of an event: domains meet through ids.
export interface DemoEventRef {
  id: string;
  titleFi: string;
  owner: string;
  startsAt: Date;
}
