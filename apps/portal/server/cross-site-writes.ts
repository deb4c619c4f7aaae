// Every write that reaches a page (a form post to a route action) must come from our own pages.
// The session cookie is SameSite=Lax, which still lets old browsers and some top-level posts carry
// it, and React Router's own check (allowedActionOrigins) only refuses a *foreign* Origin: a post
// without Origin passed. The api refuses the same writes the same way (identity's access guard).
const sessionCookieNames = new Set(['talkoot_session', '__Host-talkoot_session']);
const readMethods = new Set(['GET', 'HEAD']);

export function isCrossSiteWrite(request: Request, publicOrigin: string | undefined): boolean {
  if (readMethods.has(request.method.toUpperCase())) return false;
  // Browsers set Sec-Fetch-Site themselves; no page can forge it. Their own form posts say same-origin.
  const site = request.headers.get('Sec-Fetch-Site');
  if (site === 'same-origin') return false;
  // `none` is a request the person started in the browser itself (address bar, bookmark): it can
  // never be a post of ours, so it vouches for nothing; Origin decides as for a browser without the header.
  if (site !== null && site !== 'none') return true;
  const origin = request.headers.get('Origin');
  if (origin !== null) return origin !== (publicOrigin ?? new URL(request.url).origin);
  // No word of where it came from: a script or an old client. Without a session it can only do what
  // anyone signed out can; with one it might be a forged post riding on the cookie.
  return hasSessionCookie(request.headers.get('Cookie'));
}

function hasSessionCookie(header: string | null): boolean {
  if (!header) return false;
  return header.split(';').some((part) => sessionCookieNames.has(part.slice(0, part.indexOf('=')).trim()));
}

export type Language = 'fi' | 'sv' | 'en';

// The answer is made before React Router (and its translations) is involved, so its few words live here.
const refusalTexts: Record<Language, { title: string; body: string; again: string; home: string }> = {
  fi: {
    title: 'Lomaketta ei lähetetty',
    body: 'Emme tallentaneet mitään, koska lomake ei tullut Talkoot-palvelun omalta sivulta. Näin suojaamme tietojasi. Avaa sivu uudelleen ja lähetä lomake sieltä.',
    again: 'Avaa sivu uudelleen',
    home: 'Etusivulle',
  },
  sv: {
    title: 'Formuläret skickades inte',
    body: 'Vi sparade ingenting, eftersom formuläret inte kom från en sida i Talkoot. Så skyddar vi dina uppgifter. Öppna sidan på nytt och skicka formuläret därifrån.',
    again: 'Öppna sidan på nytt',
    home: 'Till startsidan',
  },
  en: {
    title: 'The form was not sent',
    body: 'We saved nothing, because the form did not come from a Talkoot page. This keeps your details safe. Open the page again and send the form from there.',
    again: 'Open the page again',
    home: 'Go to the home page',
  },
};

export function refuseCrossSiteWrite(request: Request): Response {
  const language = pickLanguage(request);
  const text = refusalTexts[language];
  const url = new URL(request.url);
  // The page the form was on: a JavaScript post goes to `<page>.data` (`/_root.data` for the home
  // page), an index route's form adds `?index`.
  const pagePath = url.pathname.replace(/\.data$/, '').replace(/^\/_root$/, '/') || '/';
  const query = new URLSearchParams(url.search);
  query.delete('index');
  query.delete('_routes');
  const pageAddress = query.size > 0 ? `${pagePath}?${query}` : pagePath;
  const body = `<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title} – Talkoot</title></head>
<body><main><h1>${text.title}</h1><p>${text.body}</p>
<p><a href="${escapeHtml(pageAddress)}">${text.again}</a></p><p><a href="/">${text.home}</a></p></main></body></html>`;
  return new Response(body, {
    status: 403,
    statusText: 'Forbidden',
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': language, 'Cache-Control': 'no-store' },
  });
}

// The person's chosen language (the portal's cookie), else the browser's, else Finnish.
export function pickLanguage(request: Request): Language {
  const chosen = /(?:^|;\s*)talkoot_lang=(fi|sv|en)(?:;|$)/.exec(request.headers.get('Cookie') ?? '')?.[1];
  if (chosen) return chosen as Language;
  const accepted = (request.headers.get('Accept-Language') ?? '')
    .split(',')
    .map((entry) => entry.trim().slice(0, 2).toLowerCase());
  return (accepted.find((tag) => tag === 'fi' || tag === 'sv' || tag === 'en') as Language | undefined) ?? 'fi';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
