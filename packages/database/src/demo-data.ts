import type { OrganisationKind } from '@talkoot/identity';

export const demoPlaces = [
  {
    region: 'Pohjois-Savo',
    municipalities: [
      { name: 'Leppävirta', villages: ['Kotalahti', 'Sorsakoski', 'Oravikoski'] },
      { name: 'Rautalampi', villages: ['Rautalammin kirkonkylä', 'Kerkonkoski', 'Myhinpää'] },
      { name: 'Vesanto', villages: ['Vesannon kirkonkylä', 'Niinivesi'] },
    ],
  },
];

interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  village: string;
  businessId?: string;
  contactEmail?: string;
  contactPhone?: string;
  description: { fi?: string; sv?: string; en?: string };
}

// Business ids below carry valid check digits (see business-id.rules.ts).
export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'kotalahti',
    name: 'Kotalahden kyläyhdistys ry',
    kind: 'association',
    village: 'Leppävirta/Kotalahti',
    businessId: '1234567-1',
    contactEmail: 'kotalahti@example.org',
    contactPhone: '040 123 4501',
    description: {
      fi: 'Kotalahden kylätalo, talkoot ja kesän kylätapahtumat.',
      sv: 'Kotalahtis bygdegård, talkon och byns sommarevenemang.',
      en: 'The Kotalahti village hall, work days and the summer village events.',
    },
  },
  {
    key: 'sorsakoski',
    name: 'Sorsakosken kyläseura ry',
    kind: 'association',
    village: 'Leppävirta/Sorsakoski',
    contactEmail: 'sorsakoski@example.org',
    description: {
      fi: 'Seurantalo Sorsakosken keskustassa ja lainattavaa kalustoa.',
      en: 'A community hall in Sorsakoski and equipment to lend.',
    },
  },
  {
    key: 'oravikoski',
    name: 'Oravikosken kyläyhdistys ry',
    kind: 'association',
    village: 'Leppävirta/Oravikoski',
    description: { fi: 'Laavu, uimaranta ja kyläjuhlat Oravikoskella.' },
  },
  {
    key: 'kerkonkoski',
    name: 'Kerkonkosken kyläyhdistys ry',
    kind: 'association',
    village: 'Rautalampi/Kerkonkoski',
    businessId: '2345678-0',
    description: { fi: 'Kerkonkosken koulu toimii nyt kylätalona.', en: 'The old Kerkonkoski school is now the village hall.' },
  },
  {
    key: 'niinivesi',
    name: 'Niiniveden kyläyhdistys ry',
    kind: 'association',
    village: 'Vesanto/Niinivesi',
    description: { fi: 'Niiniveden maja ja kalastuskilpailut.' },
  },
  {
    key: 'sports',
    name: 'Rautalammin Urheiluseura ry',
    kind: 'association',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    contactEmail: 'urheilu@example.org',
    description: {
      fi: 'Hiihtoa, lentopalloa ja kuntosalivuoroja kaikenikäisille.',
      sv: 'Skidåkning, volleyboll och gym för alla åldrar.',
      en: 'Skiing, volleyball and gym hours for all ages.',
    },
  },
  {
    key: 'pensioners',
    name: 'Vesannon Eläkeläiset ry',
    kind: 'association',
    village: 'Vesanto/Vesannon kirkonkylä',
    contactPhone: '040 123 4507',
    description: { fi: 'Kerhot, retket ja tanssit eläkeläisille.', en: 'Clubs, trips and dances for pensioners.' },
  },
  {
    key: 'parish',
    name: 'Rautalammin seurakunta',
    kind: 'parish',
    village: 'Rautalampi/Rautalammin kirkonkylä',
    contactEmail: 'seurakunta@example.org',
    description: { fi: 'Seurakuntatalo, kerhot ja konsertit.', sv: 'Församlingshem, klubbar och konserter.' },
  },
  {
    key: 'hunting',
    name: 'Myhinpään Metsästysseura ry',
    kind: 'association',
    village: 'Rautalampi/Myhinpää',
    description: { fi: 'Metsästysmaja ja hirvipeijaiset.' },
  },
  {
    key: 'youth',
    name: 'Leppävirran Nuorisoseura ry',
    kind: 'association',
    village: 'Leppävirta/Sorsakoski',
    description: { fi: 'Nuorten illat, teatteri ja bänditoiminta.', en: 'Youth evenings, theatre and bands.' },
  },
  {
    key: 'municipality',
    name: 'Vesannon kunta',
    kind: 'municipality',
    village: 'Vesanto/Vesannon kirkonkylä',
    businessId: '0123456-2',
    contactEmail: 'kunta@example.org',
    description: {
      fi: 'Vesannon kunnan vapaa-aikatoimi.',
      sv: 'Vesanto kommuns fritidsväsende.',
      en: 'Leisure services of the municipality of Vesanto.',
    },
  },
  {
    key: 'marttas',
    name: 'Kotalahden Martat ry',
    kind: 'informal_group',
    village: 'Leppävirta/Kotalahti',
    description: { fi: 'Ruokakurssit ja leivontatalkoot.' },
  },
];

interface DemoUser {
  name: string;
  email: string;
  phone?: string;
  language: 'fi' | 'sv' | 'en';
  isPlatformAdmin?: boolean;
  description: string;
  memberships: [string, 'admin' | 'coordinator' | 'member'][];
}

export const demoUsers: DemoUser[] = [
  {
    name: 'Pirjo Platform',
    email: 'admin@example.org',
    language: 'fi',
    isPlatformAdmin: true,
    description: 'platform admin',
    memberships: [],
  },
  {
    name: 'Aino Virtanen',
    email: 'aino@example.org',
    phone: '040 111 2233',
    language: 'fi',
    description: 'admin of Kotalahden kyläyhdistys, member of Kotalahden Martat',
    memberships: [
      ['kotalahti', 'admin'],
      ['marttas', 'member'],
    ],
  },
  {
    name: 'Matti Korhonen',
    email: 'matti@example.org',
    language: 'fi',
    description: 'coordinator of Kotalahden kyläyhdistys and Leppävirran Nuorisoseura',
    memberships: [
      ['kotalahti', 'coordinator'],
      ['youth', 'coordinator'],
    ],
  },
  {
    name: 'Eeva Nieminen',
    email: 'eeva@example.org',
    language: 'fi',
    description: 'admin of Sorsakosken kyläseura',
    memberships: [['sorsakoski', 'admin']],
  },
  {
    name: 'Juhani Mäkinen',
    email: 'juhani@example.org',
    language: 'fi',
    description: 'coordinator of Kerkonkosken kyläyhdistys, member of the hunting club',
    memberships: [
      ['kerkonkoski', 'coordinator'],
      ['hunting', 'member'],
    ],
  },
  {
    name: 'Anna Lindqvist',
    email: 'anna@example.org',
    language: 'sv',
    description: 'admin of Rautalammin seurakunta (Swedish)',
    memberships: [['parish', 'admin']],
  },
  {
    name: 'Liisa Heikkinen',
    email: 'liisa@example.org',
    phone: '040 555 6677',
    language: 'fi',
    description: 'admin of Vesannon Eläkeläiset, member of Niiniveden kyläyhdistys',
    memberships: [
      ['pensioners', 'admin'],
      ['niinivesi', 'member'],
    ],
  },
  {
    name: 'Omar Hassan',
    email: 'omar@example.org',
    language: 'en',
    description: 'coordinator of Rautalammin Urheiluseura (English)',
    memberships: [['sports', 'coordinator']],
  },
  {
    name: 'Kalle Räsänen',
    email: 'kalle@example.org',
    language: 'fi',
    description: 'admin of the sports club, the hunting club, Oravikoski and Niinivesi',
    memberships: [
      ['sports', 'admin'],
      ['hunting', 'admin'],
      ['oravikoski', 'admin'],
      ['niinivesi', 'admin'],
      ['kerkonkoski', 'admin'],
    ],
  },
  {
    name: 'Sari Savolainen',
    email: 'sari@example.org',
    language: 'fi',
    description: 'admin of Vesannon kunta, admin of the youth club and the Marttas',
    memberships: [
      ['municipality', 'admin'],
      ['youth', 'admin'],
      ['marttas', 'admin'],
    ],
  },
  {
    name: 'Helmi Jäntti',
    email: 'helmi@example.org',
    language: 'fi',
    description: 'resident, member of Vesannon Eläkeläiset; volunteers for Kotalahti and Sorsakoski (past hours in both)',
    memberships: [['pensioners', 'member']],
  },
];
