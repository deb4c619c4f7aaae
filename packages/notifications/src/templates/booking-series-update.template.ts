import type { Language } from '@talkoot/platform/schemas';
import { type bookingSeriesKinds, bookingSeriesMailDataSchema } from '../mail.schemas.js';
import type { MailBlock, MailContent } from '@talkoot/outbox/mail';
import type { MailTemplate, MailTemplateContext } from '@talkoot/outbox/mail';
import { closing, formatHelsinkiTimeRange, greeting, linkFallback, paymentInstruction, paymentRows } from '@talkoot/outbox/mail';

type Kind = (typeof bookingSeriesKinds)[number];
type Data = ReturnType<typeof bookingSeriesMailDataSchema.parse>;

// The requester pays once the series stands; the owner's coordinators only see the price.
const showsPaymentInstruction: ReadonlySet<Kind> = new Set(['approved']);

interface Words {
  subject: (kind: Kind, count: number) => string;
  lead: (kind: Kind, count: number) => string;
  listLabel: Record<Kind, string>;
  conflicts: string;
  facts: [space: string, venue: string, purpose: string];
  reason: string;
  button: Record<Kind, string>;
}

const words: Record<Language, Words> = {
  fi: {
    subject: (kind, count) =>
      ({
        requested: `Toistuva varauspyyntö: ${count} ${count === 1 ? 'kerta' : 'kertaa'}`,
        approved: 'Toistuva varauksesi on vahvistettu',
        denied: 'Toistuvaa varauspyyntöäsi ei hyväksytty',
        cancelled: 'Toistuva varaus on peruttu',
      })[kind],
    lead: (kind, count) =>
      ({
        requested: `Tilaanne pyydetään käyttöön säännöllisesti, ${count} ${count === 1 ? 'kerran' : 'kertaa'}. Hyväksy tai hylkää pyyntö Talkoot-palvelussa.`,
        approved: 'Toistuva varauksesi on vahvistettu. Tervetuloa! Varatut ajat ovat alla.',
        denied: 'Toistuvaa varauspyyntöäsi ei valitettavasti hyväksytty.',
        cancelled: 'Toistuva varaus on peruttu, ja alla olevat ajat ovat taas vapaita.',
      })[kind],
    listLabel: { requested: 'Pyydetyt ajat', approved: 'Varatut ajat', denied: 'Pyydetyt ajat', cancelled: 'Perutut ajat' },
    conflicts: 'Nämä ajat olivat jo varattuja, joten ne eivät ole mukana:',
    facts: ['Tila', 'Paikka', 'Käyttötarkoitus'],
    reason: 'Perustelu',
    button: {
      requested: 'Käsittele pyyntö',
      approved: 'Katso varauksesi',
      denied: 'Katso varauksesi',
      cancelled: 'Katso varauksesi',
    },
  },
  sv: {
    subject: (kind, count) =>
      ({
        requested: `En återkommande bokningsförfrågan: ${count} ${count === 1 ? 'gång' : 'gånger'}`,
        approved: 'Din återkommande bokning är bekräftad',
        denied: 'Din återkommande bokningsförfrågan godkändes inte',
        cancelled: 'Den återkommande bokningen är avbokad',
      })[kind],
    lead: (kind, count) =>
      ({
        requested: `Någon vill boka er lokal regelbundet, ${count} ${count === 1 ? 'gång' : 'gånger'}. Godkänn eller avslå förfrågan i Talkoot.`,
        approved: 'Din återkommande bokning är bekräftad. Välkommen! De bokade tiderna finns nedan.',
        denied: 'Din återkommande bokningsförfrågan godkändes tyvärr inte.',
        cancelled: 'Den återkommande bokningen är avbokad och tiderna nedan är lediga igen.',
      })[kind],
    listLabel: { requested: 'Begärda tider', approved: 'Bokade tider', denied: 'Begärda tider', cancelled: 'Avbokade tider' },
    conflicts: 'De här tiderna var redan bokade och ingår inte:',
    facts: ['Lokal', 'Plats', 'Ändamål'],
    reason: 'Motivering',
    button: {
      requested: 'Behandla förfrågan',
      approved: 'Se din bokning',
      denied: 'Se din bokning',
      cancelled: 'Se din bokning',
    },
  },
  en: {
    subject: (kind, count) =>
      ({
        requested: `A recurring booking request: ${count} ${count === 1 ? 'date' : 'dates'}`,
        approved: 'Your recurring booking is confirmed',
        denied: 'Your recurring booking request was not approved',
        cancelled: 'The recurring booking is cancelled',
      })[kind],
    lead: (kind, count) =>
      ({
        requested: `Someone would like to use your space regularly, on ${count} ${count === 1 ? 'date' : 'dates'}. Approve or deny the request in Talkoot.`,
        approved: 'Your recurring booking is confirmed. Welcome! The booked dates are listed below.',
        denied: 'Unfortunately your recurring booking request was not approved.',
        cancelled: 'The recurring booking is cancelled, and the dates below are free again.',
      })[kind],
    listLabel: {
      requested: 'Requested dates',
      approved: 'Booked dates',
      denied: 'Requested dates',
      cancelled: 'Cancelled dates',
    },
    conflicts: 'These dates were already taken and are not included:',
    facts: ['Space', 'Venue', 'Purpose'],
    reason: 'Reason',
    button: {
      requested: 'Handle the request',
      approved: 'See your booking',
      denied: 'See your booking',
      cancelled: 'See your booking',
    },
  },
};

type Occurrence = Data['occurrences'][number];

function byStart(a: Occurrence, b: Occurrence): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt);
}

function dateList(label: string, occurrences: readonly Occurrence[], language: Language): MailBlock[] {
  if (occurrences.length === 0) return [];
  const items = [...occurrences]
    .sort(byStart)
    .map((occurrence) => formatHelsinkiTimeRange(occurrence.startsAt, occurrence.endsAt, language));
  return [{ kind: 'list', label, items }];
}

function compose(language: Language) {
  return (data: Data, context: MailTemplateContext): MailContent => {
    const text = words[language];
    const count = data.occurrences.length;
    const instruction =
      data.payment && showsPaymentInstruction.has(data.kind) ? paymentInstruction(data.payment, language) : undefined;
    return {
      subject: `${text.subject(data.kind, count)} – ${data.venueName}`,
      blocks: [
        { kind: 'paragraph', text: greeting(language, context.recipientName) },
        { kind: 'paragraph', text: text.lead(data.kind, count) },
        {
          kind: 'facts',
          rows: [
            [text.facts[0], data.spaceName],
            [text.facts[1], data.venueName],
            [text.facts[2], data.title],
            // One price and one reference number cover every date of the series.
            ...(data.payment ? paymentRows(data.payment, language, { isTotal: true }) : []),
            ...(data.reason ? ([[text.reason, data.reason]] as const) : []),
          ],
        },
        ...dateList(text.listLabel[data.kind], data.occurrences, language),
        ...dateList(text.conflicts, data.conflicts, language),
        ...(instruction ? [{ kind: 'paragraph', text: instruction } as const] : []),
        { kind: 'button', label: text.button[data.kind], href: data.link },
        { kind: 'link-fallback', text: linkFallback(language), href: data.link },
      ],
      closing: closing(language),
    };
  };
}

export const bookingSeriesUpdateTemplate: MailTemplate<typeof bookingSeriesMailDataSchema> = {
  schema: bookingSeriesMailDataSchema,
  compose: { fi: compose('fi'), sv: compose('sv'), en: compose('en') },
};
