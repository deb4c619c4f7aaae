import { noAccountMailDataSchema } from '../mail.schemas.js';
import type { MailTemplate } from '@talkoot/outbox/mail';
import { closing, greeting } from '@talkoot/outbox/mail';

// Sent instead of a sign-in mail when the address has no account. The sign-in form answers the
// same either way, so it does not reveal who has an account; only the owner of the address learns.
export const noAccountTemplate: MailTemplate<typeof noAccountMailDataSchema> = {
  schema: noAccountMailDataSchema,
  compose: {
    fi: (_data, context) => ({
      subject: 'Tällä sähköpostiosoitteella ei ole Talkoot-tiliä',
      blocks: [
        { kind: 'paragraph', text: greeting('fi', context.recipientName) },
        {
          kind: 'paragraph',
          text: 'Joku yritti juuri kirjautua Talkoot-palveluun tällä sähköpostiosoitteella. Osoitteella ei kuitenkaan ole tiliä.',
        },
        {
          kind: 'paragraph',
          text: 'Talkoot-palveluun pääsee mukaan yhdistyksen kutsulla. Pyydä omaa yhdistystäsi lähettämään sinulle kutsu tähän sähköpostiosoitteeseen.',
        },
        { kind: 'paragraph', text: 'Jos sinulla on tili toisella sähköpostiosoitteella, kirjaudu sillä.' },
        { kind: 'paragraph', text: 'Jos et itse yrittänyt kirjautua, voit jättää tämän viestin huomiotta.' },
      ],
      closing: closing('fi'),
    }),
    sv: (_data, context) => ({
      subject: 'Den här e-postadressen har inget konto i Talkoot',
      blocks: [
        { kind: 'paragraph', text: greeting('sv', context.recipientName) },
        {
          kind: 'paragraph',
          text: 'Någon försökte nyss logga in på Talkoot med den här e-postadressen. Det finns dock inget konto med den här adressen.',
        },
        {
          kind: 'paragraph',
          text: 'Man kommer med i Talkoot genom en inbjudan från en förening. Be din egen förening att skicka en inbjudan till den här e-postadressen.',
        },
        { kind: 'paragraph', text: 'Om du har ett konto med en annan e-postadress, logga in med den.' },
        { kind: 'paragraph', text: 'Om det inte var du som försökte logga in kan du bortse från det här meddelandet.' },
      ],
      closing: closing('sv'),
    }),
    en: (_data, context) => ({
      subject: 'There is no Talkoot account for this email address',
      blocks: [
        { kind: 'paragraph', text: greeting('en', context.recipientName) },
        {
          kind: 'paragraph',
          text: 'Someone just tried to sign in to Talkoot with this email address, but there is no account for it.',
        },
        {
          kind: 'paragraph',
          text: 'You join Talkoot through an invitation from an association. Ask your own association to send an invitation to this email address.',
        },
        { kind: 'paragraph', text: 'If you have an account with another email address, sign in with that one.' },
        { kind: 'paragraph', text: 'If it was not you who tried to sign in, you can ignore this message.' },
      ],
      closing: closing('en'),
    }),
  },
};
