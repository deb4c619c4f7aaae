import type { Language } from '@talkoot/platform/schemas';
import { type bookingUpdateKinds, bookingUpdateMailDataSchema } from '../mail.schemas.js';
import type { MailContent } from './mail-layout.js';
import type { MailTemplate, MailTemplateContext } from './mail-template.js';
import { closing, greeting, linkFallback } from './mail-phrases.js';

type Kind = (typeof bookingUpdateKinds)[number];
type Data = ReturnType<typeof bookingUpdateMailDataSchema.parse>;

const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// People read times in Helsinki time, whatever the server's zone.
function localTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: 'Europe/Helsinki',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

function localClock(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

const words: Record<Language, { subject: Record<Kind, string>; lead: Record<Kind, string>; facts: [string, string, string, string]; reason: string; button: Record<Kind, string>; calendar: string }> = {
  fi: {
    subject: { requested: 'Uusi varauspyyntö', approved: 'Varauksesi on vahvistettu', denied: 'Varauspyyntöäsi ei hyväksytty', cancelled: 'Varaus on peruttu', expired: 'Varauspyyntösi vanheni' },
    lead: {
      requested: 'Tilaanne on pyydetty käyttöön. Hyväksy tai hylkää pyyntö Talkoot-palvelussa.',
      approved: 'Varauksesi on vahvistettu. Tervetuloa!',
      denied: 'Varauspyyntöäsi ei valitettavasti hyväksytty.',
      cancelled: 'Varaus on peruttu, ja aika on taas vapaa.',
      expired: 'Kukaan ei ehtinyt vastata varauspyyntöösi ajoissa, joten aika vapautui muille.',
    },
    facts: ['Tila', 'Paikka', 'Aika', 'Käyttötarkoitus'],
    reason: 'Perustelu',
    button: { requested: 'Käsittele pyyntö', approved: 'Katso varauksesi', denied: 'Katso varauksesi', cancelled: 'Katso varauksesi', expired: 'Varaa uudelleen' },
    calendar: 'Liitteenä on kalenteritiedosto (.ics), jonka voit lisätä puhelimesi kalenteriin.',
  },
  sv: {
    subject: { requested: 'Ny bokningsförfrågan', approved: 'Din bokning är bekräftad', denied: 'Din bokningsförfrågan godkändes inte', cancelled: 'Bokningen är avbokad', expired: 'Din bokningsförfrågan gick ut' },
    lead: {
      requested: 'Någon vill boka er lokal. Godkänn eller avslå förfrågan i Talkoot.',
      approved: 'Din bokning är bekräftad. Välkommen!',
      denied: 'Din bokningsförfrågan godkändes tyvärr inte.',
      cancelled: 'Bokningen är avbokad och tiden är ledig igen.',
      expired: 'Ingen hann svara på din förfrågan i tid, så tiden blev ledig för andra.',
    },
    facts: ['Lokal', 'Plats', 'Tid', 'Ändamål'],
    reason: 'Motivering',
    button: { requested: 'Behandla förfrågan', approved: 'Se din bokning', denied: 'Se din bokning', cancelled: 'Se din bokning', expired: 'Boka på nytt' },
    calendar: 'Bifogat finns en kalenderfil (.ics) som du kan lägga till i telefonens kalender.',
  },
  en: {
    subject: { requested: 'New booking request', approved: 'Your booking is confirmed', denied: 'Your booking request was not approved', cancelled: 'The booking is cancelled', expired: 'Your booking request expired' },
    lead: {
      requested: 'Someone would like to use your space. Approve or deny the request in Talkoot.',
      approved: 'Your booking is confirmed. Welcome!',
      denied: 'Unfortunately your booking request was not approved.',
      cancelled: 'The booking is cancelled and the time is free again.',
      expired: 'Nobody answered your request in time, so the time was freed for others.',
    },
    facts: ['Space', 'Venue', 'Time', 'Purpose'],
    reason: 'Reason',
    button: { requested: 'Handle the request', approved: 'See your booking', denied: 'See your booking', cancelled: 'See your booking', expired: 'Book again' },
    calendar: 'A calendar file (.ics) is attached; you can add it to the calendar on your phone.',
  },
};

function compose(language: Language) {
  return (data: Data, context: MailTemplateContext): MailContent => {
    const text = words[language];
    return {
      subject: `${text.subject[data.kind]}: ${data.venueName}`,
      blocks: [
        { kind: 'paragraph', text: greeting(language, context.recipientName) },
        { kind: 'paragraph', text: text.lead[data.kind] },
        {
          kind: 'facts',
          rows: [
            [text.facts[0], data.spaceName],
            [text.facts[1], data.venueName],
            [text.facts[2], `${localTime(data.startsAt, language)}–${localClock(data.endsAt, language)}`],
            [text.facts[3], data.title],
            ...(data.reason ? ([[text.reason, data.reason]] as const) : []),
          ],
        },
        { kind: 'button', label: text.button[data.kind], href: data.link },
        { kind: 'paragraph', text: text.calendar },
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
