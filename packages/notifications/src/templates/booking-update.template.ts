import { formatEuros } from '@talkoot/platform/money';
import type { Language } from '@talkoot/platform/schemas';
import { type bookingUpdateKinds, bookingUpdateMailDataSchema } from '../mail.schemas.js';
import type { MailBlock, MailContent } from '@talkoot/outbox/mail';
import type { MailTemplate, MailTemplateContext } from '@talkoot/outbox/mail';
import {
  closing,
  formatHelsinkiClock,
  formatHelsinkiTime,
  greeting,
  linkFallback,
  paymentInstruction,
  paymentRows,
} from '@talkoot/outbox/mail';

type Kind = (typeof bookingUpdateKinds)[number];
type Data = ReturnType<typeof bookingUpdateMailDataSchema.parse>;

// Key instructions open a door: only people whose booking stands get them, whatever the producer sent.
const showsKeyInstructions: ReadonlySet<Kind> = new Set(['approved', 'reminder', 'assisted']);
// The reader pays: not the owner's coordinators (requested), not before the offer is taken (offered).
const showsPaymentInstruction: ReadonlySet<Kind> = new Set(['approved', 'reminder', 'assisted']);
// A booking that no longer stands has no terms to cancel it by.
const showsCancellationTerms: ReadonlySet<Kind> = new Set(['requested', 'approved', 'reminder', 'assisted', 'offered']);
// An offer is not in anyone's calendar yet.
const showsCalendarNote: ReadonlySet<Kind> = new Set([
  'requested',
  'approved',
  'denied',
  'cancelled',
  'expired',
  'reminder',
  'assisted',
]);

interface Words {
  subject: Record<Kind, string>;
  lead: Record<Exclude<Kind, 'offered' | 'assisted'>, string>;
  offered: (until: string | undefined) => string;
  assisted: (venueName: string) => string;
  facts: [space: string, venue: string, time: string, purpose: string];
  reason: string;
  contact: string;
  keyInstructions: string;
  cancellation: (until: string | undefined, fee: string | undefined) => string;
  cancelByContacting: (venueName: string) => string;
  button: Record<Kind, string>;
  calendar: string;
}

const words: Record<Language, Words> = {
  fi: {
    subject: {
      requested: 'Uusi varauspyyntö',
      approved: 'Varauksesi on vahvistettu',
      denied: 'Varauspyyntöäsi ei hyväksytty',
      cancelled: 'Varaus on peruttu',
      expired: 'Varauspyyntösi vanheni',
      offered: 'Jonottamasi aika vapautui',
      reminder: 'Muistutus: varauksesi on ylihuomenna',
      assisted: 'Sinulle on tehty varaus',
    },
    lead: {
      requested: 'Tilaanne on pyydetty käyttöön. Hyväksy tai hylkää pyyntö Talkoot-palvelussa.',
      approved: 'Varauksesi on vahvistettu. Tervetuloa!',
      denied: 'Varauspyyntöäsi ei valitettavasti hyväksytty.',
      cancelled: 'Varaus on peruttu, ja aika on taas vapaa.',
      expired: 'Kukaan ei ehtinyt vastata varauspyyntöösi ajoissa, joten aika vapautui muille.',
      reminder: 'Muistutus: varauksesi on ylihuomenna. Tässä ovat varauksen tiedot.',
    },
    offered: (until) =>
      `Aika, jota jonotit, on nyt vapaa. ${until ? `Se pidetään sinulle varattuna ${until} asti.` : 'Se pidetään sinulle varattuna vain hetken.'} ` +
      'Vahvista varaus Talkoot-palvelussa, muuten aika siirtyy jonossa seuraavalle.',
    assisted: (venueName) => `${venueName} on varannut tilan sinulle. Säilytä tämä viesti.`,
    facts: ['Tila', 'Paikka', 'Aika', 'Käyttötarkoitus'],
    reason: 'Perustelu',
    contact: 'Yhteystiedot',
    keyInstructions: 'Avain ja sisäänpääsy',
    cancellation: (until, fee) =>
      [
        until ? `Voit perua varauksen maksutta ${until} asti.` : '',
        fee ? (until ? `Sen jälkeen peruutusmaksu on ${fee}.` : `Peruutusmaksu on ${fee}.`) : '',
      ]
        .filter(Boolean)
        .join(' '),
    cancelByContacting: (venueName) => `Jos haluat perua varauksen, ota yhteyttä tilan omistajaan (${venueName}).`,
    button: {
      requested: 'Käsittele pyyntö',
      approved: 'Katso varauksesi',
      denied: 'Katso varauksesi',
      cancelled: 'Katso varauksesi',
      expired: 'Varaa uudelleen',
      offered: 'Vahvista varaus',
      reminder: 'Katso varauksesi',
      assisted: 'Katso varaus',
    },
    calendar: 'Liitteenä on kalenteritiedosto (.ics), jonka voit lisätä puhelimesi kalenteriin.',
  },
  sv: {
    subject: {
      requested: 'Ny bokningsförfrågan',
      approved: 'Din bokning är bekräftad',
      denied: 'Din bokningsförfrågan godkändes inte',
      cancelled: 'Bokningen är avbokad',
      expired: 'Din bokningsförfrågan gick ut',
      offered: 'Tiden du köade till är ledig',
      reminder: 'Påminnelse: din bokning är i övermorgon',
      assisted: 'En bokning har gjorts åt dig',
    },
    lead: {
      requested: 'Någon vill boka er lokal. Godkänn eller avslå förfrågan i Talkoot.',
      approved: 'Din bokning är bekräftad. Välkommen!',
      denied: 'Din bokningsförfrågan godkändes tyvärr inte.',
      cancelled: 'Bokningen är avbokad och tiden är ledig igen.',
      expired: 'Ingen hann svara på din förfrågan i tid, så tiden blev ledig för andra.',
      reminder: 'Påminnelse: din bokning är i övermorgon. Här är uppgifterna om bokningen.',
    },
    offered: (until) =>
      `Tiden som du köade till är nu ledig. ${until ? `Den hålls reserverad åt dig till ${until}.` : 'Den hålls reserverad åt dig bara en kort stund.'} ` +
      'Bekräfta bokningen i Talkoot, annars går tiden till nästa i kön.',
    assisted: (venueName) => `${venueName} har bokat lokalen åt dig. Spara det här meddelandet.`,
    facts: ['Lokal', 'Plats', 'Tid', 'Ändamål'],
    reason: 'Motivering',
    contact: 'Kontaktuppgifter',
    keyInstructions: 'Nyckel och hur du kommer in',
    cancellation: (until, fee) =>
      [
        until ? `Du kan avboka utan avgift till ${until}.` : '',
        fee ? (until ? `Efter det är avbokningsavgiften ${fee}.` : `Avbokningsavgiften är ${fee}.`) : '',
      ]
        .filter(Boolean)
        .join(' '),
    cancelByContacting: (venueName) => `Om du vill avboka, kontakta lokalens ägare (${venueName}).`,
    button: {
      requested: 'Behandla förfrågan',
      approved: 'Se din bokning',
      denied: 'Se din bokning',
      cancelled: 'Se din bokning',
      expired: 'Boka på nytt',
      offered: 'Bekräfta bokningen',
      reminder: 'Se din bokning',
      assisted: 'Se bokningen',
    },
    calendar: 'Bifogat finns en kalenderfil (.ics) som du kan lägga till i telefonens kalender.',
  },
  en: {
    subject: {
      requested: 'New booking request',
      approved: 'Your booking is confirmed',
      denied: 'Your booking request was not approved',
      cancelled: 'The booking is cancelled',
      expired: 'Your booking request expired',
      offered: 'The time you queued for is free',
      reminder: 'Reminder: your booking is the day after tomorrow',
      assisted: 'A booking has been made for you',
    },
    lead: {
      requested: 'Someone would like to use your space. Approve or deny the request in Talkoot.',
      approved: 'Your booking is confirmed. Welcome!',
      denied: 'Unfortunately your booking request was not approved.',
      cancelled: 'The booking is cancelled and the time is free again.',
      expired: 'Nobody answered your request in time, so the time was freed for others.',
      reminder: 'Reminder: your booking is the day after tomorrow. Here are the details.',
    },
    offered: (until) =>
      `The time you queued for is free. ${until ? `It is held for you until ${until}.` : 'It is held for you only for a short while.'} ` +
      'Confirm it in Talkoot, or it passes to the next in line.',
    assisted: (venueName) => `${venueName} has booked the space for you. Keep this message.`,
    facts: ['Space', 'Venue', 'Time', 'Purpose'],
    reason: 'Reason',
    contact: 'Contact',
    keyInstructions: 'Key and getting in',
    cancellation: (until, fee) =>
      [
        until
          ? `Free cancellation until ${until}${fee ? `; after that the fee is ${fee}.` : '.'}`
          : fee
            ? `The cancellation fee is ${fee}.`
            : '',
      ].join(''),
    cancelByContacting: (venueName) => `To cancel the booking, contact the owner of the space (${venueName}).`,
    button: {
      requested: 'Handle the request',
      approved: 'See your booking',
      denied: 'See your booking',
      cancelled: 'See your booking',
      expired: 'Book again',
      offered: 'Confirm the booking',
      reminder: 'See your booking',
      assisted: 'See the booking',
    },
    calendar: 'A calendar file (.ics) is attached; you can add it to the calendar on your phone.',
  },
};

function leadOf(data: Data, text: Words, language: Language): string {
  if (data.kind === 'offered')
    return text.offered(data.offerExpiresAt ? formatHelsinkiTime(data.offerExpiresAt, language) : undefined);
  if (data.kind === 'assisted') return text.assisted(data.venueName);
  return text.lead[data.kind];
}

// Payment, cancellation and key paragraphs, each only when the data has it and the kind allows it.
function termsBlocks(data: Data, text: Words, language: Language): MailBlock[] {
  const blocks: MailBlock[] = [];
  const instruction =
    data.payment && showsPaymentInstruction.has(data.kind) ? paymentInstruction(data.payment, language) : undefined;
  if (instruction) blocks.push({ kind: 'paragraph', text: instruction });
  if (showsCancellationTerms.has(data.kind)) {
    const until = data.freeCancellationUntil ? formatHelsinkiTime(data.freeCancellationUntil, language) : undefined;
    const fee = data.cancellationFeeCents ? formatEuros(data.cancellationFeeCents, language) : undefined;
    const terms = text.cancellation(until, fee);
    if (terms) blocks.push({ kind: 'paragraph', text: terms });
  }
  if (data.kind === 'assisted') blocks.push({ kind: 'paragraph', text: text.cancelByContacting(data.venueName) });
  const keyLines =
    data.keyInstructions
      ?.split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean) ?? [];
  if (keyLines.length > 0 && showsKeyInstructions.has(data.kind))
    blocks.push({ kind: 'list', label: text.keyInstructions, items: keyLines });
  return blocks;
}

function compose(language: Language) {
  return (data: Data, context: MailTemplateContext): MailContent => {
    const text = words[language];
    const contact = data.contact?.trim();
    return {
      // "Muistutus: varauksesi on ylihuomenna: Paikka" would stack two colons.
      subject: `${text.subject[data.kind]}${text.subject[data.kind].includes(':') ? ' – ' : ': '}${data.venueName}`,
      blocks: [
        { kind: 'paragraph', text: greeting(language, context.recipientName) },
        { kind: 'paragraph', text: leadOf(data, text, language) },
        {
          kind: 'facts',
          rows: [
            [text.facts[0], data.spaceName],
            [text.facts[1], data.venueName],
            [text.facts[2], `${formatHelsinkiTime(data.startsAt, language)}–${formatHelsinkiClock(data.endsAt, language)}`],
            [text.facts[3], data.title],
            ...(data.payment ? paymentRows(data.payment, language) : []),
            ...(contact ? ([[text.contact, contact]] as const) : []),
            ...(data.reason ? ([[text.reason, data.reason]] as const) : []),
          ],
        },
        ...termsBlocks(data, text, language),
        { kind: 'button', label: text.button[data.kind], href: data.link },
        ...(showsCalendarNote.has(data.kind) ? [{ kind: 'paragraph', text: text.calendar } as const] : []),
        { kind: 'link-fallback', text: linkFallback(language), href: data.link },
      ],
      closing: closing(language),
    };
  };
}

export const bookingUpdateTemplate: MailTemplate<typeof bookingUpdateMailDataSchema> = {
  schema: bookingUpdateMailDataSchema,
  compose: { fi: compose('fi'), sv: compose('sv'), en: compose('en') },
};
