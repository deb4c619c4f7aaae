// Mails as a domain hands them over (ADR 012): rendered with the shared look before they are
// enqueued. Notifications knows no template, so its tests bring their own finished mails; the
// words are those of identity's sign-in, no-account and invitation mails.
import { randomBytes } from 'node:crypto';
import { closing, greeting, type MailRequest, type MailTemplate, renderTemplate } from '@talkoot/outbox/mail';
import type { Language } from '@talkoot/platform/schemas';
import { z } from 'zod';

const signInSchema = z.object({ link: z.string(), code: z.string() });

const signInTemplate: MailTemplate<typeof signInSchema> = {
  schema: signInSchema,
  compose: {
    fi: (data, context) => ({
      subject: 'Kirjaudu Talkoot-palveluun',
      blocks: [
        { kind: 'paragraph', text: greeting('fi', context.recipientName) },
        { kind: 'button', label: 'Kirjaudu sisään', href: data.link },
        { kind: 'code', label: 'Voit myös kirjoittaa tämän koodin kirjautumissivulle:', code: data.code },
      ],
      closing: closing('fi'),
    }),
    sv: (data, context) => ({
      subject: 'Logga in på Talkoot',
      blocks: [
        { kind: 'paragraph', text: greeting('sv', context.recipientName) },
        { kind: 'button', label: 'Logga in', href: data.link },
        { kind: 'code', label: 'Du kan också skriva in den här koden på inloggningssidan:', code: data.code },
      ],
      closing: closing('sv'),
    }),
    en: (data, context) => ({
      subject: 'Sign in to Talkoot',
      blocks: [
        { kind: 'paragraph', text: greeting('en', context.recipientName) },
        { kind: 'button', label: 'Sign in', href: data.link },
        { kind: 'code', label: 'You can also type this code on the sign-in page:', code: data.code },
      ],
      closing: closing('en'),
    }),
  },
};

// A sign-in mail with a fresh link; `link` is returned beside the request for the assertions.
export function signInMail(to: string, language: Language = 'fi'): MailRequest & { link: string } {
  const link = `https://talkoot.example/sign-in/verify?token=${randomBytes(8).toString('hex')}`;
  const toName = 'Aino Testaaja';
  return {
    to,
    toName,
    language,
    template: 'sign-in',
    rendered: renderTemplate('sign-in', signInTemplate, { link, code: '482913' }, language, { recipientName: toName }),
    link,
  };
}

const noAccountSchema = z.object({});
const noAccountSubjects: Record<Language, string> = {
  fi: 'Tällä sähköpostiosoitteella ei ole Talkoot-tiliä',
  sv: 'Den här e-postadressen har inget konto i Talkoot',
  en: 'There is no Talkoot account for this email address',
};
const noAccountTemplate: MailTemplate<typeof noAccountSchema> = {
  schema: noAccountSchema,
  compose: {
    fi: () => ({
      subject: noAccountSubjects.fi,
      blocks: [{ kind: 'paragraph', text: greeting('fi', undefined) }],
      closing: closing('fi'),
    }),
    sv: () => ({
      subject: noAccountSubjects.sv,
      blocks: [{ kind: 'paragraph', text: greeting('sv', undefined) }],
      closing: closing('sv'),
    }),
    en: () => ({
      subject: noAccountSubjects.en,
      blocks: [{ kind: 'paragraph', text: greeting('en', undefined) }],
      closing: closing('en'),
    }),
  },
};

export function noAccountMail(to: string, language: Language = 'fi'): MailRequest {
  return { to, language, template: 'no-account', rendered: renderTemplate('no-account', noAccountTemplate, {}, language) };
}

const invitationSchema = z.object({ organisationName: z.string(), inviterName: z.string(), link: z.string() });
const invitationTemplate: MailTemplate<typeof invitationSchema> = {
  schema: invitationSchema,
  compose: {
    fi: (data) => ({
      subject: `Kutsu Talkoot-palveluun: ${data.organisationName}`,
      blocks: [
        { kind: 'paragraph', text: `${data.inviterName} on kutsunut sinut mukaan Talkoot-palveluun.` },
        { kind: 'button', label: 'Hyväksy kutsu', href: data.link },
      ],
      closing: closing('fi'),
    }),
    sv: (data) => ({
      subject: `Inbjudan till Talkoot: ${data.organisationName}`,
      blocks: [
        { kind: 'paragraph', text: `${data.inviterName} har bjudit in dig till Talkoot.` },
        { kind: 'button', label: 'Godkänn inbjudan', href: data.link },
      ],
      closing: closing('sv'),
    }),
    en: (data) => ({
      subject: `Invitation to Talkoot: ${data.organisationName}`,
      blocks: [
        { kind: 'paragraph', text: `${data.inviterName} has invited you to Talkoot.` },
        { kind: 'button', label: 'Accept the invitation', href: data.link },
      ],
      closing: closing('en'),
    }),
  },
};

export function invitationMail(
  to: string,
  data: { organisationName: string; inviterName: string; link: string },
  language: Language = 'fi',
): MailRequest {
  return { to, language, template: 'invitation', rendered: renderTemplate('invitation', invitationTemplate, data, language) };
}
