import { Link, useLoaderData } from 'react-router';
import { formatEuros, formatIban, formatReference } from '@talkoot/platform/money';
import type { Route } from './+types/booking-sheet';
import { bookerOf, bookingStateKeys, whenText } from '../../components/bookings/booking-format';
import { amountDue } from '../../components/bookings/payment-box';
import { PrintButton } from '../../components/bookings/print-button';
import sheetStyles from '../../components/bookings/sheet.css?url';
import { PageTitle } from '../../components/page-title';
import { getVenueRoute, ownerBookingRoute } from '@talkoot/venues/schemas';
import { loadFromApi } from '../../lib/api.server';
import { useI18n } from '../../lib/root-data';
import { getRequestState, requireViewer } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: sheetStyles }];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const { booking } = await loadFromApi(state, ownerBookingRoute, { params: { id: params.id, bookingId: params.bookingId } });
  const { venue } = await loadFromApi(state, getVenueRoute, { params: { id: booking.venue.id } });
  return {
    booking,
    owner: {
      name: venue.organisation.name,
      contactName: venue.contactName,
      contactPhone: venue.contactPhone,
      contactEmail: venue.contactEmail,
    },
  };
}

// A confirmation to print and hand to a resident: large print, black on white, no navigation.
export default function BookingSheet() {
  const { t, language } = useI18n();
  const { booking, owner } = useLoaderData<typeof loader>();
  const due = amountDue(booking);
  const who = bookerOf(booking);
  const contact = [owner.contactName, owner.contactPhone, owner.contactEmail].filter(Boolean).join(', ');
  return (
    <article className="sheet">
      <PageTitle title={`${t('assisted.sheet.title')}: ${booking.title}`} />
      <p className="breadcrumb sheet__nav">
        <Link to="/bookings">{t('venues.bookings.title')}</Link>
      </p>
      <h1>{t('assisted.sheet.title')}</h1>
      <p className="sheet__lead">{booking.title}</p>
      <dl className="sheet__facts">
        <dt>{t('assisted.sheet.place')}</dt>
        <dd>
          {booking.venue.name}, {booking.space.name}
          <br />
          {booking.venue.address}
        </dd>
        <dt>{t('venues.bookings.when')}</dt>
        <dd>{whenText(booking.startsAt, booking.endsAt, language)}</dd>
        <dt>{t('venues.bookings.status')}</dt>
        <dd>{t(bookingStateKeys[booking.status])}</dd>
        {who ? (
          <>
            <dt>{t('assisted.sheet.bookedBy')}</dt>
            <dd>
              {who.name}
              {who.phone ? (
                <>
                  <br />
                  {who.phone}
                </>
              ) : null}
              {who.email ? (
                <>
                  <br />
                  {who.email}
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t('bookings.price')}</dt>
        <dd>{booking.priceCents > 0 ? formatEuros(booking.priceCents, language, 'brief') : t('venues.price.free')}</dd>
        <dt>{t('bookings.deposit')}</dt>
        <dd>{booking.depositCents > 0 ? formatEuros(booking.depositCents, language, 'brief') : t('venues.rules.noDeposit')}</dd>
      </dl>

      {due > 0 ? (
        <section className="sheet__box" aria-labelledby="sheet-pay">
          <h2 id="sheet-pay">{t('bookings.pay.title')}</h2>
          {booking.paidAt ? (
            <p>
              <span aria-hidden="true">✓ </span>
              {t('assisted.sheet.paid')}
            </p>
          ) : booking.venue.paymentIban ? (
            <dl className="sheet__facts">
              <dt>{t('bookings.pay.iban')}</dt>
              <dd className="sheet__code">{formatIban(booking.venue.paymentIban)}</dd>
              <dt>{t('bookings.pay.recipient')}</dt>
              <dd>{owner.name}</dd>
              <dt>{t('bookings.pay.amount')}</dt>
              <dd className="sheet__code">{formatEuros(due, language, 'brief')}</dd>
              {booking.referenceNumber ? (
                <>
                  <dt>{t('bookings.pay.reference')}</dt>
                  <dd className="sheet__code">{formatReference(booking.referenceNumber)}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>{t('bookings.pay.noAccount', { amount: formatEuros(due, language, 'brief') })}</p>
          )}
        </section>
      ) : null}

      {booking.status === 'approved' && booking.keyInstructions ? (
        <section className="sheet__box" aria-labelledby="sheet-key">
          <h2 id="sheet-key">{t('bookings.key.title')}</h2>
          <p className="sheet__pre">{booking.keyInstructions}</p>
        </section>
      ) : null}

      <section className="sheet__box" aria-labelledby="sheet-cancel">
        <h2 id="sheet-cancel">{t('assisted.sheet.cancelTitle')}</h2>
        <p>{t('assisted.sheet.cancelText', { owner: owner.name })}</p>
        {contact ? <p className="sheet__code">{contact}</p> : null}
      </section>

      <PrintButton />
    </article>
  );
}
