import { Form, Link } from 'react-router';
import { formatEuros } from '@talkoot/platform/money';
import { formatDay } from '@talkoot/platform/time';
import type { BookingDetails } from '../../lib/api-types';
import { useI18n } from '../../lib/root-data';
import { BookingFacts, Hidden } from './booking-facts';
import { bookerOf, bookingStateKeys, whenText } from './booking-format';
import { amountDue } from './payment-box';

type Organisation = { id: string; name: string };

export function sheetPath(organisationId: string, bookingId: string): string {
  return `/organisations/${organisationId}/bookings/${bookingId}/sheet`;
}

function DenyFields({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={`reason-${id}`}>{t('venues.bookings.denyReason')}</label>
      <p className="field__hint" id={`reason-${id}-hint`}>
        {t('venues.bookings.denyReasonHint')}
      </p>
      <textarea id={`reason-${id}`} name="reason" rows={3} maxLength={1000} aria-describedby={`reason-${id}-hint`} />
    </div>
  );
}

// Requests waiting for the organisation's answer; the dates of a series are answered together.
export function WaitingRequests({ organisation, requests }: { organisation: Organisation; requests: BookingDetails[] }) {
  const { t, language } = useI18n();
  const single = requests.filter((booking) => !booking.seriesId);
  const series = new Map<string, BookingDetails[]>();
  for (const booking of requests)
    if (booking.seriesId) series.set(booking.seriesId, [...(series.get(booking.seriesId) ?? []), booking]);
  return (
    <section className="section" aria-labelledby={`waiting-${organisation.id}`}>
      <h2 id={`waiting-${organisation.id}`}>{t('venues.bookings.waiting', { name: organisation.name })}</h2>
      {requests.length === 0 ? <p>{t('venues.bookings.waitingEmpty')}</p> : null}
      {series.size > 0 ? (
        <ul className="card-list card-list--wide">
          {[...series].map(([seriesId, dates]) => {
            const first = dates[0]!;
            return (
              <li key={seriesId} className="card series-request" data-series-id={seriesId}>
                <h3>
                  {first.title} <span className="tag">{t('series.label')}</span>
                </h3>
                <BookingFacts booking={first} showRequester showMoney={false} />
                <p>{t('series.waitingDates', { count: dates.length })}</p>
                <ul className="series-dates">
                  {dates.map((booking) => (
                    <li key={booking.id}>
                      {whenText(booking.startsAt, booking.endsAt, language)}
                      {booking.priceCents > 0 ? ` – ${formatEuros(booking.priceCents, language, 'brief')}` : ''}
                    </li>
                  ))}
                </ul>
                <div className="booking__decisions">
                  <Form method="post" className="inline-form">
                    <Hidden fields={{ intent: 'approveSeries', organisationId: organisation.id, seriesId }} />
                    <button type="submit" className="button button--small">
                      {t('series.approveAll', { count: dates.length })}
                      <span className="visually-hidden">: {first.title}</span>
                    </button>
                  </Form>
                  <Form method="post" className="stack booking__deny">
                    <Hidden fields={{ intent: 'denySeries', organisationId: organisation.id, seriesId }} />
                    <DenyFields id={`series-${seriesId}`} />
                    <button type="submit" className="button button--danger button--small">
                      {t('series.denyAll', { count: dates.length })}
                      <span className="visually-hidden">: {first.title}</span>
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {single.length > 0 ? (
        <ul className="card-list">
          {single.map((booking) => (
            <li key={booking.id} className="card booking" data-booking-id={booking.id}>
              <h3>{booking.title}</h3>
              <BookingFacts booking={booking} showRequester />
              <div className="booking__decisions">
                <Form method="post" className="inline-form">
                  <Hidden fields={{ intent: 'approve', organisationId: organisation.id, bookingId: booking.id }} />
                  <button type="submit" className="button button--small">
                    {t('venues.bookings.approve')}
                    <span className="visually-hidden">: {booking.title}</span>
                  </button>
                </Form>
                <Form method="post" className="stack booking__deny">
                  <Hidden fields={{ intent: 'deny', organisationId: organisation.id, bookingId: booking.id }} />
                  <DenyFields id={booking.id} />
                  <button type="submit" className="button button--danger button--small">
                    {t('venues.bookings.deny')}
                    <span className="visually-hidden">: {booking.title}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

// Confirmed bookings ahead: mark the bank transfer arrived, open the printable sheet.
export function ConfirmedBookings({ organisation, bookings }: { organisation: Organisation; bookings: BookingDetails[] }) {
  const { t, language } = useI18n();
  return (
    <section className="section" aria-labelledby={`confirmed-${organisation.id}`}>
      <h2 id={`confirmed-${organisation.id}`}>{t('bookings.owner.confirmed', { name: organisation.name })}</h2>
      <p>
        <Link className="button button--secondary" to={`/organisations/${organisation.id}/assisted-bookings/new`}>
          {t('assisted.link')}
        </Link>
      </p>
      {bookings.length === 0 ? <p>{t('bookings.owner.confirmedEmpty')}</p> : null}
      <ul className="owner-list">
        {bookings.map((booking) => {
          const due = amountDue(booking);
          const who = bookerOf(booking)?.name ?? '';
          return (
            <li key={booking.id} className="owner-booking" data-booking-id={booking.id}>
              <h3 className="owner-booking__title">{booking.title}</h3>
              <p className="owner-booking__facts">
                {whenText(booking.startsAt, booking.endsAt, language)} · {booking.venue.name}, {booking.space.name}
                {who ? ` · ${who}` : ''}
                {booking.status !== 'approved' ? ` · ${t(bookingStateKeys[booking.status])}` : ''}
              </p>
              <p className="owner-booking__facts">
                {due > 0 ? (
                  <>
                    {t('bookings.owner.due', { amount: formatEuros(due, language, 'brief') })}{' '}
                    <strong>
                      {booking.paidAt ? (
                        <>{t('bookings.pay.paid', { date: formatDay(Date.parse(booking.paidAt), language) })}</>
                      ) : (
                        t('bookings.owner.notPaid')
                      )}
                    </strong>
                  </>
                ) : (
                  t('bookings.owner.nothingDue')
                )}
              </p>
              <div className="actions">
                {due > 0 ? (
                  <Form method="post" className="inline-form">
                    <Hidden
                      fields={{
                        intent: booking.paidAt ? 'markUnpaid' : 'markPaid',
                        organisationId: organisation.id,
                        bookingId: booking.id,
                      }}
                    />
                    <button
                      type="submit"
                      className={booking.paidAt ? 'button button--quiet button--small' : 'button button--small'}
                    >
                      {t(booking.paidAt ? 'bookings.owner.markUnpaid' : 'bookings.owner.markPaid')}
                      <span className="visually-hidden">: {booking.title}</span>
                    </button>
                  </Form>
                ) : null}
                {booking.guest && booking.status === 'approved' ? (
                  <Form method="post" className="inline-form">
                    <Hidden fields={{ intent: 'cancelForResident', organisationId: organisation.id, bookingId: booking.id }} />
                    <button type="submit" className="button button--danger button--small">
                      {t('bookings.owner.cancelForResident')}
                      <span className="visually-hidden">: {booking.title}</span>
                    </button>
                  </Form>
                ) : null}
                <Link className="owner-booking__sheet" to={sheetPath(organisation.id, booking.id)}>
                  {t('bookings.owner.sheet')}
                  <span className="visually-hidden">: {booking.title}</span>
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
