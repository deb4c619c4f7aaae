import { addDays, helsinkiToday } from '@talkoot/platform/time';
import type { Route } from './+types/embed';
import {
  loadCalendarItems,
  loadFilterChoices,
  publicOrigin,
  readCalendarFilter,
  redirectToCanonical,
  withQuery,
} from '../../components/calendar/calendar.server';
import { renderEmbedPage } from '../../components/calendar/embed-page.server';
import { filterSummary } from '../../components/calendar/filter-summary';
import { createTranslator, isLanguage } from '../../lib/i18n';
import { getRequestState } from '../../lib/session.server';

// A resource route: the compact list for association websites' <iframe>s (see embed-page.server.tsx).
// `lang=sv|en|fi` picks the language, as a framed page usually has no language cookie.
export async function loader({ context, url, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { filter, canonical } = readCalendarFilter(url.searchParams);
  const asked = url.searchParams.get('lang');
  const language = isLanguage(asked) ? asked : state.language;
  redirectToCanonical(url, [canonical, isLanguage(asked) ? `lang=${asked}` : ''].filter(Boolean).join('&'));
  const today = helsinkiToday();
  const [items, choices] = await Promise.all([
    loadCalendarItems(state, today, addDays(today, 27), canonical),
    loadFilterChoices(state),
  ]);
  const summary = filterSummary(createTranslator(language), filter, choices.regions, choices.organisations);
  return renderEmbedPage({
    items,
    language,
    origin: publicOrigin(request),
    calendarUrl: withQuery('/calendar', canonical),
    summary,
  });
}
