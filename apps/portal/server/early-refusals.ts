import { escapeHtml, type Language, pickLanguage } from './cross-site-writes.js';

// An address that cannot be read (broken percent-encoding), far too long, or a page form that sent
// too much (a photo over the limit): refused before React Router (and its translations) runs, so
// the few words live here, in the person's language.
export type EarlyRefusal = 400 | 413 | 414;

const texts: Record<Language, Record<EarlyRefusal, { title: string; body: string }> & { back: string }> = {
  fi: {
    400: {
      title: 'Osoitetta ei voitu lukea',
      body: 'Sivun osoitteessa on merkkejä, joita ei voi lukea. Tarkista osoite tai palaa etusivulle ja jatka sieltä.',
    },
    413: {
      title: 'Tiedosto on liian suuri',
      body: 'Mitään ei tallennettu. Kuva tai tiedosto saa olla enintään 10 megatavua. Pienennä kuvaa tai valitse toinen ja yritä uudelleen.',
    },
    414: { title: 'Osoite on liian pitkä', body: 'Sivun osoite on liian pitkä. Palaa etusivulle ja jatka sieltä.' },
    back: 'Etusivulle',
  },
  sv: {
    400: {
      title: 'Adressen kunde inte läsas',
      body: 'Sidans adress innehåller tecken som inte kan läsas. Kontrollera adressen eller gå till startsidan och fortsätt därifrån.',
    },
    413: {
      title: 'Filen är för stor',
      body: 'Ingenting sparades. En bild eller fil får vara högst 10 megabyte. Gör bilden mindre eller välj en annan och försök igen.',
    },
    414: { title: 'Adressen är för lång', body: 'Sidans adress är för lång. Gå till startsidan och fortsätt därifrån.' },
    back: 'Till startsidan',
  },
  en: {
    400: {
      title: 'The address could not be read',
      body: 'The address of the page contains characters that cannot be read. Check the address, or go to the home page and continue from there.',
    },
    413: {
      title: 'The file is too large',
      body: 'Nothing was saved. A picture or file can be at most 10 megabytes. Make the picture smaller or choose another one and try again.',
    },
    414: {
      title: 'The address is too long',
      body: 'The address of the page is too long. Go to the home page and continue from there.',
    },
    back: 'Go to the home page',
  },
};

export function earlyRefusalPage(
  headers: Record<string, string | string[] | undefined>,
  status: EarlyRefusal,
): { language: Language; html: string } {
  const request = new Request('http://portal.invalid/', {
    headers: { Cookie: String(headers.cookie ?? ''), 'Accept-Language': String(headers['accept-language'] ?? '') },
  });
  const language = pickLanguage(request);
  const text = texts[language];
  const html = `<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text[status].title)} – Talkoot</title></head>
<body><main><h1>${escapeHtml(text[status].title)}</h1><p>${escapeHtml(text[status].body)}</p><p><a href="/">${escapeHtml(text.back)}</a></p></main></body></html>`;
  return { language, html };
}
