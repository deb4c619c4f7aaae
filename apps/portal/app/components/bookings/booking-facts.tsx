import { Link } from 'react-router';
import type { BookingDetails } from '../../lib/api-types';
import { useI18n } from '../../lib/root-data';
import { bookerOf, bookingStateKeys, whenText } from './booking-format';
import { PriceFacts } from './payment-box';

// The facts of one booking as a definition list; owners also see who asked.
export function BookingFacts({
  booking,
  showRequester = false,
  showMoney = true,
}: {
  booking: BookingDetails;
  showRequester?: boolean;
  showMoney?: boolean;
}) {
  const { t, language } = useI18n();
  const booker = showRequester ? bookerOf(booking) : null;
  return (
    <dl className="details">
      <dt>{t('venues.bookings.when')}</dt>
      <dd>{whenText(booking.startsAt, booking.endsAt, language)}</dd>
      <dt>{t('venues.bookings.place')}</dt>
      <dd>
        <Link to={`/venues/${booking.venue.id}?space=${booking.space.id}`}>
          {booking.venue.name}, {booking.space.name}
        </Link>
      </dd>
      <dt>{t('venues.bookings.status')}</dt>
      <dd className={`booking__status booking__status--${booking.status}`}>{t(bookingStateKeys[booking.status])}</dd>
      {booking.organisation ? (
        <>
          <dt>{t('venues.bookings.forOrganisation')}</dt>
          <dd>{booking.organisation.name}</dd>
        </>
      ) : null}
      {booker?.isGuest ? (
        <>
          <dt>{t('bookings.guest')}</dt>
          <dd>
            {booker.name}, {booker.phone}
            {booker.email ? `, ${booker.email}` : ''}
          </dd>
        </>
      ) : booker ? (
        <>
          <dt>{t('venues.bookings.requester')}</dt>
          <dd>
            {booker.name} ({booker.email})
          </dd>
        </>
      ) : null}
      {showMoney ? <PriceFacts booking={booking} /> : null}
      {booking.decisionReason ? (
        <>
          <dt>{t('venues.bookings.reasonGiven')}</dt>
          <dd>{booking.decisionReason}</dd>
        </>
      ) : null}
    </dl>
  );
}

// Hidden fields that name what a button acts on.
export function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
