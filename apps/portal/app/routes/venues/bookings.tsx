import { data, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/bookings';
import bookingStyles from '../../components/bookings/bookings.css?url';
import { MyBookingCard, MySeries, OpenOffers } from '../../components/bookings/my-bookings';
import { ConfirmedBookings, WaitingRequests } from '../../components/bookings/owner-bookings';
import { PageTitle } from '../../components/page-title';
import {
  acceptOfferRoute,
  approveBookingRoute,
  approveSeriesRoute,
  cancelBookingRoute,
  cancelSeriesRoute,
  denyBookingRoute,
  denySeriesRoute,
  getVenueRoute,
  leaveWaitlistRoute,
  myBookingsRoute,
  myWaitlistRoute,
  ownerBookingsRoute,
  paymentRoute,
  residentCancellationRoute,
} from '@talkoot/venues/schemas';
import { apiErrorMessage, isApiReason } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import type { BookingDetails } from '../../lib/api-types';
import { readFormValues } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import type { Notice } from '../../lib/notices';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

const doneNotices = {
  requested: 'venues.notice.requested',
  cancelled: 'venues.notice.cancelled',
  approved: 'venues.notice.approved',
  denied: 'venues.notice.denied',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof doneNotices;

// Confirmed bookings that ended longer ago than this are left out of the owners' payment list.
const PAST_DAYS_SHOWN = 30;

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const deciding = viewer.memberships.filter((m) => m.role === 'admin' || m.role === 'coordinator');
  const organisationBookings = (organisationId: string, status: 'requested' | 'approved') =>
    loadFromApi(state, ownerBookingsRoute, { params: { id: organisationId }, query: { status } });
  const [{ bookings }, { entries }, ...owned] = await Promise.all([
    loadFromApi(state, myBookingsRoute),
    loadFromApi(state, myWaitlistRoute),
    ...deciding.flatMap((m) => [
      organisationBookings(m.organisation.id, 'requested'),
      organisationBookings(m.organisation.id, 'approved'),
    ]),
  ]);
  const now = Date.now();
  const byStart = (a: BookingDetails, b: BookingDetails) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  // The payee of a transfer is the venue's owner: looked up only for venues with something to pay.
  const payable = new Set(
    bookings
      .filter((booking) => booking.status === 'approved' && !booking.paidAt && booking.priceCents + booking.depositCents > 0)
      .map((booking) => booking.venue.id),
  );
  const owners = await Promise.all(
    [...payable].map(async (venueId) => {
      const { venue } = await loadFromApi(state, getVenueRoute, { params: { id: venueId } });
      return [venueId, venue.organisation.name] as const;
    }),
  );
  const done = new URL(request.url).searchParams.get('done');
  return {
    now,
    bookings: bookings.toSorted(byStart),
    offers: entries.filter((entry) => entry.status === 'offered' && entry.offer),
    isQueueing: entries.some((entry) => entry.status === 'waiting'),
    recipients: Object.fromEntries(owners),
    owned: deciding.map((m, index) => ({
      organisation: m.organisation,
      requests: (owned[index * 2]?.bookings ?? []).toSorted(byStart),
      confirmed: (owned[index * 2 + 1]?.bookings ?? [])
        .filter((booking) => Date.parse(booking.endsAt) > now - PAST_DAYS_SHOWN * 86_400_000)
        .toSorted(byStart),
    })),
    done: done && Object.hasOwn(doneNotices, done) ? (done as Done) : null,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const values = readFormValues(await request.formData());
  const organisationId = values.organisationId ?? '';
  const bookingId = values.bookingId ?? '';
  const seriesId = values.seriesId ?? '';
  const withNotice = (notice: Notice) => redirectWithCookies('/bookings', [serializeNoticeCookie(notice)]);
  const reason = values.reason?.trim().slice(0, 1000);
  try {
    switch (values.intent) {
      case 'cancel':
        await callApi(state, cancelBookingRoute, { params: { id: bookingId } });
        return redirectWithCookies('/bookings?done=cancelled');
      case 'approve':
        await callApi(state, approveBookingRoute, { params: { id: organisationId, bookingId } });
        return redirectWithCookies('/bookings?done=approved');
      case 'deny':
        await callApi(state, denyBookingRoute, { params: { id: organisationId, bookingId }, body: reason ? { reason } : {} });
        return redirectWithCookies('/bookings?done=denied');
      case 'cancelSeries':
        await callApi(state, cancelSeriesRoute, { params: { id: seriesId } });
        return withNotice('series_cancelled');
      case 'approveSeries':
        await callApi(state, approveSeriesRoute, { params: { id: organisationId, seriesId } });
        return withNotice('series_approved');
      case 'denySeries':
        await callApi(state, denySeriesRoute, { params: { id: organisationId, seriesId }, body: reason ? { reason } : {} });
        return withNotice('series_denied');
      case 'markPaid':
      case 'markUnpaid':
        await callApi(state, paymentRoute, {
          params: { id: organisationId, bookingId },
          body: { paid: values.intent === 'markPaid' },
        });
        return withNotice(values.intent === 'markPaid' ? 'booking_paid' : 'booking_unpaid');
      case 'cancelForResident':
        await callApi(state, residentCancellationRoute, { params: { id: organisationId, bookingId } });
        return withNotice('booking_cancelled_for_resident');
      case 'accept':
        await callApi(state, acceptOfferRoute, { params: { id: bookingId } });
        return withNotice('offer_accepted');
      case 'decline':
        await callApi(state, leaveWaitlistRoute, { params: { id: values.entryId ?? '' } });
        return withNotice('offer_declined');
      default:
        return data({ failed: true, message: 'venues.bookings.actionFailed' as MessageKey }, { status: 400 });
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status >= 500) throw error;
    // The rule that refused, where the api names one; otherwise "it may have changed already".
    const message: MessageKey = isApiReason(error.reason) ? apiErrorMessage(error) : 'venues.bookings.actionFailed';
    return data({ failed: true, message }, { status: error.status });
  }
}

export default function Bookings() {
  const { t } = useI18n();
  const { now, bookings, offers, isQueueing, recipients, owned, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const seriesOf = new Map<string, BookingDetails[]>();
  for (const booking of bookings)
    if (booking.seriesId) seriesOf.set(booking.seriesId, [...(seriesOf.get(booking.seriesId) ?? []), booking]);
  const shownSeries = new Set<string>();
  const recipientOf = (venueId: string) => recipients[venueId] ?? null;
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
          <p>{t(failure.message)}</p>
        </div>
      ) : null}

      <OpenOffers offers={offers} action="/bookings" />

      <section className="section" aria-labelledby="mine-title">
        <h2 id="mine-title">{t('venues.bookings.mine')}</h2>
        {bookings.length === 0 ? (
          <p>
            {t('venues.bookings.mineEmpty')} <Link to="/venues">{t('venues.bookings.findVenue')}</Link>
          </p>
        ) : (
          <ul className="card-list">
            {bookings.map((booking) => {
              if (!booking.seriesId)
                return <MyBookingCard key={booking.id} booking={booking} recipient={recipientOf(booking.venue.id)} />;
              // A series is listed once, where its first date falls.
              if (shownSeries.has(booking.seriesId)) return null;
              shownSeries.add(booking.seriesId);
              return (
                <MySeries
                  key={booking.seriesId}
                  seriesId={booking.seriesId}
                  bookings={seriesOf.get(booking.seriesId)!}
                  recipientOf={recipientOf}
                  now={now}
                />
              );
            })}
          </ul>
        )}
        {isQueueing ? (
          <p>
            <Link to="/waitlist">{t('waitlist.linkFromBookings')}</Link>
          </p>
        ) : null}
      </section>

      {owned.map(({ organisation, requests, confirmed }) => (
        <div key={organisation.id}>
          <WaitingRequests organisation={organisation} requests={requests} />
          <ConfirmedBookings organisation={organisation} bookings={confirmed} />
        </div>
      ))}
    </>
  );
}
