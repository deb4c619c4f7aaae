import { describe, expect, it } from 'vitest';
import { bookingUpdateKinds, type BookingUpdateMailData } from '../mail.schemas.js';
import { escapeHtml } from '@talkoot/outbox/mail';
import { formatIban as groupIban } from '@talkoot/platform/money';
import { groupReferenceNumber } from '@talkoot/outbox/mail';
import { renderMail } from './render-mail.js';

const languages = ['fi', 'sv', 'en'] as const;
type Language = (typeof languages)[number];

const data = {
  venueName: 'Kerkonkosken koulu',
  spaceName: 'Liikuntasali',
  title: 'Syyskokous',
  // 18.00–21.00 Helsinki summer time.
  startsAt: '2027-06-05T15:00:00.000Z',
  endsAt: '2027-06-05T18:00:00.000Z',
  reason: 'Talo on remontissa <b>',
  link: 'https://talkoot.example.fi/bookings',
};

// Sunday 25 October 2026 is the night summer time ends: 16.00 UTC is 18.00 in Helsinki (UTC+2).
const fullData = {
  venueName: 'Kotalahden kylätalo',
  spaceName: 'Sali',
  title: 'Syntymäpäivät',
  startsAt: '2026-10-25T16:00:00.000Z',
  endsAt: '2026-10-25T19:00:00.000Z',
  link: 'https://talkoot.example/bookings',
  payment: {
    priceCents: 4500,
    depositCents: 5000,
    iban: 'FI21 1234 5600 0007 85',
    referenceNumber: '1234567897',
    recipient: 'Kotalahden kyläyhdistys ry',
  },
  keyInstructions: 'Avain on laatikossa oven vieressä.\nKoodi 2468.',
  contact: 'Aino Virtanen, 040 123 4567',
  // Still summer time: 16.00 UTC is 19.00 in Helsinki (UTC+3).
  freeCancellationUntil: '2026-10-18T16:00:00.000Z',
  cancellationFeeCents: 2250,
  // Before the change too: 10.00 UTC is 13.00 in Helsinki.
  offerExpiresAt: '2026-10-20T10:00:00.000Z',
} satisfies Omit<BookingUpdateMailData, 'kind'>;

function render(kind: BookingUpdateMailData['kind'], language: Language, extra: Partial<BookingUpdateMailData> = {}) {
  return renderMail({ template: 'booking-update', language, data: { ...fullData, ...extra, kind }, toName: 'Eeva' });
}

// The reader's own words for each new kind, and the times in Helsinki time.
const expected: Record<
  Language,
  {
    offered: string[];
    reminder: string[];
    assisted: string[];
    button: string;
    contact: string;
    time: string;
    pay: string;
    cancellation: string;
  }
> = {
  fi: {
    offered: [
      'Jonottamasi aika vapautui: Kotalahden kylätalo',
      'Se pidetään sinulle varattuna tiistaina 20. lokakuuta 2026 klo 13.00 asti.',
      'muuten aika siirtyy jonossa seuraavalle',
    ],
    button: 'Vahvista varaus',
    reminder: ['Muistutus: varauksesi on ylihuomenna – Kotalahden kylätalo', 'Avain ja sisäänpääsy'],
    contact: 'Yhteystiedot',
    assisted: [
      'Kotalahden kylätalo on varannut tilan sinulle. Säilytä tämä viesti.',
      'ota yhteyttä tilan omistajaan (Kotalahden kylätalo)',
    ],
    time: 'sunnuntaina 25. lokakuuta 2026 klo 18.00–21.00',
    pay: 'Maksa 95,00 € tilisiirtona tilille FI21 1234 5600 0007 85 (saaja Kotalahden kyläyhdistys ry) viitenumerolla 12345 67897.',
    cancellation:
      'Voit perua varauksen maksutta sunnuntaina 18. lokakuuta 2026 klo 19.00 asti. Sen jälkeen peruutusmaksu on 22,50 €.',
  },
  sv: {
    offered: [
      'Tiden du köade till är ledig: Kotalahden kylätalo',
      'Den hålls reserverad åt dig till tisdag 20 oktober 2026 kl. 13.00.',
      'annars går tiden till nästa i kön',
    ],
    button: 'Bekräfta bokningen',
    reminder: ['Påminnelse: din bokning är i övermorgon – Kotalahden kylätalo', 'Nyckel och hur du kommer in'],
    contact: 'Kontaktuppgifter',
    assisted: [
      'Kotalahden kylätalo har bokat lokalen åt dig. Spara det här meddelandet.',
      'kontakta lokalens ägare (Kotalahden kylätalo)',
    ],
    time: 'söndag 25 oktober 2026 kl. 18.00–21.00',
    pay: 'Betala 95,00 € med bankgiro till kontot FI21 1234 5600 0007 85 (mottagare Kotalahden kyläyhdistys ry) med referensnumret 12345 67897.',
    cancellation: 'Du kan avboka utan avgift till söndag 18 oktober 2026 kl. 19.00. Efter det är avbokningsavgiften 22,50 €.',
  },
  en: {
    offered: [
      'The time you queued for is free: Kotalahden kylätalo',
      'It is held for you until Tuesday, 20 October 2026 at 13:00.',
      'Confirm it in Talkoot, or it passes to the next in line.',
    ],
    button: 'Confirm the booking',
    reminder: ['Reminder: your booking is the day after tomorrow – Kotalahden kylätalo', 'Key and getting in'],
    contact: 'Contact',
    assisted: [
      'Kotalahden kylätalo has booked the space for you. Keep this message.',
      'contact the owner of the space (Kotalahden kylätalo)',
    ],
    time: 'Sunday, 25 October 2026 at 18:00–21:00',
    pay: 'Pay €95.00 by bank transfer to FI21 1234 5600 0007 85 (recipient Kotalahden kyläyhdistys ry) with the reference number 12345 67897.',
    cancellation: 'Free cancellation until Sunday, 18 October 2026 at 19:00; after that the fee is €22.50.',
  },
};

// Intl puts a no-break space between the amount and the euro sign.
function plain(value: string): string {
  return value.replace(/\u00a0/g, ' ');
}

describe('booking update mail', () => {
  for (const language of languages) {
    for (const kind of bookingUpdateKinds) {
      it(`renders ${kind} in ${language} with the Helsinki time, the link and an escaped reason`, () => {
        const mail = renderMail({ template: 'booking-update', language, data: { ...data, kind }, toName: 'Juhani' });
        expect(mail.subject).toContain('Kerkonkosken koulu');
        expect(mail.text).toContain('18');
        expect(mail.text).toContain('21');
        expect(mail.text).toContain(data.link);
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.html).not.toContain('<b>');
        expect(mail.text).not.toMatch(/\{\w+\}/);
      });
    }

    for (const kind of ['offered', 'reminder', 'assisted'] as const) {
      it(`words ${kind} in ${language}, with the time, payment and terms in both the HTML and the text`, () => {
        const mail = render(kind, language);
        const text = plain(mail.text);
        const html = plain(mail.html);
        const words = expected[language];
        for (const sentence of [...words[kind], words.time, words.cancellation]) {
          expect(`${mail.subject}\n${text}`).toContain(sentence);
          expect(html).toContain(escapeHtml(sentence));
        }
        expect(text).toContain(`${words.contact}: ${fullData.contact}`);
        expect(html).toContain(
          `${escapeHtml(words.contact)}</td><td style="padding:4px 0;font-weight:bold;">${escapeHtml(fullData.contact)}</td>`,
        );
        if (kind === 'offered') expect(html).toContain(`>${words.button}</a>`);
        if (kind === 'offered') expect(text).not.toContain(words.pay);
        else {
          expect(text).toContain(words.pay);
          expect(html).toContain(escapeHtml(words.pay));
        }
        expect(text).toMatch(language === 'en' ? /Price: €45\.00\nDeposit: €50\.00/ : /: 45,00 €\n\S+: 50,00 €/);
      });
    }

    it(`gives the key instructions only to people whose booking stands, in ${language}`, () => {
      for (const kind of ['approved', 'reminder', 'assisted'] as const) {
        const mail = render(kind, language);
        expect(mail.text).toContain('- Koodi 2468.');
        expect(mail.html).toContain('<li style="margin:0 0 6px;">Koodi 2468.</li>');
      }
      for (const kind of ['requested', 'denied', 'cancelled', 'expired', 'offered'] as const) {
        const mail = render(kind, language);
        expect(mail.text).not.toContain('2468');
        expect(mail.html).not.toContain('2468');
      }
    });

    it(`asks only the payer of a standing booking to pay, and drops terms of a denied one, in ${language}`, () => {
      expect(plain(render('requested', language).text)).not.toContain(expected[language].pay);
      const denied = plain(render('denied', language).text);
      expect(denied).not.toContain(expected[language].pay);
      expect(denied).not.toContain(expected[language].cancellation);
      expect(denied).not.toContain('12345 67897');
    });
  }

  it('shows a Helsinki evening as 18.00 on both sides of the change from summer time', () => {
    // 24 October 2026 is still summer time (UTC+3), 25 October is not (UTC+2).
    const summer = render('approved', 'fi', { startsAt: '2026-10-24T15:00:00.000Z', endsAt: '2026-10-24T18:00:00.000Z' });
    expect(summer.text).toContain('lauantaina 24. lokakuuta 2026 klo 18.00–21.00');
    expect(render('approved', 'fi').text).toContain('sunnuntaina 25. lokakuuta 2026 klo 18.00–21.00');
  });

  it('says which 03.xx it means in the hour the clocks repeat, in every language', () => {
    // 03:30 summer time (00:30 UTC) to 03:00 winter time (01:00 UTC): half an hour, not minus one.
    const times = { startsAt: '2026-10-25T00:30:00.000Z', endsAt: '2026-10-25T01:00:00.000Z' };
    const lines = {
      fi: 'sunnuntaina 25. lokakuuta 2026 klo 03.30 (kesäaika, UTC+3)–03.00 (talviaika, UTC+2)',
      sv: 'söndag 25 oktober 2026 kl. 03.30 (sommartid, UTC+3)–03.00 (vintertid, UTC+2)',
      en: 'Sunday, 25 October 2026 at 03:30 (summer time, UTC+3)–03:00 (winter time, UTC+2)',
    };
    for (const language of languages) {
      const mail = render('approved', language, times);
      expect(mail.text).toContain(lines[language]);
      expect(mail.html).toContain(lines[language]);
    }
  });

  it('leaves out a zero deposit and says when the price is nothing', () => {
    const mail = render('approved', 'fi', { payment: { ...fullData.payment, priceCents: 0, depositCents: 0 } });
    expect(mail.text).toContain('Hinta: maksuton');
    expect(mail.text).not.toContain('Takuumaksu');
    expect(mail.text).not.toContain('Maksa ');
    const noDeposit = render('approved', 'en', { payment: { ...fullData.payment, depositCents: 0 } });
    expect(noDeposit.text).not.toContain('Deposit');
    expect(plain(noDeposit.text)).toContain('Pay €45.00 by bank transfer');
  });

  it('words the cancellation terms that are known, and nothing when none are', () => {
    expect(plain(render('approved', 'fi', { freeCancellationUntil: undefined }).text)).toContain('Peruutusmaksu on 22,50 €.');
    expect(render('approved', 'en', { cancellationFeeCents: undefined }).text).toContain(
      'Free cancellation until Sunday, 18 October 2026 at 19:00.',
    );
    const none = render('approved', 'sv', { cancellationFeeCents: undefined, freeCancellationUntil: undefined });
    expect(none.text).not.toContain('avboka');
  });

  it('still offers the time when the offer has no end time', () => {
    expect(render('offered', 'en', { offerExpiresAt: undefined }).text).toContain('It is held for you only for a short while.');
  });

  it('groups reference numbers in fives from the right and IBANs in fours', () => {
    expect(groupReferenceNumber('1234567897')).toBe('12345 67897');
    expect(groupReferenceNumber('123456789012')).toBe('12 34567 89012');
    expect(groupReferenceNumber('1232')).toBe('1232');
    expect(groupReferenceNumber('12 3456 7897')).toBe('12345 67897');
    expect(groupReferenceNumber('RF18 5390 0754 7034')).toBe('RF18 5390 0754 7034');
    expect(groupIban('fi2112345600000785')).toBe('FI21 1234 5600 0007 85');
    expect(render('reminder', 'fi', { payment: { ...fullData.payment, referenceNumber: '123456789012' } }).text).toContain(
      'viitenumerolla 12 34567 89012.',
    );
  });

  it('escapes the text people typed, and keeps it whole in the plain-text part', () => {
    const hostile = '<img src=x onerror="alert(1)"> & Co';
    const mail = render('assisted', 'en', {
      keyInstructions: hostile,
      contact: `<script>x</script> ${hostile}`,
      payment: { ...fullData.payment, recipient: hostile },
      reason: hostile,
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co');
    expect(mail.text).toContain(`(recipient ${hostile})`);
    expect(mail.text).toContain(`- ${hostile}`);
    expect(mail.text).toContain(`Contact: <script>x</script> ${hostile}`);
  });
});
