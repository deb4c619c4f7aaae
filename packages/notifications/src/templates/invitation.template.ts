import type { Language } from '@talkoot/platform/schemas';
import { invitationMailDataSchema } from '../mail.schemas.js';
import type { MailTemplate } from '@talkoot/outbox/mail';
import { closing, days, greeting, linkFallback } from '@talkoot/outbox/mail';

type Role = 'admin' | 'coordinator' | 'member';

const roleNames: Record<Language, Record<Role, string>> = {
  fi: { admin: 'ylläpitäjä', coordinator: 'koordinaattori', member: 'jäsen' },
  sv: { admin: 'administratör', coordinator: 'koordinator', member: 'medlem' },
  en: { admin: 'administrator', coordinator: 'coordinator', member: 'member' },
};

export const invitationTemplate: MailTemplate<typeof invitationMailDataSchema> = {
  schema: invitationMailDataSchema,
  compose: {
    fi: (data, context) => ({
      subject: `Kutsu Talkoot-palveluun: ${data.organisationName}`,
      blocks: [
        { kind: 'paragraph', text: greeting('fi', context.recipientName) },
        {
          kind: 'paragraph',
          text: data.inviterName
            ? `${data.inviterName} on kutsunut sinut mukaan Talkoot-palveluun.`
            : 'Sinut on kutsuttu mukaan Talkoot-palveluun.',
        },
        {
          kind: 'facts',
          rows: [
            ['Yhteisö', data.organisationName],
            ['Rooli', roleNames.fi[data.role]],
          ],
        },
        { kind: 'paragraph', text: 'Ota kutsu vastaan painamalla alla olevaa painiketta.' },
        { kind: 'button', label: 'Ota kutsu vastaan', href: data.link },
        { kind: 'paragraph', text: `Kutsu on voimassa ${days('fi', data.days)}.` },
        {
          kind: 'paragraph',
          text: 'Talkoot-palvelussa yhdistykset lainaavat toisilleen tavaroita ja tiloja ja järjestävät tapahtumia yhdessä.',
        },
        { kind: 'paragraph', text: 'Jos et tunne kutsujaa tai et halua mukaan, voit jättää tämän viestin huomiotta.' },
        { kind: 'link-fallback', text: linkFallback('fi'), href: data.link },
      ],
      closing: closing('fi'),
    }),
    sv: (data, context) => ({
      subject: `Inbjudan till Talkoot: ${data.organisationName}`,
      blocks: [
        { kind: 'paragraph', text: greeting('sv', context.recipientName) },
        {
          kind: 'paragraph',
          text: data.inviterName ? `${data.inviterName} har bjudit in dig till Talkoot.` : 'Du har blivit inbjuden till Talkoot.',
        },
        {
          kind: 'facts',
          rows: [
            ['Organisation', data.organisationName],
            ['Roll', roleNames.sv[data.role]],
          ],
        },
        { kind: 'paragraph', text: 'Ta emot inbjudan genom att trycka på knappen nedan.' },
        { kind: 'button', label: 'Ta emot inbjudan', href: data.link },
        { kind: 'paragraph', text: `Inbjudan gäller i ${days('sv', data.days)}.` },
        {
          kind: 'paragraph',
          text: 'I Talkoot lånar föreningar ut saker och lokaler till varandra och ordnar evenemang tillsammans.',
        },
        {
          kind: 'paragraph',
          text: 'Om du inte känner den som bjöd in dig eller inte vill vara med kan du bortse från det här meddelandet.',
        },
        { kind: 'link-fallback', text: linkFallback('sv'), href: data.link },
      ],
      closing: closing('sv'),
    }),
    en: (data, context) => ({
      subject: `Invitation to Talkoot: ${data.organisationName}`,
      blocks: [
        { kind: 'paragraph', text: greeting('en', context.recipientName) },
        {
          kind: 'paragraph',
          text: data.inviterName
            ? `${data.inviterName} has invited you to join Talkoot.`
            : 'You have been invited to join Talkoot.',
        },
        {
          kind: 'facts',
          rows: [
            ['Organisation', data.organisationName],
            ['Role', roleNames.en[data.role]],
          ],
        },
        { kind: 'paragraph', text: 'Accept the invitation by pressing the button below.' },
        { kind: 'button', label: 'Accept the invitation', href: data.link },
        { kind: 'paragraph', text: `The invitation is valid for ${days('en', data.days)}.` },
        {
          kind: 'paragraph',
          text: 'On Talkoot, associations lend each other equipment and premises and organise events together.',
        },
        {
          kind: 'paragraph',
          text: 'If you do not know the person who invited you, or do not want to join, you can ignore this message.',
        },
        { kind: 'link-fallback', text: linkFallback('en'), href: data.link },
      ],
      closing: closing('en'),
    }),
  },
};
