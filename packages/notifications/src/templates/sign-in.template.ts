import { signInMailDataSchema } from '../mail.schemas.js';
import type { MailTemplate } from '@talkoot/outbox/mail';
import { closing, greeting, linkFallback, minutes } from '@talkoot/outbox/mail';

// The link and the 6-digit code sign in the same way: the code is for when the mail is read on
// another device than the one signing in (a phone beside the library computer).
export const signInTemplate: MailTemplate<typeof signInMailDataSchema> = {
  schema: signInMailDataSchema,
  compose: {
    fi: (data, context) => ({
      subject: 'Kirjaudu Talkoot-palveluun',
      blocks: [
        { kind: 'paragraph', text: greeting('fi', data.name ?? context.recipientName) },
        { kind: 'paragraph', text: 'Pyysit kirjautumista Talkoot-palveluun. Kirjaudu sisään painamalla alla olevaa painiketta.' },
        { kind: 'button', label: 'Kirjaudu sisään', href: data.link },
        { kind: 'code', label: 'Voit myös kirjoittaa tämän koodin kirjautumissivulle:', code: data.code },
        { kind: 'paragraph', text: `Linkki ja koodi ovat voimassa ${minutes('fi', data.minutes)}, ja ne toimivat vain kerran.` },
        { kind: 'paragraph', text: 'Jos et pyytänyt tätä viestiä, voit jättää sen huomiotta. Silloin mitään ei tapahdu.' },
        { kind: 'note', text: 'Älä anna koodia kenellekään. Talkoot ei koskaan kysy koodia puhelimessa.' },
        { kind: 'link-fallback', text: linkFallback('fi'), href: data.link },
      ],
      closing: closing('fi'),
    }),
    sv: (data, context) => ({
      subject: 'Logga in på Talkoot',
      blocks: [
        { kind: 'paragraph', text: greeting('sv', data.name ?? context.recipientName) },
        { kind: 'paragraph', text: 'Du har bett om att få logga in på Talkoot. Logga in genom att trycka på knappen nedan.' },
        { kind: 'button', label: 'Logga in', href: data.link },
        { kind: 'code', label: 'Du kan också skriva in den här koden på inloggningssidan:', code: data.code },
        { kind: 'paragraph', text: `Länken och koden gäller i ${minutes('sv', data.minutes)} och fungerar bara en gång.` },
        { kind: 'paragraph', text: 'Om du inte har bett om det här meddelandet kan du bortse från det. Då händer ingenting.' },
        { kind: 'note', text: 'Ge inte koden till någon annan. Talkoot frågar aldrig efter koden i telefon.' },
        { kind: 'link-fallback', text: linkFallback('sv'), href: data.link },
      ],
      closing: closing('sv'),
    }),
    en: (data, context) => ({
      subject: 'Sign in to Talkoot',
      blocks: [
        { kind: 'paragraph', text: greeting('en', data.name ?? context.recipientName) },
        { kind: 'paragraph', text: 'You asked to sign in to Talkoot. Sign in by pressing the button below.' },
        { kind: 'button', label: 'Sign in', href: data.link },
        { kind: 'code', label: 'You can also type this code on the sign-in page:', code: data.code },
        { kind: 'paragraph', text: `The link and the code are valid for ${minutes('en', data.minutes)} and work only once.` },
        { kind: 'paragraph', text: 'If you did not ask for this, you can ignore this message. Nothing will happen.' },
        { kind: 'note', text: 'Do not give the code to anyone. Talkoot never asks for the code by phone.' },
        { kind: 'link-fallback', text: linkFallback('en'), href: data.link },
      ],
      closing: closing('en'),
    }),
  },
};
