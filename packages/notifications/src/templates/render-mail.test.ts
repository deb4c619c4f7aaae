import { languages, type Language } from '@talkoot/platform/schemas';
import { describe, expect, it } from 'vitest';
import type { MailRequest, MailTemplateName } from '../mail.schemas.js';
import { escapeHtml } from '@talkoot/outbox/mail';
import { MailTemplateDataError, renderMail } from './render-mail.js';

const signInLink = 'https://talkoot.example/sign-in/verify?token=abc123&lang=fi';
const invitationLink = 'https://talkoot.example/invitations/tok_987654321';

const samples: Record<MailTemplateName, { data: Record<string, unknown>; mustContain: string[] }> = {
  'sign-in': { data: { name: 'Aino', link: signInLink, code: '482913', minutes: 10 }, mustContain: [signInLink, '482913'] },
  invitation: {
    data: {
      organisationName: 'Kylätalon Ystävät ry',
      inviterName: 'Matti Virtanen',
      role: 'coordinator',
      link: invitationLink,
      days: 14,
    },
    mustContain: [invitationLink, 'Kylätalon Ystävät ry', 'Matti Virtanen'],
  },
  'no-account': { data: {}, mustContain: [] },
  'booking-update': {
    data: {
      kind: 'approved',
      venueName: 'Kotalahden kylätalo',
      spaceName: 'Sali',
      title: 'Syyskokous',
      startsAt: '2027-09-04T15:00:00.000Z',
      endsAt: '2027-09-04T18:00:00.000Z',
      link: 'https://talkoot.example/bookings',
    },
    mustContain: ['https://talkoot.example/bookings', 'Kotalahden kylätalo', 'Syyskokous'],
  },
  'booking-series-update': {
    data: {
      kind: 'approved',
      venueName: 'Kotalahden kylätalo',
      spaceName: 'Sali',
      title: 'Kuoroharjoitukset',
      occurrences: [
        { startsAt: '2027-09-07T15:00:00.000Z', endsAt: '2027-09-07T17:00:00.000Z' },
        { startsAt: '2027-09-14T15:00:00.000Z', endsAt: '2027-09-14T17:00:00.000Z' },
      ],
      conflicts: [{ startsAt: '2027-09-21T15:00:00.000Z', endsAt: '2027-09-21T17:00:00.000Z' }],
      link: 'https://talkoot.example/bookings',
      payment: {
        priceCents: 6000,
        depositCents: 0,
        iban: 'FI2112345600000785',
        referenceNumber: '1234567897',
        recipient: 'Kotalahden kyläyhdistys ry',
      },
    },
    mustContain: [
      'https://talkoot.example/bookings',
      'Kotalahden kylätalo',
      'Kuoroharjoitukset',
      'FI21 1234 5600 0007 85',
      '12345 67897',
    ],
  },
  'digest-confirm': {
    data: {
      link: 'https://talkoot.example/digest/confirm?token=abc&lang=fi',
      frequency: 'weekly',
      filterText: 'Rautalampi · seniorit',
    },
    mustContain: ['https://talkoot.example/digest/confirm?token=abc&lang=fi', 'Rautalampi · seniorit'],
  },
  'event-digest': {
    data: {
      frequency: 'weekly',
      periodStart: '2026-11-29T22:00:00.000Z',
      periodEnd: '2026-12-06T22:00:00.000Z',
      filterText: 'Rautalampi · seniorit',
      items: [
        {
          title: 'Joulumyyjäiset',
          startsAt: '2026-12-05T10:00:00.000Z',
          endsAt: '2026-12-05T13:00:00.000Z',
          isAllDay: false,
          place: 'Kotalahden kylätalo',
          organisers: 'Kotalahden kyläyhdistys',
          link: 'https://talkoot.example/events/1',
          isCancelled: false,
          isChanged: false,
        },
      ],
      calendarLink: 'https://talkoot.example/events',
      unsubscribeLink: 'https://talkoot.example/digest/stop?token=xyz&lang=fi',
    },
    mustContain: [
      'Joulumyyjäiset',
      'Kotalahden kylätalo',
      'https://talkoot.example/events/1',
      'https://talkoot.example/events',
      'https://talkoot.example/digest/stop?token=xyz&lang=fi',
    ],
  },
};

const leftovers = [/\$\{/, /\{\{/, /\bundefined\b/, /\bnull\b/, /\[object Object\]/, /\bNaN\b/];

function render(template: MailTemplateName, language: Language, data = samples[template].data): ReturnType<typeof renderMail> {
  return renderMail({ template, language, data, to: 'aino@example.fi' } as MailRequest);
}

describe('mail templates', () => {
  for (const template of Object.keys(samples) as MailTemplateName[]) {
    for (const language of languages) {
      it(`renders ${template} in ${language} with its link, code and language, and nothing left unfilled`, () => {
        const mail = render(template, language);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.html).toContain(`<html lang="${language}">`);
        expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
        for (const part of [mail.subject, mail.html, mail.text]) {
          for (const leftover of leftovers) expect(part).not.toMatch(leftover);
        }
        for (const needle of samples[template].mustContain) {
          expect(mail.text).toContain(needle);
          expect(mail.html).toContain(escapeHtml(needle));
        }
      });
    }

    it(`words ${template} differently in every language`, () => {
      const [fi, sv, en] = languages.map((language) => render(template, language));
      expect(new Set([fi?.subject, sv?.subject, en?.subject]).size).toBe(3);
      expect(new Set([fi?.text, sv?.text, en?.text]).size).toBe(3);
    });
  }

  it('puts the sign-in link in a button and tells how long it is valid', () => {
    const fi = render('sign-in', 'fi');
    expect(fi.html).toContain(`href="${escapeHtml(signInLink)}"`);
    expect(fi.html).toContain('>Kirjaudu sisään</a>');
    expect(fi.text).toContain('voimassa 10 minuuttia');
    expect(fi.text).toContain('Hei Aino,');
    expect(render('sign-in', 'sv').text).toContain('gäller i 10 minuter');
    expect(render('sign-in', 'en').text).toContain('If you did not ask for this, you can ignore');
  });

  it('names the role and the days of an invitation in the reader’s language', () => {
    expect(render('invitation', 'fi').text).toContain('Rooli: koordinaattori');
    expect(render('invitation', 'fi').text).toContain('voimassa 14 päivää');
    expect(render('invitation', 'sv').text).toContain('Roll: koordinator');
    expect(render('invitation', 'en').text).toContain('valid for 14 days');
    const anonymous = render('invitation', 'sv', { ...samples.invitation.data, inviterName: undefined });
    expect(anonymous.text).toContain('Du har blivit inbjuden till Talkoot.');
  });

  it('asks the reader of a no-account mail to get an invitation from their association', () => {
    expect(render('no-account', 'fi').text).toContain('Pyydä omaa yhdistystäsi lähettämään sinulle kutsu');
    expect(render('no-account', 'sv').text).toContain('Be din egen förening att skicka en inbjudan');
    expect(render('no-account', 'en').text).toContain('Ask your own association to send an invitation');
  });

  it('escapes HTML in the data, so a hostile organisation name stays text', () => {
    const mail = render('invitation', 'en', { ...samples.invitation.data, organisationName: '<script>alert("x")</script> & Co' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.text).toContain('<script>alert("x")</script> & Co');
  });

  it('refuses data that does not fit the template, and links that are not http(s)', () => {
    expect(() => render('sign-in', 'fi', { link: signInLink, code: '12345' })).toThrow(MailTemplateDataError);
    expect(() => render('sign-in', 'fi', { link: 'javascript:alert(1)', code: '123456' })).toThrow(/link/);
    expect(() => render('invitation', 'fi', { ...samples.invitation.data, role: 'owner' })).toThrow(MailTemplateDataError);
  });
});
