import { Form } from 'react-router';
import type { BookingDetails, WaitlistEntry } from '../../lib/api-types';
import { useI18n } from '../../lib/root-data';
import { BookingFacts, Hidden } from './booking-facts';
import { momentText, whenText } from './booking-format';
import { HowToPay, KeyInstructions } from './payment-box';

const isCancellable = (booking: BookingDetails) => booking.status === 'requested' || booking.status === 'approved';

// Waiting-list offers: a freed time held for me until the deadline.
export function OpenOffers({ offers, action }: { offers: WaitlistEntry[]; action: string }) {
  const { t, language } = useI18n();
  if (offers.length === 0) return null;
  return (
    <section className="section offers" aria-labelledby="offers-title">
      <h2 id="offers-title">{t('waitlist.offers.title')}</h2>
      <ul className="card-list card-list--wide">
        {offers.map((entry) => (
          <li key={entry.id} className="card offer" data-entry-id={entry.id}>
            <h3>{entry.title}</h3>
            <p>
              {t('waitlist.offers.text', {
                place: `${entry.venue.name}, ${entry.space.name}`,
                when: whenText(entry.startsAt, entry.endsAt, language),
              })}
            </p>
            {entry.offer?.expiresAt ? (
              <p className="offer__deadline">
                <strong>{t('waitlist.offers.deadline', { until: momentText(entry.offer.expiresAt, language) })}</strong>
              </p>
            ) : null}
            <div className="actions">
              {entry.offer ? (
                <Form method="post" action={action} className="inline-form">
                  <Hidden fields={{ intent: 'accept', bookingId: entry.offer.bookingId }} />
                  <button type="submit" className="button">
                    {t('waitlist.offers.accept')}
                    <span className="visually-hidden">: {entry.title}</span>
                  </button>
                </Form>
              ) : null}
              <Form method="post" action={action} className="inline-form">
                <Hidden fields={{ intent: 'decline', entryId: entry.id }} />
                <button type="submit" className="button button--secondary">
                  {t('waitlist.offers.decline')}
                  <span className="visually-hidden">: {entry.title}</span>
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MyBookingCard({
  booking,
  recipient,
  headingLevel = 3,
}: {
  booking: BookingDetails;
  recipient: string | null;
  headingLevel?: 3 | 4;
}) {
  const { t } = useI18n();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <li className="card booking" data-booking-id={booking.id}>
      <Heading>
        {booking.title}
        {booking.seriesId && headingLevel === 3 ? <span className="tag">{t('series.partOf')}</span> : null}
      </Heading>
      <BookingFacts booking={booking} />
      <HowToPay booking={booking} recipient={recipient} headingLevel={headingLevel === 3 ? 4 : 4} />
      <KeyInstructions booking={booking} />
      {isCancellable(booking) ? (
        <Form method="post" className="inline-form">
          <Hidden fields={{ intent: 'cancel', bookingId: booking.id }} />
          <button type="submit" className="button button--secondary button--small">
            {t('venues.bookings.cancel')}
            <span className="visually-hidden">: {booking.title}</span>
          </button>
        </Form>
      ) : null}
    </li>
  );
}

// The dates of one recurring booking together, with one button for every date still ahead.
export function MySeries({
  seriesId,
  bookings,
  recipientOf,
  now,
}: {
  seriesId: string;
  bookings: BookingDetails[];
  recipientOf: (venueId: string) => string | null;
  now: number;
}) {
  const { t } = useI18n();
  const first = bookings[0]!;
  const remaining = bookings.filter((booking) => isCancellable(booking) && Date.parse(booking.startsAt) > now);
  return (
    <li className="card booking-series" data-series-id={seriesId}>
      <h3>
        {first.title} <span className="tag">{t('series.label')}</span>
      </h3>
      <p>{t('series.datesCount', { count: bookings.length, remaining: remaining.length })}</p>
      {remaining.length > 0 ? (
        <Form method="post" className="inline-form">
          <Hidden fields={{ intent: 'cancelSeries', seriesId }} />
          <button type="submit" className="button button--secondary button--small">
            {t('series.cancelRemaining')}
            <span className="visually-hidden">: {first.title}</span>
          </button>
        </Form>
      ) : null}
      <ul className="card-list card-list--nested">
        {bookings.map((booking) => (
          <MyBookingCard key={booking.id} booking={booking} recipient={recipientOf(booking.venue.id)} headingLevel={4} />
        ))}
      </ul>
    </li>
  );
}
