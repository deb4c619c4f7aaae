import { useLoaderData } from 'react-router';
import {
  addDays,
  daysInMonth,
  dayText,
  formatDate,
  formatMonth,
  helsinkiToday,
  isRealDate,
  monthText,
  parseMonth,
  shiftMonth,
} from '@talkoot/platform/time';
import type { Route } from './+types/index';
import { CalendarFilterForm } from '../../components/calendar/calendar-filter-form';
import { CalendarList } from '../../components/calendar/calendar-list';
import { CalendarMonth } from '../../components/calendar/calendar-month';
import { shortDay } from '../../components/calendar/calendar-time';
import calendarStyles from '../../components/calendar/calendar.css?url';
import {
  loadCalendarItems,
  loadFilterChoices,
  readCalendarFilter,
  redirectToCanonical,
  withQuery,
} from '../../components/calendar/calendar.server';
import { filterSummary } from '../../components/calendar/filter-summary';
import { PageTitle } from '../../components/page-title';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';
import type { RouteHandle } from '../../lib/page-cache';

// Read without JavaScript: no scripts on this page (see root.tsx).
// Kept for signed-out readers until the data it shows changes (ADR 020).
export const handle = { hydrate: false, pageCache: { shows: ['events', 'organisations', 'places'] } } satisfies RouteHandle;

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: calendarStyles }];

// Four weeks at a time in the list: enough to plan, short enough to read.
const LIST_DAYS = 28;

export async function loader({ context, url }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { filter, canonical } = readCalendarFilter(url.searchParams);
  const today = helsinkiToday();
  const period = new URLSearchParams();
  const isMonth = url.searchParams.get('view') === 'month';
  let from: string;
  let to: string;
  let month: { year: number; month: number } | null = null;
  if (isMonth) {
    period.set('view', 'month');
    const asked = url.searchParams.get('month');
    month = parseMonth(asked);
    if (asked && asked === monthText(month.year, month.month)) period.set('month', asked);
    from = dayText(month.year, month.month, 1);
    to = dayText(month.year, month.month, daysInMonth(month.year, month.month));
  } else {
    const asked = url.searchParams.get('from');
    from = asked && isRealDate(asked) ? asked : today;
    if (asked && from === asked) period.set('from', asked);
    to = addDays(from, LIST_DAYS - 1);
  }
  redirectToCanonical(url, [canonical, period.toString()].filter(Boolean).join('&'));

  const [items, choices] = await Promise.all([loadCalendarItems(state, from, to, canonical), loadFilterChoices(state)]);
  const pageQuery = (extra: Record<string, string>) =>
    [canonical, new URLSearchParams(extra).toString()].filter(Boolean).join('&');
  const previous = month ? shiftMonth(month.year, month.month, -1) : null;
  const next = month ? shiftMonth(month.year, month.month, 1) : null;
  const thisMonth = parseMonth(null);
  return {
    filter,
    canonical,
    items,
    ...choices,
    today,
    view: isMonth ? ('month' as const) : ('list' as const),
    from,
    to,
    month,
    hidden: Object.fromEntries(period),
    links: {
      list: withQuery('/calendar', canonical),
      month: withQuery(
        '/calendar',
        pageQuery({ view: 'month', month: monthText(month?.year ?? thisMonth.year, month?.month ?? thisMonth.month) }),
      ),
      previous: withQuery(
        '/calendar',
        previous
          ? pageQuery({ view: 'month', month: monthText(previous.year, previous.month) })
          : pageQuery({ from: addDays(from, -LIST_DAYS) }),
      ),
      next: withQuery(
        '/calendar',
        next
          ? pageQuery({ view: 'month', month: monthText(next.year, next.month) })
          : pageQuery({ from: addDays(from, LIST_DAYS) }),
      ),
      subscribe: withQuery('/calendar/subscribe', canonical),
      print: withQuery('/calendar/print', canonical),
      digest: withQuery('/calendar/digest', canonical),
    },
  };
}

export default function Calendar() {
  const { t, language } = useI18n();
  const data = useLoaderData<typeof loader>();
  const summary = filterSummary(t, data.filter, data.regions, data.organisations);
  const isMonth = data.view === 'month' && data.month;
  const periodTitle =
    isMonth && data.month
      ? formatMonth(data.month.year, data.month.month, language)
      : `${shortDay(data.from, language)} – ${formatDate(data.to, language)}`;
  return (
    <div className="calendar-page">
      <PageTitle title={summary ? `${t('calendar.title')}: ${summary}` : t('calendar.title')} />
      <h1>{t('calendar.title')}</h1>
      <p className="lead">{t('calendar.intro')}</p>
      <p className="calendar-summary">
        <strong>{t('calendar.showing')}</strong> {summary || t('calendar.showingAll')}
      </p>
      <CalendarFilterForm
        t={t}
        filter={data.filter}
        regions={data.regions}
        organisations={data.organisations}
        hidden={data.hidden}
        isOpen={false}
      />
      <ul className="calendar-tools" aria-label={t('calendar.tools')}>
        <li>
          <a href={data.links.subscribe}>{t('calendar.subscribeLink')}</a>
        </li>
        <li>
          <a href={data.links.print}>{t('calendar.printLink')}</a>
        </li>
        <li>
          <a href={data.links.digest}>{t('calendar.digestLink')}</a>
        </li>
      </ul>
      <nav className="calendar-views" aria-label={t('calendar.views')}>
        <a href={data.links.list} aria-current={isMonth ? undefined : 'page'}>
          {t('calendar.viewList')}
        </a>
        <a href={data.links.month} aria-current={isMonth ? 'page' : undefined}>
          {t('calendar.viewMonth')}
        </a>
      </nav>
      <div className="calendar-period">
        <h2 className="calendar-period__title">{periodTitle}</h2>
        <nav className="calendar-period__nav" aria-label={t('calendar.periodNav')}>
          <a href={data.links.previous} rel="prev">
            <span aria-hidden="true">← </span>
            {isMonth ? t('calendar.previousMonth') : t('calendar.previousWeeks')}
          </a>
          <a href={data.links.next} rel="next">
            {isMonth ? t('calendar.nextMonth') : t('calendar.nextWeeks')}
            <span aria-hidden="true"> →</span>
          </a>
        </nav>
      </div>
      {isMonth && data.month ? (
        <>
          <CalendarMonth
            year={data.month.year}
            month={data.month.month}
            items={data.items}
            today={data.today}
            t={t}
            language={language}
            dayHref={(date) => `/calendar?${[data.canonical, `from=${date}`].filter(Boolean).join('&')}`}
          />
          {data.items.length === 0 ? <p className="calendar-empty">{t('calendar.empty')}</p> : null}
        </>
      ) : (
        <CalendarList items={data.items} t={t} language={language} />
      )}
    </div>
  );
}
