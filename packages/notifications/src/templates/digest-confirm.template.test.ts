import { describe, expect, it } from 'vitest';
import type { DigestConfirmMailData } from '../mail.schemas.js';
import { escapeHtml } from '@talkoot/outbox/mail';
import { renderMail } from './render-mail.js';

const languages = ['fi', 'sv', 'en'] as const;
type Language = (typeof languages)[number];

const link = 'https://talkoot.example/digest/confirm?token=abc123&lang=fi';
const data = { link, frequency: 'weekly', filterText: 'Rautalampi · seniorit' } satisfies DigestConfirmMailData;

function render(language: Language, extra: Partial<DigestConfirmMailData> = {}, toName?: string) {
  return renderMail({ template: 'digest-confirm', language, data: { ...data, ...extra }, ...(toName ? { toName } : {}) });
}

const expected: Record<
  Language,
  { subject: string; weekly: string; monthly: string; everything: string; button: string; notYou: string }
> = {
  fi: {
    subject: 'Vahvista tapahtumakirje',
    weekly:
      'Sinä tai joku muu pyysi tähän sähköpostiosoitteeseen viikoittaisen tapahtumakirjeen näistä tapahtumista: Rautalampi · seniorit.',
    monthly: 'kuukausittaisen tapahtumakirjeen',
    everything: 'tapahtumakirjeen kaikista tapahtumista.',
    button: 'Vahvista tilaus',
    notYou: 'Jos et itse pyytänyt kirjettä, älä tee mitään. Silloin et saa meiltä mitään.',
  },
  sv: {
    subject: 'Bekräfta evenemangsbrevet',
    weekly:
      'Du eller någon annan har beställt ett evenemangsbrev varje vecka till den här e-postadressen om de här evenemangen: Rautalampi · seniorit.',
    monthly: 'ett evenemangsbrev varje månad',
    everything: 'om alla evenemang.',
    button: 'Bekräfta beställningen',
    notYou: 'Om det inte var du som beställde brevet behöver du inte göra något. Då får du inget från oss.',
  },
  en: {
    subject: 'Confirm the event letter',
    weekly:
      'You (or someone else) asked for a weekly event letter to this email address about these events: Rautalampi · seniorit.',
    monthly: 'a monthly event letter',
    everything: 'about all events.',
    button: 'Confirm',
    notYou: 'If it was not you, do nothing. Then you will not get anything from us.',
  },
};

describe('digest-confirm mail', () => {
  for (const language of languages) {
    const words = expected[language];

    it(`asks in ${language} to confirm the letter with a button, and tells what happens if it was not the reader`, () => {
      const mail = render(language);
      expect(mail.subject).toBe(words.subject);
      expect(mail.text).toContain(words.weekly);
      expect(mail.text).toContain(words.notYou);
      expect(mail.text).toContain(`${words.button}:\n${link}`);
      expect(mail.html).toContain(`href="${escapeHtml(link)}"`);
      expect(mail.html).toContain(`>${words.button}</a>`);
      // The address is printed as text too, for mail programs that hide buttons.
      expect(mail.html).toContain(`>${escapeHtml(link)}</a>`);
    });

    it(`names the monthly letter and a letter of every event in ${language}`, () => {
      expect(render(language, { frequency: 'monthly' }).text).toContain(words.monthly);
      expect(render(language, { filterText: '  ' }).text).toContain(words.everything);
    });
  }

  it('greets the reader by name when the name is known', () => {
    expect(render('fi', {}, 'Aino').text).toMatch(/^Hei Aino,/);
    expect(render('fi').text).toMatch(/^Hei,/);
  });

  it('escapes the filter in HTML and keeps it as written in the text part', () => {
    const mail = render('en', { filterText: '<b>Choir</b> & "friends"' });
    expect(mail.html).not.toContain('<b>Choir</b>');
    expect(mail.html).toContain('&lt;b&gt;Choir&lt;/b&gt; &amp; &quot;friends&quot;');
    expect(mail.text).toContain('about these events: <b>Choir</b> & "friends".');
  });
});
