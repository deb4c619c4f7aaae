import { formatEuros, formatIban, formatReference } from '@talkoot/platform/money';
import type { Language } from '@talkoot/platform/schemas';
import { formatClock, HELSINKI, helsinkiOffsetMinutes, isRepeatedHelsinkiTime, localeTag } from '@talkoot/platform/time';

// Words every template shares, in the three languages.
export function greeting(language: Language, name: string | undefined): string {
  if (!name) return { fi: 'Hei,', sv: 'Hej,', en: 'Hello,' }[language];
  return { fi: `Hei ${name},`, sv: `Hej ${name},`, en: `Hello ${name},` }[language];
}

export function closing(language: Language): string[] {
  return {
    fi: ['Ystävällisin terveisin', 'Talkoot', 'Tämä on automaattinen viesti. Siihen ei voi vastata.'],
    sv: ['Med vänliga hälsningar', 'Talkoot', 'Det här är ett automatiskt meddelande. Det går inte att svara på det.'],
    en: ['Kind regards', 'Talkoot', 'This is an automatic message. Replies are not read.'],
  }[language];
}

export function linkFallback(language: Language): string {
  return {
    fi: 'Jos painike ei toimi, kopioi tämä osoite selaimen osoiteriville:',
    sv: 'Om knappen inte fungerar, kopiera den här adressen till webbläsarens adressfält:',
    en: 'If the button does not work, copy this address into your browser’s address bar:',
  }[language];
}

// "10 minuuttia" but "1 minuutin": Finnish takes the partitive after numbers above one.
export function minutes(language: Language, count: number): string {
  if (language === 'fi') return `${count} ${count === 1 ? 'minuutin' : 'minuuttia'}`;
  if (language === 'sv') return `${count} ${count === 1 ? 'minut' : 'minuter'}`;
  return `${count} ${count === 1 ? 'minute' : 'minutes'}`;
}

export function days(language: Language, count: number): string {
  if (language === 'fi') return `${count} ${count === 1 ? 'päivän' : 'päivää'}`;
  if (language === 'sv') return `${count} ${count === 1 ? 'dag' : 'dagar'}`;
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

// " (kesäaika, UTC+3)" after a time of the repeated hour, so that "03.30" names one instant; nothing otherwise.
const seasonWords: Record<Language, { summer: string; winter: string }> = {
  fi: { summer: 'kesäaika', winter: 'talviaika' },
  sv: { summer: 'sommartid', winter: 'vintertid' },
  en: { summer: 'summer time', winter: 'winter time' },
};

function repeatedHourMark(iso: string, language: Language): string {
  if (!isRepeatedHelsinkiTime(iso)) return '';
  const offset = helsinkiOffsetMinutes(iso);
  const words = seasonWords[language];
  // Helsinki's standard (winter) time is UTC+2.
  return ` (${offset > 120 ? words.summer : words.winter}, UTC+${offset / 60})`;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (it was ~5% of the api's
// CPU per loan request): one per language and shape, made on first use.
const formats = new Map<string, Intl.DateTimeFormat>();
function helsinkiFormat(language: Language, shape: 'time' | 'day'): Intl.DateTimeFormat {
  const key = `${language} ${shape}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      localeTag(language),
      shape === 'time'
        ? {
            timeZone: HELSINKI,
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
          }
        : { timeZone: HELSINKI, weekday: 'long', day: 'numeric', month: language === 'en' ? 'long' : 'numeric', year: 'numeric' },
    );
    formats.set(key, format);
  }
  return format;
}

// People read times in Helsinki time, whatever the server's zone.
export function formatHelsinkiTime(iso: string, language: Language): string {
  const time = helsinkiFormat(language, 'time').format(new Date(iso));
  return `${time}${repeatedHourMark(iso, language)}`;
}

export function formatHelsinkiClock(iso: string, language: Language): string {
  return `${formatClock(iso, language)}${repeatedHourMark(iso, language)}`;
}

// One line of a list of dates: "tiistai 6.10.2026 klo 18.00–21.00".
export function formatHelsinkiTimeRange(startsAt: string, endsAt: string, language: Language): string {
  const day = helsinkiFormat(language, 'day').format(new Date(startsAt));
  const at = { fi: ' klo ', sv: ' kl. ', en: ', ' }[language];
  return `${day}${at}${formatHelsinkiClock(startsAt, language)}–${formatHelsinkiClock(endsAt, language)}`;
}

// Finnish reference numbers in groups of five; anything else (an RF reference) is shown as given.
export function groupReferenceNumber(reference: string): string {
  return /^\d+$/.test(reference.replace(/\s/g, '')) ? formatReference(reference) : reference.trim();
}

export interface MailPayment {
  priceCents: number;
  depositCents: number;
  iban: string | null;
  referenceNumber: string | null;
  recipient: string;
}

const paymentWords: Record<
  Language,
  {
    price: string;
    totalPrice: string;
    free: string;
    deposit: string;
    pay: (total: string, iban: string, recipient: string, reference: string | null) => string;
  }
> = {
  fi: {
    price: 'Hinta',
    totalPrice: 'Hinta yhteensä',
    free: 'maksuton',
    deposit: 'Takuumaksu',
    pay: (total, iban, recipient, reference) =>
      `Maksa ${total} tilisiirtona tilille ${iban}${recipient ? ` (saaja ${recipient})` : ''}${reference ? ` viitenumerolla ${reference}` : ''}.`,
  },
  sv: {
    price: 'Pris',
    totalPrice: 'Pris totalt',
    free: 'avgiftsfri',
    deposit: 'Deposition',
    pay: (total, iban, recipient, reference) =>
      `Betala ${total} med bankgiro till kontot ${iban}${recipient ? ` (mottagare ${recipient})` : ''}${reference ? ` med referensnumret ${reference}` : ''}.`,
  },
  en: {
    price: 'Price',
    totalPrice: 'Total price',
    free: 'free of charge',
    deposit: 'Deposit',
    pay: (total, iban, recipient, reference) =>
      `Pay ${total} by bank transfer to ${iban}${recipient ? ` (recipient ${recipient})` : ''}${reference ? ` with the reference number ${reference}` : ''}.`,
  },
};

// Price and deposit as fact rows; `isTotal` when one price covers many dates.
export function paymentRows(payment: MailPayment, language: Language, options: { isTotal?: boolean } = {}): [string, string][] {
  const text = paymentWords[language];
  const rows: [string, string][] = [
    [
      options.isTotal ? text.totalPrice : text.price,
      payment.priceCents > 0 ? formatEuros(payment.priceCents, language) : text.free,
    ],
  ];
  if (payment.depositCents > 0) rows.push([text.deposit, formatEuros(payment.depositCents, language)]);
  return rows;
}

// How to pay, or nothing when there is nothing to pay or no account to pay to.
export function paymentInstruction(payment: MailPayment, language: Language): string | undefined {
  const total = payment.priceCents + payment.depositCents;
  if (total <= 0 || !payment.iban) return undefined;
  const reference = payment.referenceNumber?.trim() ? groupReferenceNumber(payment.referenceNumber) : null;
  return paymentWords[language].pay(formatEuros(total, language), formatIban(payment.iban), payment.recipient.trim(), reference);
}
