import { formatEuros } from '@talkoot/platform/money';
import type { Language } from '@talkoot/platform/schemas';
import {
  closing,
  formatHelsinkiTime,
  greeting,
  linkFallback,
  type MailBlock,
  type MailContent,
  type MailTemplate,
  type MailTemplateContext,
} from '@talkoot/outbox/mail';
import { z } from 'zod';

// Who gets which: the owner's coordinators hear of requests, instant loans, the borrower's
// cancellations, overdue loans and loans that no longer fit; the borrower of everything else.
export const loanUpdateKinds = [
  'requested',
  'instant',
  'approved',
  'denied',
  'cancelledByBorrower',
  'cancelledByOwner',
  'expired',
  'pickUpReminder',
  'returnReminder',
  'overdue',
  'overdueOwner',
  'flagged',
] as const;
export type LoanUpdateKind = (typeof loanUpdateKinds)[number];

export const loanUpdateDataSchema = z.object({
  kind: z.enum(loanUpdateKinds),
  ownerName: z.string(),
  borrowerName: z.string(),
  organisationName: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  lines: z.array(z.object({ name: z.string(), quantity: z.number().int().min(1) })).min(1),
  collectorName: z.string(),
  isTransportNeeded: z.boolean(),
  handOverStartsAt: z.iso.datetime().nullable(),
  handOverEndsAt: z.iso.datetime().nullable(),
  place: z.string(),
  pickUpInstructions: z.array(z.string()),
  feeCents: z.number().int().min(0),
  depositCents: z.number().int().min(0),
  reason: z.string().nullable(),
  link: z.url({ protocol: /^https?$/ }),
});
export type LoanUpdateData = z.output<typeof loanUpdateDataSchema>;

interface Words {
  subject: Record<LoanUpdateKind, string>;
  lead: Record<LoanUpdateKind, (data: LoanUpdateData) => string>;
  facts: { what: string; owner: string; borrower: string; time: string; collector: string; handOver: string; place: string };
  transport: string;
  fee: string;
  deposit: string;
  free: string;
  reason: string;
  pickUp: string;
  button: { owner: string; borrower: string };
  calendar: string;
}

const who = (data: LoanUpdateData) =>
  data.organisationName ? `${data.borrowerName} (${data.organisationName})` : data.borrowerName;

const words: Record<Language, Words> = {
  fi: {
    subject: {
      requested: 'Uusi lainapyyntö',
      instant: 'Tavaroitanne on lainattu',
      approved: 'Lainasi on hyväksytty',
      denied: 'Lainapyyntöäsi ei hyväksytty',
      cancelledByBorrower: 'Lainaaja perui lainan',
      cancelledByOwner: 'Omistaja perui lainasi',
      expired: 'Lainapyyntösi vanheni',
      pickUpReminder: 'Muistutus: lainan nouto on huomenna',
      returnReminder: 'Muistutus: lainan palautus on huomenna',
      overdue: 'Laina on myöhässä: palauta tavarat',
      overdueOwner: 'Laina on myöhässä',
      flagged: 'Laina ei enää mahdu varastoon',
    },
    lead: {
      requested: (d) => `${who(d)} pyytää lainaksi tavaroitanne. Hyväksy tai hylkää pyyntö Talkoot-palvelussa.`,
      instant: (d) => `${who(d)} lainasi tavaroitanne. Laina vahvistui heti.`,
      approved: (d) => `${d.ownerName} hyväksyi lainasi.`,
      denied: (d) => `${d.ownerName} ei valitettavasti hyväksynyt lainapyyntöäsi.`,
      cancelledByBorrower: (d) => `${who(d)} perui lainan. Tavarat ovat taas vapaina.`,
      cancelledByOwner: (d) => `${d.ownerName} perui lainasi.`,
      expired: (d) => `${d.ownerName} ei ehtinyt vastata pyyntöösi ajoissa, joten tavarat vapautuivat muille.`,
      pickUpReminder: () => 'Muistutus: lainasi alkaa huomenna. Tässä ovat noudon tiedot.',
      returnReminder: () => 'Muistutus: lainasi päättyy huomenna. Palauta tavarat sovitusti.',
      overdue: (d) =>
        `Lainasi päättyi, mutta kaikkia tavaroita ei ole vielä palautettu. Palauta ne pian tai sovi asiasta omistajan (${d.ownerName}) kanssa.`,
      overdueOwner: (d) => `Lainaajan ${who(d)} laina päättyi, mutta kaikkia tavaroita ei ole vielä kirjattu palautetuiksi.`,
      flagged: () =>
        'Osa tavaroista on merkitty pois käytöstä, eikä tämä laina enää mahdu jäljelle jäävään määrään. Sovi lainaajan kanssa, miten toimitaan.',
    },
    facts: {
      what: 'Tavarat',
      owner: 'Omistaja',
      borrower: 'Lainaaja',
      time: 'Laina-aika',
      collector: 'Noutaja',
      handOver: 'Luovutus',
      place: 'Noutopaikka',
    },
    transport: 'Lainaaja tarvitsee apua kuljetukseen.',
    fee: 'Vuokra',
    deposit: 'Pantti',
    free: 'maksuton',
    reason: 'Perustelu',
    pickUp: 'Nouto-ohjeet',
    button: { owner: 'Käsittele lainat', borrower: 'Katso lainasi' },
    calendar: 'Liitteenä on kalenteritiedosto (.ics), jonka voit lisätä puhelimesi kalenteriin.',
  },
  sv: {
    subject: {
      requested: 'Ny låneförfrågan',
      instant: 'Någon har lånat er utrustning',
      approved: 'Ditt lån är godkänt',
      denied: 'Din låneförfrågan godkändes inte',
      cancelledByBorrower: 'Låntagaren avbokade lånet',
      cancelledByOwner: 'Ägaren avbokade ditt lån',
      expired: 'Din låneförfrågan gick ut',
      pickUpReminder: 'Påminnelse: lånet hämtas i morgon',
      returnReminder: 'Påminnelse: lånet ska lämnas tillbaka i morgon',
      overdue: 'Lånet är försenat: lämna tillbaka utrustningen',
      overdueOwner: 'Ett lån är försenat',
      flagged: 'Ett lån ryms inte längre i lagret',
    },
    lead: {
      requested: (d) => `${who(d)} vill låna er utrustning. Godkänn eller avslå förfrågan i Talkoot.`,
      instant: (d) => `${who(d)} lånade er utrustning. Lånet bekräftades direkt.`,
      approved: (d) => `${d.ownerName} godkände ditt lån.`,
      denied: (d) => `${d.ownerName} godkände tyvärr inte din låneförfrågan.`,
      cancelledByBorrower: (d) => `${who(d)} avbokade lånet. Utrustningen är ledig igen.`,
      cancelledByOwner: (d) => `${d.ownerName} avbokade ditt lån.`,
      expired: (d) => `${d.ownerName} hann inte svara på din förfrågan i tid, så utrustningen blev ledig för andra.`,
      pickUpReminder: () => 'Påminnelse: ditt lån börjar i morgon. Här är uppgifterna för hämtningen.',
      returnReminder: () => 'Påminnelse: ditt lån slutar i morgon. Lämna tillbaka utrustningen enligt överenskommelse.',
      overdue: (d) =>
        `Ditt lån har slutat, men all utrustning har inte lämnats tillbaka. Lämna tillbaka den snart eller kom överens med ägaren (${d.ownerName}).`,
      overdueOwner: (d) => `Lånet till ${who(d)} har slutat, men all utrustning har inte registrerats som återlämnad.`,
      flagged: () =>
        'En del av utrustningen är ur bruk, och det här lånet ryms inte längre i det som finns kvar. Kom överens med låntagaren om hur ni gör.',
    },
    facts: {
      what: 'Utrustning',
      owner: 'Ägare',
      borrower: 'Låntagare',
      time: 'Låneperiod',
      collector: 'Hämtas av',
      handOver: 'Överlämning',
      place: 'Hämtningsplats',
    },
    transport: 'Låntagaren behöver hjälp med transporten.',
    fee: 'Hyra',
    deposit: 'Pant',
    free: 'avgiftsfritt',
    reason: 'Motivering',
    pickUp: 'Anvisningar för hämtning',
    button: { owner: 'Hantera lånen', borrower: 'Se dina lån' },
    calendar: 'En kalenderfil (.ics) är bifogad. Du kan lägga till den i telefonens kalender.',
  },
  en: {
    subject: {
      requested: 'New loan request',
      instant: 'Your equipment has been borrowed',
      approved: 'Your loan is approved',
      denied: 'Your loan request was not approved',
      cancelledByBorrower: 'The borrower cancelled the loan',
      cancelledByOwner: 'The owner cancelled your loan',
      expired: 'Your loan request expired',
      pickUpReminder: 'Reminder: the loan is picked up tomorrow',
      returnReminder: 'Reminder: the loan is due back tomorrow',
      overdue: 'Your loan is overdue: please return the equipment',
      overdueOwner: 'A loan is overdue',
      flagged: 'A loan no longer fits the stock',
    },
    lead: {
      requested: (d) => `${who(d)} would like to borrow your equipment. Approve or deny the request in Talkoot.`,
      instant: (d) => `${who(d)} borrowed your equipment. The loan was confirmed at once.`,
      approved: (d) => `${d.ownerName} approved your loan.`,
      denied: (d) => `Unfortunately ${d.ownerName} did not approve your loan request.`,
      cancelledByBorrower: (d) => `${who(d)} cancelled the loan. The equipment is free again.`,
      cancelledByOwner: (d) => `${d.ownerName} cancelled your loan.`,
      expired: (d) => `${d.ownerName} did not answer your request in time, so the equipment is free for others again.`,
      pickUpReminder: () => 'Reminder: your loan starts tomorrow. Here are the pick-up details.',
      returnReminder: () => 'Reminder: your loan ends tomorrow. Please return the equipment as agreed.',
      overdue: (d) =>
        `Your loan has ended, but not everything has been returned. Please return it soon or agree with the owner (${d.ownerName}).`,
      overdueOwner: (d) => `The loan to ${who(d)} has ended, but not everything has been marked returned.`,
      flagged: () =>
        'Some units are out of service, and this loan no longer fits what is left. Agree with the borrower what to do.',
    },
    facts: {
      what: 'Equipment',
      owner: 'Owner',
      borrower: 'Borrower',
      time: 'Loan period',
      collector: 'Collected by',
      handOver: 'Hand-over',
      place: 'Pick-up place',
    },
    transport: 'The borrower needs help with transport.',
    fee: 'Fee',
    deposit: 'Deposit',
    free: 'free of charge',
    reason: 'Reason',
    pickUp: 'Pick-up instructions',
    button: { owner: 'Handle the loans', borrower: 'See your loans' },
    calendar: 'A calendar file (.ics) is attached. You can add it to your phone’s calendar.',
  },
};

const ownerKinds: ReadonlySet<LoanUpdateKind> = new Set([
  'requested',
  'instant',
  'cancelledByBorrower',
  'overdueOwner',
  'flagged',
]);
// Pick-up details matter only while the loan is still to be collected.
const showsPickUp: ReadonlySet<LoanUpdateKind> = new Set(['approved', 'pickUpReminder']);
const endedKinds: ReadonlySet<LoanUpdateKind> = new Set(['denied', 'cancelledByBorrower', 'cancelledByOwner', 'expired']);

export function isOwnerMail(kind: LoanUpdateKind): boolean {
  return ownerKinds.has(kind);
}

function compose(language: Language) {
  return (data: LoanUpdateData, context: MailTemplateContext): MailContent => {
    const w = words[language];
    const money = (cents: number) => (cents === 0 ? w.free : formatEuros(cents, language));
    const rows: [string, string][] = [
      [w.facts.what, data.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')],
      [w.facts.owner, data.ownerName],
      [w.facts.borrower, who(data)],
      [w.facts.time, `${formatHelsinkiTime(data.startsAt, language)} – ${formatHelsinkiTime(data.endsAt, language)}`],
    ];
    if (!endedKinds.has(data.kind)) {
      rows.push([w.facts.collector, data.collectorName]);
      if (data.handOverStartsAt && data.handOverEndsAt)
        rows.push([
          w.facts.handOver,
          `${formatHelsinkiTime(data.handOverStartsAt, language)} – ${formatHelsinkiTime(data.handOverEndsAt, language)}`,
        ]);
      rows.push([w.facts.place, data.place], [w.fee, money(data.feeCents)]);
      if (data.depositCents > 0) rows.push([w.deposit, money(data.depositCents)]);
    }
    const blocks: MailBlock[] = [
      { kind: 'paragraph', text: greeting(language, context.recipientName) },
      { kind: 'paragraph', text: w.lead[data.kind](data) },
      { kind: 'facts', rows },
    ];
    if (data.reason) blocks.push({ kind: 'list', label: w.reason, items: [data.reason] });
    if (data.isTransportNeeded && !endedKinds.has(data.kind)) blocks.push({ kind: 'paragraph', text: w.transport });
    if (showsPickUp.has(data.kind) && data.pickUpInstructions.length)
      blocks.push({ kind: 'list', label: w.pickUp, items: data.pickUpInstructions });
    const label = isOwnerMail(data.kind) ? w.button.owner : w.button.borrower;
    blocks.push(
      { kind: 'button', label, href: data.link },
      { kind: 'link-fallback', text: linkFallback(language), href: data.link },
      { kind: 'note', text: w.calendar },
    );
    return { subject: w.subject[data.kind], blocks, closing: closing(language) };
  };
}

export const loanUpdateTemplate: MailTemplate<typeof loanUpdateDataSchema> = {
  schema: loanUpdateDataSchema,
  compose: { fi: compose('fi'), sv: compose('sv'), en: compose('en') },
};
