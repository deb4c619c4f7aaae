import { languages, type Language } from '@talkoot/platform/schemas';
import { describe, expect, it } from 'vitest';
import { escapeHtml, type MailTemplate, renderTemplate } from '@talkoot/outbox/mail';
import type { z } from 'zod';
import { bookingSeriesUpdateTemplate } from './booking-series-update.template.js';
import { bookingUpdateTemplate } from './booking-update.template.js';

type TemplateName = 'booking-update' | 'booking-series-update';

const templates: Record<TemplateName, MailTemplate<z.ZodType>> = {
  'booking-update': bookingUpdateTemplate,
  'booking-series-update': bookingSeriesUpdateTemplate,
};

const samples: Record<TemplateName, { data: Record<string, unknown>; mustContain: string[] }> = {
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
};

const leftovers = [/\$\{/, /\{\{/, /\bundefined\b/, /\bnull\b/, /\[object Object\]/, /\bNaN\b/];

function render(template: TemplateName, language: Language, data = samples[template].data) {
  return renderTemplate(template, templates[template], data, language);
}

describe('the mails of venues', () => {
  for (const template of Object.keys(samples) as TemplateName[]) {
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
});
