import { randomBytes } from 'node:crypto';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CalendarEntry } from '../../lib/api-types';
import { createTranslator, type Language } from '../../lib/i18n';
import { buildContentSecurityPolicy } from '../../lib/security';
import appStyles from '../../styles/app.css?url';
import calendarStyles from './calendar.css?url';
import { CalendarList } from './calendar-list';

type EmbedPage = { items: CalendarEntry[]; language: Language; origin: string; calendarUrl: string; summary: string };

// The embed is a document of its own (no site header, footer or scripts), so it is rendered here
// rather than inside the root layout; only this response may be framed by other sites.
export function renderEmbedPage({ items, language, origin, calendarUrl, summary }: EmbedPage): Response {
  const t = createTranslator(language);
  const markup = renderToStaticMarkup(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${t('calendar.title')} – Talkoot`}</title>
        <link rel="stylesheet" href={appStyles} />
        <link rel="stylesheet" href={calendarStyles} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body className="calendar-embed">
        <main className="calendar-embed__main">
          <h1 className="calendar-embed__title">
            {t('calendar.title')}
            {summary ? `: ${summary}` : ''}
          </h1>
          <CalendarList items={items} t={t} language={language} linkBase={origin} opensNewTab dayLevel={2} />
          <p className="calendar-embed__more">
            <a href={`${origin}${calendarUrl}`} target="_blank" rel="noopener">
              {t('calendar.embed.more')}
              <span className="visually-hidden"> {t('calendar.opensNewTab')}</span>
            </a>
          </p>
        </main>
      </body>
    </html>,
  );
  const nonce = randomBytes(16).toString('base64');
  return new Response(`<!DOCTYPE html>${markup}`, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': buildContentSecurityPolicy(nonce, { allowFraming: true }),
      // Public and the same for everyone: a short shared cache spares the api when many sites embed it.
      'Cache-Control': 'public, max-age=300',
      Vary: 'Accept-Language, Cookie',
    },
  });
}
