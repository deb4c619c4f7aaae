import { languages, type Language } from '@talkoot/platform/schemas';
import { describe, expect, it } from 'vitest';
import { escapeHtml, type MailTemplate, renderTemplate } from '@talkoot/outbox/mail';
import type { z } from 'zod';
import { digestConfirmTemplate } from './digest-confirm.template.js';
import { eventDigestTemplate } from './event-digest.template.js';

type TemplateName = 'digest-confirm' | 'event-digest';

const templates: Record<TemplateName, MailTemplate<z.ZodType>> = {
  'digest-confirm': digestConfirmTemplate,
  'event-digest': eventDigestTemplate,
};

const samples: Record<TemplateName, { data: Record<string, unknown>; mustContain: string[] }> = {
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

function render(template: TemplateName, language: Language, data = samples[template].data) {
  return renderTemplate(template, templates[template], data, language);
}

describe('the mails of events', () => {
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
