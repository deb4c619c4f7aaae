import { useContext } from 'react';
import { data, UNSAFE_FrameworkContext, useLoaderData } from 'react-router';
import { formatDayHeading, helsinkiDayOf } from '@talkoot/platform/time';
import type { Route } from './+types/event';
import { accessibilityWords, audienceWords, categoryKeys } from '../../components/calendar/calendar-labels';
import { priceText, timeText } from '../../components/calendar/calendar-time';
import calendarStyles from '../../components/calendar/calendar.css?url';
import { publicOrigin } from '../../components/calendar/calendar.server';
import { eventJsonLd, serializeJsonLd } from '../../components/calendar/event-json-ld';
import { PageTitle } from '../../components/page-title';
import { publicEventRoute } from '@talkoot/events/schemas';
import { freePlacesRoute } from '@talkoot/volunteering/schemas';
import { loadFromApi } from '../../lib/api.server';
import type { OrganiserEvent } from '../../lib/api-types';
import { pickLocalisedText } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';
import type { RouteHandle } from '../../lib/page-cache';

// Read without JavaScript: no scripts on this page (see root.tsx).
// Kept for signed-out readers until the data it shows changes (ADR 020).
export const handle = {
  hydrate: false,
  pageCache: { shows: ['events', 'organisations', 'places', 'volunteering'] },
} satisfies RouteHandle;

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: calendarStyles }];

export async function loader({ context, params, request }: Route.LoaderArgs) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(params.id))
    throw data({ code: 'not_found' }, { status: 404 });
  const state = getRequestState(context);
  const [{ event }, { events: help }] = await Promise.all([
    loadFromApi(state, publicEventRoute, { params: { eventId: params.id } }),
    loadFromApi(state, freePlacesRoute, { query: { eventIds: [params.id] } }),
  ]);
  const title = pickLocalisedText(event.title, state.language);
  const description = pickLocalisedText(event.description, state.language);
  const origin = publicOrigin(request);
  return {
    event,
    // "Help wanted": only when the event has volunteer tasks.
    helpWanted: help.find((entry) => entry.eventId === params.id && entry.tasks > 0) ?? null,
    origin,
    now: Date.now(),
    jsonLd: serializeJsonLd(
      eventJsonLd(event, title?.text ?? '', description?.text ?? null, origin, title?.language ?? state.language),
    ),
  };
}

export default function EventPage() {
  const { t, language } = useI18n();
  const { event, jsonLd, now, helpWanted } = useLoaderData<typeof loader>();
  // JSON-LD is data, not script, but the CSP still names inline <script> elements: give it the page's nonce.
  const nonce = useContext(UNSAFE_FrameworkContext)?.nonce;
  const title = pickLocalisedText(event.title, language);
  const description = pickLocalisedText(event.description, language);
  const isCancelled = event.status === 'cancelled';
  const organisers = [event.organisation, ...event.coOrganisers.filter((organiser) => organiser.status === 'accepted')];
  const accessibility = accessibilityWords(t, event.accessibility);
  const upcoming = event.occurrences.filter((occurrence) => Date.parse(occurrence.endsAt) >= now);
  const past = event.occurrences.filter((occurrence) => Date.parse(occurrence.endsAt) < now);
  const titleText = title?.text ?? t('calendar.untitled');
  return (
    <article className="calendar-event">
      <PageTitle title={isCancelled ? `${t('calendar.cancelled')}: ${titleText}` : titleText} />
      <script type="application/ld+json" nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <p className="breadcrumb">
        <a href="/calendar">{t('calendar.backToCalendar')}</a>
      </p>
      {isCancelled ? (
        <div className="panel panel--warning calendar-event__cancelled" role="note">
          <p>
            <strong>{t('calendar.event.cancelledTitle')}</strong> {t('calendar.event.cancelledBody')}
          </p>
        </div>
      ) : null}
      <h1 lang={title && title.language !== language ? title.language : undefined}>{titleText}</h1>
      <p className="calendar-event__meta">
        {t(categoryKeys[event.category])} · {event.placeName}, {event.village.name}
      </p>
      <p>
        <a className="button" href={`/feeds/events/${event.id}.ics`} download>
          {t('calendar.event.addToCalendar')}
        </a>
      </p>
      {helpWanted && !isCancelled ? (
        <p className="panel panel--info">
          <a href={`/events/${event.id}/volunteering`}>
            {helpWanted.free > 0 ? t('volunteering.helpWanted', { count: helpWanted.free }) : t('volunteering.helpWantedFull')}
          </a>
        </p>
      ) : null}
      {event.imageUrl ? <img className="calendar-event__image" src={event.imageUrl} alt={event.imageAlt ?? ''} /> : null}
      {description ? (
        <div className="calendar-event__description" lang={description.language !== language ? description.language : undefined}>
          {description.text}
        </div>
      ) : null}

      <h2>{event.occurrences.length > 1 ? t('calendar.event.dates') : t('calendar.event.date')}</h2>
      {upcoming.length ? (
        <OccurrenceList occurrences={upcoming} isAllDay={event.isAllDay} isEventCancelled={isCancelled} />
      ) : (
        <p>{t('calendar.event.noUpcoming')}</p>
      )}
      {past.length ? (
        <details className="calendar-event__past">
          <summary>{t('calendar.event.pastDates', { count: past.length })}</summary>
          <OccurrenceList occurrences={past} isAllDay={event.isAllDay} isEventCancelled={isCancelled} />
        </details>
      ) : null}

      <h2>{t('calendar.event.details')}</h2>
      <dl className="calendar-event__facts">
        <dt>{t('calendar.place')}</dt>
        <dd>
          {event.placeName}
          {event.address ? (
            <>
              <br />
              {event.address}
            </>
          ) : null}
          <br />
          {event.village.name}, {event.municipality.name}
        </dd>
        <dt>{organisers.length > 1 ? t('calendar.organisers') : t('calendar.organiser')}</dt>
        <dd>
          <ul className="calendar-event__organisers">
            {organisers.map((organiser) => (
              <li key={organiser.id}>
                <a href={`/organisations/${organiser.id}`}>{organiser.name}</a>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('calendar.categoryLabel')}</dt>
        <dd>{t(categoryKeys[event.category])}</dd>
        <dt>{t('calendar.event.audience')}</dt>
        <dd>{audienceWords(t, event.audiences) || t('calendar.audience.everyone')}</dd>
        <dt>{t('calendar.price')}</dt>
        <dd>{priceText(event.priceCents, language, t('calendar.free'))}</dd>
        <dt>{t('calendar.accessibilityLabel')}</dt>
        <dd>{accessibility || t('calendar.event.noAccessibility')}</dd>
        {event.isRideSharingWelcome ? (
          <>
            <dt>{t('calendar.event.rides')}</dt>
            <dd>{t('calendar.rideSharing')}</dd>
          </>
        ) : null}
        {event.infoUrl ? (
          <>
            <dt>{t('calendar.event.moreInfo')}</dt>
            <dd>
              <a href={event.infoUrl} rel="noopener noreferrer" className="break">
                {event.infoUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

function OccurrenceList({
  occurrences,
  isAllDay,
  isEventCancelled,
}: {
  occurrences: OrganiserEvent['occurrences'];
  isAllDay: boolean;
  isEventCancelled: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <ul className="calendar-event__dates">
      {occurrences.map((occurrence) => {
        const isCancelled = isEventCancelled || occurrence.isCancelled;
        const note = occurrence.note ? pickLocalisedText(occurrence.note, language) : null;
        return (
          <li
            key={occurrence.id}
            className={isCancelled ? 'calendar-event__date calendar-event__date--cancelled' : 'calendar-event__date'}
          >
            {isCancelled ? <strong className="calendar-cancelled">{t('calendar.cancelled')}: </strong> : null}
            <span className="calendar-event__day">{formatDayHeading(helsinkiDayOf(occurrence.startsAt), language)}</span>{' '}
            <span>{timeText({ ...occurrence, isAllDay }, language, t('calendar.allDay'))}</span>
            {note ? (
              <span className="calendar-event__note" lang={note.language !== language ? note.language : undefined}>
                {' '}
                – {note.text}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
