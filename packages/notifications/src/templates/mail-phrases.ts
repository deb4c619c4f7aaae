import type { Language } from '@talkoot/platform/schemas';

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
