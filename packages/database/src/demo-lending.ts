import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organisation, User, Village } from '@talkoot/identity';
import { addDays, helsinkiInstantAt, helsinkiToday } from '@talkoot/platform';
import {
  type BorrowerKind,
  GiveAwayOffer,
  type ItemCategory,
  Item,
  KitPart,
  Loan,
  LoanLine,
  LoanRequest,
  type LoanState,
} from '@talkoot/lending';

interface DemoItem {
  key: string;
  owner: string;
  name: { fi: string; sv: string; en: string };
  category: ItemCategory;
  quantity: number;
  // members / other organisations / private persons, in cents per unit
  fees?: [number, number, number];
  depositCents?: number;
  borrowers?: BorrowerKind[];
  isApprovalRequired?: boolean;
  maxDays?: number;
  noticeDays?: number;
  pickUp?: string;
  condition?: string;
  parts?: [key: string, perKit: number][];
}

const all: BorrowerKind[] = ['members', 'region', 'residents'];
const organisationsOnly: BorrowerKind[] = ['members', 'region'];

// About forty items of the demo organisations: what a region's associations really own.
const demoItems: DemoItem[] = [
  {
    key: 'kotalahti-chairs',
    owner: 'kotalahti',
    name: { fi: 'Tuolit', sv: 'Stolar', en: 'Chairs' },
    category: 'furniture',
    quantity: 50,
    fees: [0, 50, 100],
    pickUp: 'Kylätalon varastosta. Avain kyläkaupan kassalta.',
  },
  {
    key: 'kotalahti-tables',
    owner: 'kotalahti',
    name: { fi: 'Pöydät 180 cm', sv: 'Bord 180 cm', en: 'Tables 180 cm' },
    category: 'furniture',
    quantity: 12,
    fees: [0, 200, 400],
    pickUp: 'Kylätalon varastosta. Avain kyläkaupan kassalta.',
  },
  {
    key: 'kotalahti-tent',
    owner: 'kotalahti',
    name: { fi: 'Juhlateltta 6 × 12 m', sv: 'Festtält 6 × 12 m', en: 'Party tent 6 × 12 m' },
    category: 'tents',
    quantity: 1,
    fees: [0, 5000, 8000],
    depositCents: 10000,
    maxDays: 4,
    noticeDays: 3,
    condition: 'Yksi seinäkangas paikattu.',
  },
  {
    key: 'kotalahti-kit',
    owner: 'kotalahti',
    name: {
      fi: 'Juhlapaketti (teltta, 4 pöytää, 30 tuolia)',
      sv: 'Festpaket (tält, 4 bord, 30 stolar)',
      en: 'Party kit (tent, 4 tables, 30 chairs)',
    },
    category: 'other',
    quantity: 1,
    fees: [0, 0, 0],
    parts: [
      ['kotalahti-tent', 1],
      ['kotalahti-tables', 4],
      ['kotalahti-chairs', 30],
    ],
  },
  {
    key: 'kotalahti-urn',
    owner: 'kotalahti',
    name: { fi: 'Kahvinkeitin 100 kuppia', sv: 'Kaffebryggare 100 koppar', en: 'Coffee urn, 100 cups' },
    category: 'kitchen',
    quantity: 1,
    fees: [0, 1000, 1500],
    borrowers: all,
    isApprovalRequired: false,
  },
  {
    key: 'kotalahti-sound',
    owner: 'kotalahti',
    name: { fi: 'Äänentoistolaitteet', sv: 'Ljudanläggning', en: 'Sound system' },
    category: 'soundLight',
    quantity: 1,
    fees: [0, 3000, 5000],
    depositCents: 5000,
    borrowers: organisationsOnly,
    condition: 'Kaksi langatonta mikrofonia.',
  },
  {
    key: 'kotalahti-grill',
    owner: 'kotalahti',
    name: { fi: 'Kaasugrilli', sv: 'Gasgrill', en: 'Gas grill' },
    category: 'kitchen',
    quantity: 1,
    fees: [0, 1000, 2000],
  },
  {
    key: 'kotalahti-dishes',
    owner: 'kotalahti',
    name: {
      fi: 'Astiasto (lautanen, lasi, aterimet)',
      sv: 'Servis (tallrik, glas, bestick)',
      en: 'Tableware (plate, glass, cutlery)',
    },
    category: 'kitchen',
    quantity: 100,
    fees: [0, 20, 30],
  },
  {
    key: 'sorsakoski-chairs',
    owner: 'sorsakoski',
    name: { fi: 'Tuolit', sv: 'Stolar', en: 'Chairs' },
    category: 'furniture',
    quantity: 30,
    fees: [0, 30, 50],
  },
  {
    key: 'sorsakoski-tables',
    owner: 'sorsakoski',
    name: { fi: 'Taittopöydät', sv: 'Fällbord', en: 'Folding tables' },
    category: 'furniture',
    quantity: 8,
    fees: [0, 100, 200],
  },
  {
    key: 'sorsakoski-canoes',
    owner: 'sorsakoski',
    name: { fi: 'Kanootit', sv: 'Kanoter', en: 'Canoes' },
    category: 'sportOutdoor',
    quantity: 4,
    fees: [0, 1500, 2500],
    depositCents: 5000,
    maxDays: 7,
    pickUp: 'Uimarannan venevajasta.',
  },
  {
    key: 'sorsakoski-vests',
    owner: 'sorsakoski',
    name: { fi: 'Pelastusliivit', sv: 'Flytvästar', en: 'Life jackets' },
    category: 'sportOutdoor',
    quantity: 8,
    borrowers: all,
    isApprovalRequired: false,
  },
  {
    key: 'oravikoski-tables',
    owner: 'oravikoski',
    name: { fi: 'Pöydät', sv: 'Bord', en: 'Tables' },
    category: 'furniture',
    quantity: 6,
  },
  {
    key: 'oravikoski-popup',
    owner: 'oravikoski',
    name: { fi: 'Pikateltta 3 × 3 m', sv: 'Snabbtält 3 × 3 m', en: 'Pop-up tent 3 × 3 m' },
    category: 'tents',
    quantity: 2,
    fees: [0, 1000, 2000],
  },
  {
    key: 'oravikoski-castle',
    owner: 'oravikoski',
    name: { fi: 'Pomppulinna', sv: 'Hoppborg', en: 'Bouncy castle' },
    category: 'children',
    quantity: 1,
    fees: [0, 4000, 6000],
    depositCents: 5000,
    condition: 'Puhallin mukana. Ei märkänä pakkaamista.',
  },
  {
    key: 'oravikoski-sledges',
    owner: 'oravikoski',
    name: { fi: 'Potkukelkat', sv: 'Sparkstöttingar', en: 'Kick sledges' },
    category: 'sportOutdoor',
    quantity: 10,
    borrowers: all,
    isApprovalRequired: false,
  },
  {
    key: 'kerkonkoski-chairs',
    owner: 'kerkonkoski',
    name: { fi: 'Tuolit', sv: 'Stolar', en: 'Chairs' },
    category: 'furniture',
    quantity: 50,
    fees: [0, 50, 100],
  },
  {
    key: 'kerkonkoski-tables',
    owner: 'kerkonkoski',
    name: { fi: 'Pöydät', sv: 'Bord', en: 'Tables' },
    category: 'furniture',
    quantity: 10,
    fees: [0, 200, 300],
  },
  {
    key: 'kerkonkoski-urn',
    owner: 'kerkonkoski',
    name: { fi: 'Kahvinkeitin', sv: 'Kaffebryggare', en: 'Coffee urn' },
    category: 'kitchen',
    quantity: 1,
  },
  {
    key: 'kerkonkoski-projector',
    owner: 'kerkonkoski',
    name: { fi: 'Videotykki ja valkokangas', sv: 'Projektor och duk', en: 'Projector and screen' },
    category: 'soundLight',
    quantity: 1,
    fees: [0, 2000, 3000],
    borrowers: organisationsOnly,
  },
  {
    key: 'niinivesi-canoes',
    owner: 'niinivesi',
    name: { fi: 'Kanootti', sv: 'Kanot', en: 'Canoe' },
    category: 'sportOutdoor',
    quantity: 3,
    fees: [0, 1500, 2000],
    maxDays: 7,
  },
  {
    key: 'niinivesi-grill',
    owner: 'niinivesi',
    name: { fi: 'Muurikka', sv: 'Stekhäll', en: 'Griddle pan' },
    category: 'kitchen',
    quantity: 2,
    borrowers: all,
    isApprovalRequired: false,
  },
  {
    key: 'niinivesi-trailer',
    owner: 'niinivesi',
    name: { fi: 'Peräkärry', sv: 'Släpvagn', en: 'Trailer' },
    category: 'tools',
    quantity: 1,
    fees: [0, 2000, 3000],
    maxDays: 2,
  },
  {
    key: 'sports-chairs',
    owner: 'sports',
    name: { fi: 'Tuolit', sv: 'Stolar', en: 'Chairs' },
    category: 'furniture',
    quantity: 40,
    fees: [0, 50, 100],
    pickUp: 'Urheilutalon varasto, ovi kentän puolella.',
  },
  {
    key: 'sports-tent',
    owner: 'sports',
    name: { fi: 'Teltta 5 × 10 m', sv: 'Tält 5 × 10 m', en: 'Tent 5 × 10 m' },
    category: 'tents',
    quantity: 1,
    fees: [0, 4000, 7000],
    depositCents: 10000,
    maxDays: 4,
    pickUp: 'Urheilutalon varasto, ovi kentän puolella.',
  },
  {
    key: 'sports-sound',
    owner: 'sports',
    name: { fi: 'Kenttäkuulutuslaitteet', sv: 'Högtalarsystem för planen', en: 'Field PA system' },
    category: 'soundLight',
    quantity: 1,
    fees: [0, 2500, 4000],
  },
  {
    key: 'sports-floorball',
    owner: 'sports',
    name: {
      fi: 'Salibandyvarusteet (20 mailaa, maalit)',
      sv: 'Innebandyutrustning (20 klubbor, mål)',
      en: 'Floorball kit (20 sticks, goals)',
    },
    category: 'sportOutdoor',
    quantity: 1,
  },
  {
    key: 'sports-stopwatches',
    owner: 'sports',
    name: { fi: 'Sekuntikellot', sv: 'Tidtagarur', en: 'Stopwatches' },
    category: 'sportOutdoor',
    quantity: 6,
    borrowers: all,
    isApprovalRequired: false,
  },
  {
    key: 'parish-chairs',
    owner: 'parish',
    name: { fi: 'Tuolit', sv: 'Stolar', en: 'Chairs' },
    category: 'furniture',
    quantity: 60,
    fees: [0, 0, 50],
    pickUp: 'Seurakuntatalon alakerta, soita ensin 040 555 1234.',
  },
  {
    key: 'parish-tables',
    owner: 'parish',
    name: { fi: 'Pöydät', sv: 'Bord', en: 'Tables' },
    category: 'furniture',
    quantity: 15,
    fees: [0, 0, 200],
  },
  {
    key: 'parish-cups',
    owner: 'parish',
    name: { fi: 'Kahvikupit', sv: 'Kaffekoppar', en: 'Coffee cups' },
    category: 'kitchen',
    quantity: 200,
    borrowers: all,
  },
  {
    key: 'parish-microphones',
    owner: 'parish',
    name: { fi: 'Mikrofonit ja kaiutin', sv: 'Mikrofoner och högtalare', en: 'Microphones and speaker' },
    category: 'soundLight',
    quantity: 1,
    borrowers: organisationsOnly,
  },
  {
    key: 'hunting-tent',
    owner: 'hunting',
    name: { fi: 'Kota-teltta', sv: 'Kåtatält', en: 'Lavvu tent' },
    category: 'tents',
    quantity: 1,
    fees: [0, 2000, 3000],
  },
  {
    key: 'hunting-generator',
    owner: 'hunting',
    name: { fi: 'Aggregaatti', sv: 'Elverk', en: 'Generator' },
    category: 'tools',
    quantity: 1,
    fees: [0, 2000, 4000],
    depositCents: 5000,
    borrowers: organisationsOnly,
  },
  {
    key: 'youth-lights',
    owner: 'youth',
    name: { fi: 'Valosarja ja jalustat', sv: 'Ljusrigg med stativ', en: 'Stage lights with stands' },
    category: 'soundLight',
    quantity: 1,
    fees: [0, 2000, 3000],
  },
  {
    key: 'youth-games',
    owner: 'youth',
    name: { fi: 'Lautapelit', sv: 'Brädspel', en: 'Board games' },
    category: 'children',
    quantity: 10,
    borrowers: all,
    isApprovalRequired: false,
  },
  {
    key: 'municipality-fences',
    owner: 'municipality',
    name: { fi: 'Aitaelementit', sv: 'Staketelement', en: 'Fence panels' },
    category: 'tools',
    quantity: 20,
    borrowers: organisationsOnly,
  },
  {
    key: 'municipality-stage',
    owner: 'municipality',
    name: { fi: 'Lavaelementit 1 × 2 m', sv: 'Scenelement 1 × 2 m', en: 'Stage platforms 1 × 2 m' },
    category: 'other',
    quantity: 8,
    borrowers: organisationsOnly,
    noticeDays: 7,
  },
  {
    key: 'marttas-urns',
    owner: 'marttas',
    name: { fi: 'Kahvinkeittimet', sv: 'Kaffebryggare', en: 'Coffee urns' },
    category: 'kitchen',
    quantity: 2,
    fees: [0, 500, 1000],
  },
  {
    key: 'marttas-cloths',
    owner: 'marttas',
    name: { fi: 'Pöytäliinat', sv: 'Bordsdukar', en: 'Tablecloths' },
    category: 'kitchen',
    quantity: 30,
    fees: [0, 100, 200],
    condition: 'Pestään ennen palautusta.',
  },
  {
    key: 'pensioners-poles',
    owner: 'pensioners',
    name: { fi: 'Sauvakävelysauvat', sv: 'Stavgångsstavar', en: 'Walking poles' },
    category: 'sportOutdoor',
    quantity: 20,
    borrowers: all,
    isApprovalRequired: false,
  },
];

interface DemoLoan {
  borrower: string;
  organisation: string | null;
  lines: [itemKey: string, quantity: number][];
  // Days from today (Helsinki) and hours of the day.
  from: [days: number, hour: number];
  to: [days: number, hour: number];
  state: LoanState;
  returned?: [fine: number, damaged: number, missing: number][];
  collector: string;
  isTransportNeeded?: boolean;
  denyReason?: string;
}

// Loans past and coming, one of them overdue; next Saturday stays free for the demo search.
const demoLoans: DemoLoan[] = [
  {
    borrower: 'matti@example.org',
    organisation: 'youth',
    lines: [
      ['kotalahti-chairs', 30],
      ['kotalahti-tables', 4],
    ],
    from: [-24, 10],
    to: [-22, 18],
    state: 'returned',
    returned: [
      [29, 1, 0],
      [4, 0, 0],
    ],
    collector: 'Matti Korhonen',
  },
  {
    borrower: 'omar@example.org',
    organisation: 'sports',
    lines: [['parish-chairs', 40]],
    from: [-10, 9],
    to: [-9, 20],
    state: 'returned',
    returned: [[40, 0, 0]],
    collector: 'Omar Hassan',
  },
  {
    borrower: 'kalle@example.org',
    organisation: 'oravikoski',
    lines: [['sorsakoski-canoes', 2]],
    from: [-6, 9],
    to: [-2, 18],
    state: 'pickedUp',
    collector: 'Kalle Räsänen',
    isTransportNeeded: true,
  },
  {
    borrower: 'liisa@example.org',
    organisation: 'pensioners',
    lines: [['kerkonkoski-projector', 1]],
    from: [-1, 12],
    to: [2, 16],
    state: 'pickedUp',
    collector: 'Liisa Heikkinen',
  },
  {
    borrower: 'eeva@example.org',
    organisation: 'sorsakoski',
    lines: [['kotalahti-kit', 1]],
    from: [17, 10],
    to: [18, 20],
    state: 'requested',
    collector: 'Eeva Nieminen',
    isTransportNeeded: true,
  },
  {
    borrower: 'juhani@example.org',
    organisation: 'kerkonkoski',
    lines: [['sports-sound', 1]],
    from: [12, 16],
    to: [12, 23],
    state: 'approved',
    collector: 'Juhani Mäkinen',
  },
  {
    borrower: 'sari@example.org',
    organisation: 'youth',
    lines: [
      ['hunting-generator', 1],
      ['hunting-tent', 1],
    ],
    from: [24, 12],
    to: [25, 14],
    state: 'requested',
    collector: 'Sari Savolainen',
  },
  {
    borrower: 'helmi@example.org',
    organisation: null,
    lines: [['marttas-urns', 1]],
    from: [3, 10],
    to: [3, 16],
    state: 'denied',
    collector: 'Helmi Jäntti',
    denyReason: 'Molemmat keittimet ovat silloin omassa käytössä.',
  },
];

export function seedDemoLending(
  em: EntityManager,
  input: { organisations: Map<string, Organisation>; villages: Map<string, Village>; users: Map<string, User>; now?: Date },
): void {
  const now = input.now ?? new Date();
  const today = helsinkiToday(now);
  const at = ([days, hour]: [number, number]) => helsinkiInstantAt(addDays(today, days), hour * 3_600_000);
  const items = new Map<string, Item>();
  for (const demo of demoItems) {
    const owner = input.organisations.get(demo.owner)!;
    const item = em.create(Item, {
      organisation: owner,
      name: demo.name,
      description: {},
      category: demo.category,
      quantity: demo.quantity,
      isKit: Boolean(demo.parts),
      venueId: null,
      address: '',
      village: owner.village,
      pickUpInstructions: demo.pickUp ?? '',
      borrowers: demo.borrowers ?? all,
      isApprovalRequired: demo.isApprovalRequired ?? true,
      feeMembersCents: demo.fees?.[0] ?? 0,
      feeOrganisationsCents: demo.fees?.[1] ?? 0,
      feePrivateCents: demo.fees?.[2] ?? 0,
      depositCents: demo.depositCents ?? null,
      maxDays: demo.maxDays ?? null,
      noticeDays: demo.noticeDays ?? null,
      conditionNotes: demo.condition ?? '',
      createdAt: now,
    });
    items.set(demo.key, item);
    for (const [partKey, perKit] of demo.parts ?? [])
      em.create(KitPart, { kit: item, part: items.get(partKey)!, quantity: perKit });
  }
  for (const demo of demoLoans) {
    const borrower = input.users.get(demo.borrower)!;
    const organisation = demo.organisation ? input.organisations.get(demo.organisation)! : null;
    const startsAt = at(demo.from);
    const endsAt = at(demo.to);
    const request = em.create(LoanRequest, { borrower, organisation, startsAt, endsAt, createdAt: addHours(startsAt, -24 * 14) });
    const owner = items.get(demo.lines[0]![0])!.organisation;
    const loan = em.create(Loan, {
      request,
      owner,
      borrower,
      organisation,
      state: demo.state,
      startsAt,
      endsAt,
      collectorName: demo.collector,
      isTransportNeeded: demo.isTransportNeeded ?? false,
      feeTier: organisation === owner ? 'members' : organisation ? 'region' : 'private',
      createdAt: request.createdAt,
      expiresAt: demo.state === 'requested' ? addHours(now, 24 * 7) : null,
      decidedAt: demo.state === 'requested' ? null : request.createdAt,
      denyReason: demo.denyReason ?? null,
      pickedUpAt: demo.state === 'pickedUp' || demo.state === 'returned' ? startsAt : null,
      returnedAt: demo.state === 'returned' ? endsAt : null,
    });
    demo.lines.forEach(([key, quantity], index) => {
      const item = items.get(key)!;
      const parts = demoItems.find((candidate) => candidate.key === key)?.parts;
      // A kit goes out as its parts.
      const rows = parts
        ? parts.map(([partKey, perKit]) => [items.get(partKey)!, perKit * quantity, item] as const)
        : [[item, quantity, null] as const];
      for (const [lineItem, lineQuantity, kitItem] of rows) {
        const [fine, damaged, missing] = demo.returned?.[index] ?? [0, 0, 0];
        em.create(LoanLine, {
          loan,
          item: lineItem,
          quantity: lineQuantity,
          kitItem,
          returnedFine: fine,
          returnedDamaged: damaged,
          returnedMissing: missing,
          returnNotes: damaged ? 'Yhden tuolin selkänoja haljennut.' : '',
        });
      }
    });
  }
  seedDemoGiveAway(em, { items, users: input.users, now });
}

// One give-away offer (kierrätys, ADR 021), open for the region's coordinators to claim. It holds its
// units from when it was made, so the tablecloths lend 20 of 30 meanwhile.
const demoGiveAway = {
  item: 'marttas-cloths',
  units: 10,
  note: 'Vanhoja pellavaliinoja 180 cm pöytiin. Ehjiä ja pestyjä, parissa pieni tahra.',
  createdBy: 'sari@example.org',
};

export function seedDemoGiveAway(
  em: EntityManager,
  input: { items: Map<string, Item>; users: Map<string, User>; now: Date },
): void {
  const item = input.items.get(demoGiveAway.item)!;
  em.create(GiveAwayOffer, {
    item,
    owner: item.organisation,
    units: demoGiveAway.units,
    note: demoGiveAway.note,
    state: 'offered',
    createdBy: input.users.get(demoGiveAway.createdBy)!,
    createdAt: addHours(input.now, -24 * 3),
  });
}

function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}
