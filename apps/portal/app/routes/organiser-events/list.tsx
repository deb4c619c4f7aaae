import { data, Form, Link, useLoaderData, useSearchParams } from 'react-router';
import { formatEuros } from '@talkoot/platform/money';
import type { Route } from './+types/list';
import { pickText, statusKeys, whenText } from '../../components/organiser-events/event-labels';
import { eventPath, eventsPath } from '../../components/organiser-events/event-paths';
import eventStyles from '../../components/organiser-events/organiser-events.css?url';
import { requireEventOrganiser } from '../../components/organiser-events/organiser-access.server';
import { PageTitle } from '../../components/page-title';
import { answerCoOrganisingRoute, organisationEventsRoute } from '@talkoot/events/schemas';
import { getOrganisationRoute } from '@talkoot/identity/schemas';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import type { OrganiserEvent } from '../../lib/api-types';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState } from '../../lib/session.server';
import { publicOrigin } from '../../components/print/print-data.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: eventStyles }];

// The next date still to come (or the last one, for a past event).
function nextDate(event: OrganiserEvent, now: number): { startsAt: string; endsAt: string; isPast: boolean } | null {
  const upcoming =
    event.occurrences.find((occurrence) => Date.parse(occurrence.endsAt) > now && !occurrence.isCancelled) ??
    event.occurrences.find((occurrence) => Date.parse(occurrence.endsAt) > now);
  if (upcoming) return { startsAt: upcoming.startsAt, endsAt: upcoming.endsAt, isPast: false };
  const last = event.occurrences.at(-1);
  return last ? { startsAt: last.startsAt, endsAt: last.endsAt, isPast: true } : null;
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireEventOrganiser(state, params.id);
  const [{ events }, { organisation }] = await Promise.all([
    loadFromApi(state, organisationEventsRoute, { params: { id: params.id } }),
    loadFromApi(state, getOrganisationRoute, { params: { id: params.id } }),
  ]);
  const now = Date.now();
  const rows = events.map((event) => ({
    event,
    next: nextDate(event, now),
    myStatus: event.coOrganisers.find((co) => co.id === params.id)?.status ?? null,
  }));
  const invitations = rows.filter((row) => row.event.organisation.id !== params.id && row.myStatus === 'invited');
  const listed = rows.filter((row) => row.event.organisation.id === params.id || row.myStatus === 'accepted');
  const upcoming = listed
    .filter((row) => row.next && !row.next.isPast)
    .toSorted((a, b) => Date.parse(a.next!.startsAt) - Date.parse(b.next!.startsAt));
  const past = listed
    .filter((row) => !row.next || row.next.isPast)
    .toSorted((a, b) => Date.parse(b.next?.startsAt ?? '0') - Date.parse(a.next?.startsAt ?? '0'));
  const feedUrl = `${publicOrigin(request)}/feeds/organisations/${params.id}.ics`;
  return {
    organisation: { id: params.id, name: organisation.name || organisationName || '' },
    invitations,
    upcoming,
    past,
    feedUrl,
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireEventOrganiser(state, params.id);
  const form = await request.formData();
  const eventId = String(form.get('eventId') ?? '');
  const intent = String(form.get('intent') ?? '');
  if (!/^[0-9a-f-]{36}$/i.test(eventId) || !['accept', 'decline'].includes(intent))
    throw data({ code: 'bad_request' }, { status: 400 });
  try {
    await callApi(state, answerCoOrganisingRoute, { params: { id: params.id, eventId }, body: { accept: intent === 'accept' } });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403))
      throw data({ code: error.code }, { status: error.status });
    throw error;
  }
  return redirectWithCookies(`${eventsPath(params.id)}?done=${intent === 'accept' ? 'accepted' : 'declined'}`);
}

const doneMessages: Record<string, MessageKey> = { accepted: 'events.done.accepted', declined: 'events.done.declined' };

type Row = Awaited<ReturnType<typeof loader>>['upcoming'][number];

export default function OrganiserEvents() {
  const { t } = useI18n();
  const { organisation, invitations, upcoming, past, feedUrl } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const done = doneMessages[search.get('done') ?? ''];
  return (
    <div className="organiser-events">
      <PageTitle title={`${t('events.list.title')}: ${organisation.name}`} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{t('events.list.title')}</h1>
      <p className="lead">{t('events.list.intro', { name: organisation.name })}</p>
      {done ? (
        <div className="notice">
          <p>{t(done)}</p>
        </div>
      ) : null}
      <p>
        <Link to={`${eventsPath(organisation.id)}/new`} className="button">
          {t('events.list.new')}
        </Link>
      </p>

      {invitations.length ? (
        <section className="section" aria-labelledby="events-invitations">
          <h2 id="events-invitations">{t('events.list.invitations')}</h2>
          <p>{t('events.list.invitationsIntro')}</p>
          <ul className="event-list">
            {invitations.map((row) => (
              <EventRow key={row.event.id} row={row} organisationId={organisation.id} isInvitation />
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="events-upcoming">
        <h2 id="events-upcoming">{t('events.list.upcoming')}</h2>
        {upcoming.length ? (
          <ul className="event-list">
            {upcoming.map((row) => (
              <EventRow key={row.event.id} row={row} organisationId={organisation.id} />
            ))}
          </ul>
        ) : (
          <p>{t('events.list.noUpcoming')}</p>
        )}
      </section>

      {past.length ? (
        <section className="section" aria-labelledby="events-past">
          <h2 id="events-past">{t('events.list.past')}</h2>
          <ul className="event-list">
            {past.map((row) => (
              <EventRow key={row.event.id} row={row} organisationId={organisation.id} />
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="events-feed">
        <h2 id="events-feed">{t('events.list.feedTitle')}</h2>
        <p>{t('events.list.feedText')}</p>
        <p className="event-feed">
          <a href={feedUrl}>{feedUrl}</a>
        </p>
        <p className="field__hint">{t('events.list.feedHint')}</p>
      </section>
    </div>
  );
}

function EventRow({ row, organisationId, isInvitation = false }: { row: Row; organisationId: string; isInvitation?: boolean }) {
  const { t, language } = useI18n();
  const { event, next } = row;
  const title = pickText(event.title, language);
  const isOwn = event.organisation.id === organisationId;
  return (
    <li className={`event-list__item event-list__item--${event.status}`}>
      <h3 className="event-list__title" lang={title?.language}>
        <Link to={eventPath(organisationId, event.id)}>{title?.text ?? '–'}</Link>
      </h3>
      <p className="event-list__meta">
        <strong className={`event-status event-status--${event.status}`}>{t(statusKeys[event.status])}</strong>
        {event.recurrence ? (
          <span className="event-list__tag">{t('events.list.recurring', { n: event.occurrences.length })}</span>
        ) : null}
        {!isOwn ? (
          <span className="event-list__tag">{t('events.list.coOrganised', { name: event.organisation.name })}</span>
        ) : null}
      </p>
      {next ? <p className="event-list__when">{whenText(next.startsAt, next.endsAt, event.isAllDay, language)}</p> : null}
      <p className="event-list__place">
        {event.placeName}, {event.village.name} ·{' '}
        {event.priceCents === null ? t('events.price.free') : formatEuros(event.priceCents, language)}
      </p>
      {isInvitation ? (
        <Form method="post" className="actions">
          <input type="hidden" name="eventId" value={event.id} />
          <button type="submit" name="intent" value="accept" className="button button--small">
            {t('events.invitation.accept')}
            <span className="visually-hidden">: {title?.text}</span>
          </button>
          <button type="submit" name="intent" value="decline" className="button button--secondary button--small">
            {t('events.invitation.decline')}
            <span className="visually-hidden">: {title?.text}</span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}
