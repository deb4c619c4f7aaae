import type { Language } from '@talkoot/platform/schemas';
import { digestConfirmMailDataSchema } from '../mail.schemas.js';
import type { MailContent } from '@talkoot/outbox/mail';
import type { MailTemplate, MailTemplateContext } from '@talkoot/outbox/mail';
import { closing, greeting, linkFallback } from '@talkoot/outbox/mail';

type Data = ReturnType<typeof digestConfirmMailDataSchema.parse>;
type Frequency = Data['frequency'];

interface Words {
  subject: string;
  // `filterText` may be empty: then the reader asked for every event.
  asked: (frequency: Frequency, filterText: string) => string;
  confirm: string;
  notYou: string;
  button: string;
}

const words: Record<Language, Words> = {
  fi: {
    subject: 'Vahvista tapahtumakirje',
    asked: (frequency, filterText) =>
      `Sinä tai joku muu pyysi tähän sähköpostiosoitteeseen ${frequency === 'weekly' ? 'viikoittaisen' : 'kuukausittaisen'} tapahtumakirjeen` +
      (filterText ? ` näistä tapahtumista: ${filterText}.` : ' kaikista tapahtumista.'),
    confirm: 'Vahvista tilaus painamalla alla olevaa painiketta.',
    notYou: 'Jos et itse pyytänyt kirjettä, älä tee mitään. Silloin et saa meiltä mitään.',
    button: 'Vahvista tilaus',
  },
  sv: {
    subject: 'Bekräfta evenemangsbrevet',
    asked: (frequency, filterText) =>
      `Du eller någon annan har beställt ett evenemangsbrev ${frequency === 'weekly' ? 'varje vecka' : 'varje månad'} till den här e-postadressen` +
      (filterText ? ` om de här evenemangen: ${filterText}.` : ' om alla evenemang.'),
    confirm: 'Bekräfta beställningen genom att trycka på knappen nedan.',
    notYou: 'Om det inte var du som beställde brevet behöver du inte göra något. Då får du inget från oss.',
    button: 'Bekräfta beställningen',
  },
  en: {
    subject: 'Confirm the event letter',
    asked: (frequency, filterText) =>
      `You (or someone else) asked for a ${frequency} event letter to this email address` +
      (filterText ? ` about these events: ${filterText}.` : ' about all events.'),
    confirm: 'Confirm by pressing the button below.',
    notYou: 'If it was not you, do nothing. Then you will not get anything from us.',
    button: 'Confirm',
  },
};

function compose(language: Language) {
  return (data: Data, context: MailTemplateContext): MailContent => {
    const text = words[language];
    return {
      subject: text.subject,
      blocks: [
        { kind: 'paragraph', text: greeting(language, context.recipientName) },
        { kind: 'paragraph', text: text.asked(data.frequency, data.filterText) },
        { kind: 'paragraph', text: text.confirm },
        { kind: 'button', label: text.button, href: data.link },
        { kind: 'link-fallback', text: linkFallback(language), href: data.link },
        { kind: 'paragraph', text: text.notYou },
      ],
      closing: closing(language),
    };
  };
}

export const digestConfirmTemplate: MailTemplate<typeof digestConfirmMailDataSchema> = {
  schema: digestConfirmMailDataSchema,
  compose: { fi: compose('fi'), sv: compose('sv'), en: compose('en') },
};
