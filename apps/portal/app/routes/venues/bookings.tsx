import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/bookings';
import { PageTitle } from '../../components/page-title';
import { formatDay, formatTime } from '../../components/venues/helsinki-time';
import { bookingStatusKeys } from '../../components/venues/venue-labels';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import type { BookingListItem } from '../../lib/api-types';
import { readFormValues } from '../../lib/forms';
import type { Language, MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer } from '../../lib/session.server';

const doneNotices = {
  requested: 'venues.notice.requested',
  cancelled: 'venues.notice.cancelled',
  approved: 'venues.notice.approved',
  denied: 'venues.notice.denied',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof doneNotices;

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const deciding = viewer.memberships.filter((m) => m.role === 'admin' || m.role === 'coordinator');
  const [{ bookings }, ...waiting] = await Promise.all([
    loadFromApi<{ bookings: BookingListItem[] }>(state, '/api/me/bookings'),
    ...deciding.map((m) =>
      loadFromApi<{ bookings: BookingListItem[] }>(state, `/api/organisations/${encodeURIComponent(m.organisation.id)}/bookings?status=requested`),
    ),
  ]);
  const done = new URL(request.url).searchParams.get('done');
  return {
    bookings,
    waiting: deciding.map((m, index) => ({ organisation: m.organisation, bookings: waiting[index]?.bookings ?? [] })),
    done: done && Object.hasOwn(doneNotices, done) ? (done as Done) : null,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const values = readFormValues(await request.formData());
  const bookingId = encodeURIComponent(values.bookingId ?? '');
  const organisationBase = `/api/organisations/${encodeURIComponent(values.organisationId ?? '')}/bookings/${bookingId}`;
  try {
    switch (values.intent) {
      case 'cancel':
        await callApi(state, `/api/bookings/${bookingId}/cancellation`, { method: 'POST', body: {} });
        return redirectWithCookies('/bookings?done=cancelled');
      case 'approve':
        await callApi(state, `${organisationBase}/approval`, { method: 'POST', body: {} });
        return redirectWithCookies('/bookings?done=approved');
      case 'deny': {
        const reason = values.reason?.trim();
        await callApi(state, `${organisationBase}/denial`, { method: 'POST', body: reason ? { reason: reason.slice(0, 1000) } : {} });
        return redirectWithCookies('/bookings?done=denied');
      }
      default:
        return data({ failed: true, bookingId: values.bookingId ?? null }, { status: 400 });
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status >= 500) throw error;
    return data({ failed: true, bookingId: values.bookingId ?? null }, { status: error.status });
  }
}

function when(booking: BookingListItem, language: Language): string {
  const start = Date.parse(booking.startsAt);
  const end = Date.parse(booking.endsAt);
  const sameDay = formatDay(start, language) === formatDay(end, language);
  return sameDay
    ? `${formatDay(start, language)} ${formatTime(start, language)}–${formatTime(end, language)}`
    : `${formatDay(start, language)} ${formatTime(start, language)} – ${formatDay(end, language)} ${formatTime(end, language)}`;
}

export default function Bookings() {
  const { t, language } = useI18n();
  const { bookings, waiting, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const sorted = bookings.toSorted((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <>
      <PageTitle title={t('venues.bookings.title')} hasErrors={!!failure} />
      <h1>{t('venues.bookings.title')}</h1>
      <div aria-live="polite" aria-atomic="true">
        {done ? (
          <div className="notice">
            <p>{t(doneNotices[done])}</p>
          </div>
        ) : null}
      </div>
      {failure ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t('venues.bookings.actionFailed')}</p>
        </div>
      ) : null}

      <section className="section" aria-labelledby="mine-title">
        <h2 id="mine-title">{t('venues.bookings.mine')}</h2>
        {sorted.length === 0 ? (
          <p>
            {t('venues.bookings.mineEmpty')} <Link to="/venues">{t('venues.bookings.findVenue')}</Link>
          </p>
        ) : (
          <ul className="card-list">
            {sorted.map((booking) => (
              <li key={booking.id} className="card booking" data-booking-id={booking.id}>
                <h3>{booking.title}</h3>
                <BookingFacts booking={booking} language={language} />
                {booking.status === 'requested' || booking.status === 'approved' ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="cancel" />
                    <input type="hidden" name="bookingId" value={booking.id} />
                    <button type="submit" className="button button--secondary button--small">
                      {t('venues.bookings.cancel')}
                      <span className="visually-hidden">: {booking.title}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {waiting.map(({ organisation, bookings: requests }) => (
        <section key={organisation.id} className="section" aria-labelledby={`waiting-${organisation.id}`}>
          <h2 id={`waiting-${organisation.id}`}>{t('venues.bookings.waiting', { name: organisation.name })}</h2>
          {requests.length === 0 ? <p>{t('venues.bookings.waitingEmpty')}</p> : null}
          <ul className="card-list">
            {requests.map((booking) => (
              <li key={booking.id} className="card booking" data-booking-id={booking.id}>
                <h3>{booking.title}</h3>
                <BookingFacts booking={booking} language={language} showRequester />
                <div className="booking__decisions">
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="organisationId" value={organisation.id} />
                    <input type="hidden" name="bookingId" value={booking.id} />
                    <button type="submit" className="button button--small">
                      {t('venues.bookings.approve')}
                      <span className="visually-hidden">: {booking.title}</span>
                    </button>
                  </Form>
                  <Form method="post" className="stack booking__deny">
                    <input type="hidden" name="intent" value="deny" />
                    <input type="hidden" name="organisationId" value={organisation.id} />
                    <input type="hidden" name="bookingId" value={booking.id} />
                    <div className="field">
                      <label htmlFor={`reason-${booking.id}`}>{t('venues.bookings.denyReason')}</label>
                      <p className="field__hint" id={`reason-${booking.id}-hint`}>
                        {t('venues.bookings.denyReasonHint')}
                      </p>
                      <textarea id={`reason-${booking.id}`} name="reason" rows={3} maxLength={1000} aria-describedby={`reason-${booking.id}-hint`} />
                    </div>
                    <button type="submit" className="button button--danger button--small">
                      {t('venues.bookings.deny')}
                      <span className="visually-hidden">: {booking.title}</span>
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function BookingFacts({ booking, language, showRequester = false }: { booking: BookingListItem; language: Language; showRequester?: boolean }) {
  const { t } = useI18n();
  return (
    <dl className="details">
      <dt>{t('venues.bookings.when')}</dt>
      <dd>{when(booking, language)}</dd>
      <dt>{t('venues.bookings.place')}</dt>
      <dd>
        <Link to={`/venues/${booking.venue.id}?space=${booking.space.id}`}>
          {booking.venue.name}, {booking.space.name}
        </Link>
      </dd>
      <dt>{t('venues.bookings.status')}</dt>
      <dd className={`booking__status booking__status--${booking.status}`}>{t(bookingStatusKeys[booking.status])}</dd>
      {booking.organisation ? (
        <>
          <dt>{t('venues.bookings.forOrganisation')}</dt>
          <dd>{booking.organisation.name}</dd>
        </>
      ) : null}
      {showRequester && booking.requester ? (
        <>
          <dt>{t('venues.bookings.requester')}</dt>
          <dd>
            {booking.requester.name} ({booking.requester.email})
          </dd>
        </>
      ) : null}
      {booking.decisionReason ? (
        <>
          <dt>{t('venues.bookings.reasonGiven')}</dt>
          <dd>{booking.decisionReason}</dd>
        </>
      ) : null}
    </dl>
  );
}
