import { Link, useActionData, useLoaderData, useLocation } from 'react-router';
import {
  addDays,
  formatDate,
  helsinkiToday,
  helsinkiToInstant,
  isClockText,
  isRealDate,
  mondayOf,
  monthText,
  parseMonth,
  shiftMonth,
} from '@talkoot/platform/time';
import type { Route } from './+types/venue';
import { PageTitle } from '../../components/page-title';
import { BookingRequestForm } from '../../components/venues/booking-request-form';
import { handleBookingRequest, type BookingFormResult } from '../../components/venues/booking-request.server';
import { MonthCalendar } from '../../components/venues/month-calendar';
import { SpaceRulesList } from '../../components/venues/space-rules';
import { FeedLinks, VenueContact, VenuePhotos } from '../../components/venues/venue-extras';
import { clockText } from '../../components/venues/venue-format';
import { bookableByKeys, durationText, facilityWords } from '../../components/venues/venue-labels';
import venueStyles from '../../components/venues/venues.css?url';
import { WeekCalendar } from '../../components/venues/week-calendar';
import { availabilityRoute, getVenueRoute } from '@talkoot/venues/schemas';
import { parseWeek } from '../../components/venues/week-time';
import { loadFromApi } from '../../lib/api.server';
import type { BusySlot } from '../../lib/api-types';
import { getConfig } from '../../lib/config.server';
import { readFormValues } from '../../lib/forms';
import { pickLocalisedText } from '../../lib/labels';
import { useI18n, useRootData } from '../../lib/root-data';
import { getRequestState, requireViewer, signInPath } from '../../lib/session.server';
import type { RouteHandle } from '../../lib/page-cache';

// Kept for signed-out readers until the data it shows changes (ADR 020).
export const handle = { pageCache: { shows: ['venues', 'organisations', 'places'] } } satisfies RouteHandle;

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: venueStyles }];

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { venue } = await loadFromApi(state, getVenueRoute, { params: { id: params.id } });
  const url = new URL(request.url);
  const query = url.searchParams;
  const requested = query.get('space');
  const space = venue.spaces.find((candidate) => candidate.id === requested) ?? venue.spaces[0] ?? null;
  const today = helsinkiToday();

  // `?space&date&from&to` (from the search) fills in the request form and shows that day.
  const date = query.get('date');
  const prefillDate = date && isRealDate(date) ? date : null;
  const prefill: Record<string, string> = {};
  if (space && space.id === requested) prefill.spaceId = space.id;
  if (prefillDate) prefill.date = prefillDate;
  const from = query.get('from');
  const to = query.get('to');
  if (from && isClockText(from)) prefill.startTime = from;
  if (to && isClockText(to)) prefill.endTime = to;

  const view: 'month' | 'week' = query.get('view') === 'week' ? 'week' : 'month';
  const { year, month } =
    query.get('month') || !prefillDate
      ? parseMonth(query.get('month'))
      : { year: Number(prefillDate.slice(0, 4)), month: Number(prefillDate.slice(5, 7)) };
  const monday = parseWeek(query.get('week'), prefillDate);
  let busy: BusySlot[] = [];
  if (space) {
    const next = shiftMonth(year, month, 1);
    const range =
      view === 'week'
        ? { from: helsinkiToInstant(monday, '00:00')!.iso, to: helsinkiToInstant(addDays(monday, 7), '00:00')!.iso }
        : {
            from: helsinkiToInstant(`${monthText(year, month)}-01`, '00:00')!.iso,
            to: helsinkiToInstant(`${monthText(next.year, next.month)}-01`, '00:00')!.iso,
          };
    ({ busy } = await loadFromApi(state, availabilityRoute, { params: { id: space.id }, query: range }));
  }
  const publicOrigin = getConfig().publicOrigin;
  return {
    venue,
    spaceId: space?.id ?? null,
    view,
    year,
    month,
    monday,
    today,
    busy,
    prefill,
    feedHost: publicOrigin ? new URL(publicOrigin).host : url.host,
    signInHref: signInPath(state.returnTo),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const values = readFormValues(await request.formData());
  const { venue } = await loadFromApi(state, getVenueRoute, { params: { id: params.id } });
  return handleBookingRequest(state, viewer, venue, values);
}

export default function VenuePage() {
  const { t, language } = useI18n();
  const root = useRootData();
  const location = useLocation();
  const { venue, spaceId, view, year, month, monday, today, busy, prefill, feedHost, signInHref } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as BookingFormResult | undefined;
  const description = pickLocalisedText(venue.description, language);
  const space = venue.spaces.find((candidate) => candidate.id === spaceId) ?? null;
  const memberships = root?.viewer?.memberships ?? [];
  const canManage = memberships.some(
    (m) => m.organisation.id === venue.organisation.id && (m.role === 'admin' || m.role === 'coordinator'),
  );
  const spaceQuery = space ? `space=${encodeURIComponent(space.id)}&` : '';
  const currentMonday = mondayOf(today);
  const isThisMonth = today.startsWith(monthText(year, month));
  const weekHref = `/venues/${venue.id}?${spaceQuery}view=week&week=${view === 'week' ? monday : isThisMonth ? currentMonday : mondayOf(`${monthText(year, month)}-01`)}#calendar-title`;
  const monthHref = `/venues/${venue.id}?${spaceQuery}month=${view === 'week' ? monday.slice(0, 7) : monthText(year, month)}#calendar-title`;

  return (
    <>
      <PageTitle title={venue.name} hasErrors={result?.step === 'form' && Object.keys(result.errors).length > 0} />
      <p className="breadcrumb">
        <Link to="/venues">{t('venues.back')}</Link>
      </p>
      <h1>{venue.name}</h1>
      {description ? (
        <p className="lead" lang={description.language}>
          {description.text}
        </p>
      ) : null}
      {canManage ? (
        <p>
          <Link to={`/venues/${venue.id}/manage`} className="button button--secondary">
            {t('venues.manageLink')}
          </Link>
        </p>
      ) : null}
      {prefill.date && prefill.startTime && prefill.endTime ? (
        <div className="panel panel--info">
          <p>
            {t('venues.prefill.text', {
              when: `${formatDate(prefill.date, language)} ${clockText(prefill.startTime, language)}–${clockText(prefill.endTime, language)}${space && prefill.spaceId ? `, ${space.name}` : ''}`,
            })}{' '}
            <a href="#request-title">{t('venues.prefill.link')}</a>
          </p>
        </div>
      ) : null}
      <dl className="details">
        <dt>{t('venues.address')}</dt>
        <dd>{venue.address}</dd>
        <dt>{t('venues.village')}</dt>
        <dd>{venue.village.name}</dd>
        <dt>{t('venues.owner')}</dt>
        <dd>
          <Link to={`/organisations/${venue.organisation.id}`}>{venue.organisation.name}</Link>
        </dd>
        <VenueContact venue={venue} />
        <dt>{t('venues.facilities')}</dt>
        <dd>{facilityWords(t, 'facility', venue.facilities)}</dd>
        <dt>{t('venues.accessibility')}</dt>
        <dd>{facilityWords(t, 'accessibility', venue.accessibility)}</dd>
      </dl>
      <p>{t('venues.capacity', { count: venue.capacity })}</p>

      <VenuePhotos photos={venue.photos ?? []} />

      <section className="section" aria-labelledby="spaces-title">
        <h2 id="spaces-title">{t('venues.spaces.title')}</h2>
        {venue.spaces.length === 0 ? <p>{t('venues.spaces.empty')}</p> : null}
        <ul className="card-list">
          {venue.spaces.map((candidate) => (
            <li key={candidate.id} className="card">
              <h3>{candidate.name}</h3>
              <p>
                {candidate.capacity ? `${t('venues.spaces.capacity', { count: candidate.capacity })}. ` : ''}
                {t('venues.spaces.length', {
                  min: durationText(t, candidate.minMinutes),
                  max: durationText(t, candidate.maxMinutes),
                })}{' '}
                {t(candidate.isApprovalRequired ? 'venues.spaces.approval' : 'venues.spaces.noApproval')}{' '}
                {t(bookableByKeys[candidate.bookableBy])}
              </p>
              <SpaceRulesList rules={candidate} today={today} />
              {candidate.id !== spaceId ? (
                <p>
                  <Link
                    to={`/venues/${venue.id}?space=${candidate.id}&${view === 'week' ? `view=week&week=${monday}` : `month=${monthText(year, month)}`}#calendar-title`}
                  >
                    {t('venues.spaces.showCalendar', { name: candidate.name })}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {space ? (
        <section className="section" aria-labelledby="calendar-title">
          <h2 id="calendar-title">
            {t('venues.calendar.title')}: {space.name}
          </h2>
          <p>{t(view === 'week' ? 'venues.week.hint' : 'venues.calendar.hint')}</p>
          <nav className="view-toggle" aria-label={t('venues.view.label')}>
            <Link to={monthHref} aria-current={view === 'month' ? 'page' : undefined}>
              {t('venues.view.month')}
            </Link>
            <Link to={weekHref} aria-current={view === 'week' ? 'page' : undefined}>
              {t('venues.view.week')}
            </Link>
          </nav>
          {view === 'week' ? (
            <WeekCalendar
              venueId={venue.id}
              spaceId={space.id}
              spaceName={space.name}
              monday={monday}
              today={today}
              busy={busy}
              rules={space}
            />
          ) : (
            <MonthCalendar
              venueId={venue.id}
              spaceId={space.id}
              spaceName={space.name}
              year={year}
              month={month}
              today={today}
              busy={busy.map((period) => ({ ...period, status: period.status === 'approved' ? 'approved' : 'requested' }))}
            />
          )}
        </section>
      ) : null}

      {venue.spaces.length > 0 ? (
        <section className="section panel" aria-labelledby="request-title">
          <h2 id="request-title">{t('venues.form.title')}</h2>
          {root?.viewer ? (
            <BookingRequestForm
              venue={venue}
              spaceId={space?.id ?? null}
              prefill={prefill}
              result={result}
              memberships={memberships}
              action={`${location.pathname}${location.search}#request-title`}
            />
          ) : (
            <p>
              <Link to={signInHref} className="button">
                {t('venues.form.signIn')}
              </Link>
            </p>
          )}
        </section>
      ) : null}

      <FeedLinks feedPath={`/feeds/venues/${venue.id}.ics`} host={feedHost} />
    </>
  );
}
