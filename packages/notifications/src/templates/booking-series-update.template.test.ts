import { describe, expect, it } from 'vitest';
import { bookingSeriesKinds, type BookingSeriesMailData } from '../mail.schemas.js';
import { escapeHtml } from '@talkoot/outbox/mail';
import { renderMail } from './render-mail.js';

const languages = ['fi', 'sv', 'en'] as const;
type Language = (typeof languages)[number];

// Tuesdays at 18.00–20.00 Helsinki time across the end of summer time (25 October 2026),
// listed out of order to prove the mail sorts them.
const series = {
  venueName: 'Kotalahden kylätalo',
  spaceName: 'Sali',
  title: 'Kuoroharjoitukset',
  occurrences: [
    { startsAt: '2026-10-27T16:00:00.000Z', endsAt: '2026-10-27T18:00:00.000Z' },
    { startsAt: '2026-10-20T15:00:00.000Z', endsAt: '2026-10-20T17:00:00.000Z' },
  ],
  conflicts: [{ startsAt: '2026-11-03T16:00:00.000Z', endsAt: '2026-11-03T18:00:00.000Z' }],
  reason: 'Sali on silloin remontissa',
  link: 'https://talkoot.example/bookings',
  payment: {
    priceCents: 6000,
    depositCents: 2000,
    iban: 'FI2112345600000785',
    referenceNumber: '1234567897',
    recipient: 'Kotalahden kyläyhdistys ry',
  },
} satisfies Omit<BookingSeriesMailData, 'kind'>;

function render(kind: BookingSeriesMailData['kind'], language: Language, extra: Partial<BookingSeriesMailData> = {}) {
  return renderMail({ template: 'booking-series-update', language, data: { ...series, ...extra, kind }, toName: 'Matti' });
}

const expected: Record<
  Language,
  {
    subject: Record<BookingSeriesMailData['kind'], string>;
    dates: [string, string];
    conflict: string;
    conflicts: string;
    list: string;
    button: string;
    pay: string;
    total: string;
  }
> = {
  fi: {
    subject: {
      requested: 'Toistuva varauspyyntö: 2 kertaa – Kotalahden kylätalo',
      approved: 'Toistuva varauksesi on vahvistettu – Kotalahden kylätalo',
      denied: 'Toistuvaa varauspyyntöäsi ei hyväksytty – Kotalahden kylätalo',
      cancelled: 'Toistuva varaus on peruttu – Kotalahden kylätalo',
    },
    dates: ['tiistaina 20.10.2026 klo 18.00–20.00', 'tiistaina 27.10.2026 klo 18.00–20.00'],
    conflict: 'tiistaina 3.11.2026 klo 18.00–20.00',
    conflicts: 'Nämä ajat olivat jo varattuja, joten ne eivät ole mukana:',
    list: 'Varatut ajat',
    button: 'Katso varauksesi',
    pay: 'Maksa 80,00 € tilisiirtona tilille FI21 1234 5600 0007 85 (saaja Kotalahden kyläyhdistys ry) viitenumerolla 12345 67897.',
    total: 'Hinta yhteensä: 60,00 €',
  },
  sv: {
    subject: {
      requested: 'En återkommande bokningsförfrågan: 2 gånger – Kotalahden kylätalo',
      approved: 'Din återkommande bokning är bekräftad – Kotalahden kylätalo',
      denied: 'Din återkommande bokningsförfrågan godkändes inte – Kotalahden kylätalo',
      cancelled: 'Den återkommande bokningen är avbokad – Kotalahden kylätalo',
    },
    dates: ['tisdag 20.10.2026 kl. 18.00–20.00', 'tisdag 27.10.2026 kl. 18.00–20.00'],
    conflict: 'tisdag 3.11.2026 kl. 18.00–20.00',
    conflicts: 'De här tiderna var redan bokade och ingår inte:',
    list: 'Bokade tider',
    button: 'Se din bokning',
    pay: 'Betala 80,00 € med bankgiro till kontot FI21 1234 5600 0007 85 (mottagare Kotalahden kyläyhdistys ry) med referensnumret 12345 67897.',
    total: 'Pris totalt: 60,00 €',
  },
  en: {
    subject: {
      requested: 'A recurring booking request: 2 dates – Kotalahden kylätalo',
      approved: 'Your recurring booking is confirmed – Kotalahden kylätalo',
      denied: 'Your recurring booking request was not approved – Kotalahden kylätalo',
      cancelled: 'The recurring booking is cancelled – Kotalahden kylätalo',
    },
    dates: ['Tuesday, 20 October 2026, 18:00–20:00', 'Tuesday, 27 October 2026, 18:00–20:00'],
    conflict: 'Tuesday, 3 November 2026, 18:00–20:00',
    conflicts: 'These dates were already taken and are not included:',
    list: 'Booked dates',
    button: 'See your booking',
    pay: 'Pay €80.00 by bank transfer to FI21 1234 5600 0007 85 (recipient Kotalahden kyläyhdistys ry) with the reference number 12345 67897.',
    total: 'Total price: €60.00',
  },
};

function plain(value: string): string {
  return value.replace(/\u00a0/g, ' ');
}

describe('booking series mail', () => {
  for (const language of languages) {
    for (const kind of bookingSeriesKinds) {
      it(`renders ${kind} in ${language} with every date in Helsinki time, in order, in both the HTML and the text`, () => {
        const mail = render(kind, language);
        const words = expected[language];
        const text = plain(mail.text);
        const html = plain(mail.html);
        expect(mail.subject).toBe(words.subject[kind]);
        expect(text).toContain(`- ${words.dates[0]}\n- ${words.dates[1]}`);
        expect(html).toContain(
          `${escapeHtml(words.dates[0])}</li><li style="margin:0 0 6px;">${escapeHtml(words.dates[1])}</li></ul>`,
        );
        expect(text).toContain(`${words.conflicts}\n- ${words.conflict}`);
        expect(html).toContain(escapeHtml(words.conflicts));
        expect(html).toContain(escapeHtml(words.conflict));
        expect(text).toContain(words.total);
        expect(text).toContain(series.reason);
        expect(html).toContain(series.reason);
        expect(text).toContain(series.link);
        expect(html).toContain(`href="${series.link}"`);
        if (kind === 'approved') {
          expect(text).toContain(words.pay);
          expect(html).toContain(escapeHtml(words.pay));
          expect(text).toContain(`${words.list}\n- `);
          expect(html).toContain(`>${words.button}</a>`);
        } else {
          expect(text).not.toContain(words.pay);
        }
      });
    }
  }

  it('tells the owner how many dates were asked for, in the reader’s words', () => {
    expect(render('requested', 'fi').text).toContain('Tilaanne pyydetään käyttöön säännöllisesti, 2 kertaa.');
    expect(render('requested', 'fi', { occurrences: series.occurrences.slice(0, 1) }).subject).toContain('1 kerta –');
    expect(render('requested', 'sv').text).toContain('Godkänn eller avslå förfrågan i Talkoot.');
    expect(render('requested', 'en', { occurrences: series.occurrences.slice(0, 1) }).subject).toContain('1 date –');
  });

  it('leaves out the conflicts, the payment and the reason when there are none', () => {
    const mail = render('approved', 'en', { conflicts: [], payment: undefined, reason: undefined });
    expect(mail.text).not.toContain('already taken');
    expect(mail.text).not.toContain('price');
    expect(mail.text).not.toContain('Reason');
    expect(mail.text).toContain('Booked dates');
  });

  it('escapes the text people typed, and keeps it whole in the plain-text part', () => {
    const hostile = '<img src=x onerror="alert(1)"> & Co';
    const mail = render('denied', 'fi', { title: hostile, reason: hostile });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co');
    expect(mail.text).toContain(`Käyttötarkoitus: ${hostile}`);
    expect(mail.text).toContain(`Perustelu: ${hostile}`);
  });
});
