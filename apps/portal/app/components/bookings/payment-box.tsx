import { formatEuros, formatIban, formatReference } from '@talkoot/platform/money';
import { formatDay } from '@talkoot/platform/time';
import type { BookingDetails } from '../../lib/api-types';
import { useI18n } from '../../lib/root-data';

type Payable = Pick<BookingDetails, 'id' | 'status' | 'priceCents' | 'depositCents' | 'referenceNumber' | 'paidAt' | 'venue'>;

export function amountDue(booking: Pick<BookingDetails, 'priceCents' | 'depositCents'>): number {
  return booking.priceCents + booking.depositCents;
}

// Price and deposit as two lines of a <dl>; a free booking says so.
export function PriceFacts({
  booking,
}: {
  booking: Pick<BookingDetails, 'priceCents' | 'depositCents' | 'cancellationFeeCents' | 'isFreeEvent' | 'status'>;
}) {
  const { t, language } = useI18n();
  return (
    <>
      <dt>{t('bookings.price')}</dt>
      <dd>
        {booking.priceCents > 0 ? formatEuros(booking.priceCents, language, 'brief') : t('venues.price.free')}
        {booking.isFreeEvent ? ` (${t('bookings.freeEvent')})` : null}
      </dd>
      <dt>{t('bookings.deposit')}</dt>
      <dd>{booking.depositCents > 0 ? formatEuros(booking.depositCents, language, 'brief') : t('venues.rules.noDeposit')}</dd>
      {booking.cancellationFeeCents > 0 ? (
        <>
          <dt>{t('bookings.cancellationFee')}</dt>
          <dd>{formatEuros(booking.cancellationFeeCents, language, 'brief')}</dd>
        </>
      ) : null}
    </>
  );
}

// The bank transfer in full: account, recipient, amount and reference, large enough to copy from.
export function HowToPay({
  booking,
  recipient,
  headingLevel = 4,
}: {
  booking: Payable;
  recipient: string | null;
  headingLevel?: 3 | 4;
}) {
  const { t, language } = useI18n();
  const due = amountDue(booking);
  if (due === 0 || booking.status !== 'approved') return null;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const headingId = `pay-${booking.id}`;
  if (booking.paidAt) {
    return (
      <div className="pay-box pay-box--paid">
        <Heading id={headingId} className="pay-box__title">
          {t('bookings.pay.title')}
        </Heading>
        <p className="pay-box__paid">{t('bookings.pay.paid', { date: formatDay(Date.parse(booking.paidAt), language) })}</p>
      </div>
    );
  }
  return (
    <div className="pay-box">
      <Heading id={headingId} className="pay-box__title">
        {t('bookings.pay.title')}
      </Heading>
      {booking.venue.paymentIban ? (
        <>
          <p>{t('bookings.pay.intro')}</p>
          <dl className="pay-box__facts">
            <dt>{t('bookings.pay.iban')}</dt>
            <dd className="pay-box__code">{formatIban(booking.venue.paymentIban)}</dd>
            {recipient ? (
              <>
                <dt>{t('bookings.pay.recipient')}</dt>
                <dd>{recipient}</dd>
              </>
            ) : null}
            <dt>{t('bookings.pay.amount')}</dt>
            <dd className="pay-box__code">
              {formatEuros(due, language, 'brief')}
              {booking.depositCents > 0 && booking.priceCents > 0 ? (
                <span className="pay-box__note">
                  {' '}
                  {t('bookings.pay.amountParts', {
                    price: formatEuros(booking.priceCents, language, 'brief'),
                    deposit: formatEuros(booking.depositCents, language, 'brief'),
                  })}
                </span>
              ) : null}
            </dd>
            {booking.referenceNumber ? (
              <>
                <dt>{t('bookings.pay.reference')}</dt>
                <dd className="pay-box__code">{formatReference(booking.referenceNumber)}</dd>
              </>
            ) : null}
          </dl>
          <p className="pay-box__note">{t('bookings.pay.status.unpaid')}</p>
        </>
      ) : (
        <p>{t('bookings.pay.noAccount', { amount: formatEuros(due, language, 'brief') })}</p>
      )}
    </div>
  );
}

export function KeyInstructions({
  booking,
  headingLevel = 4,
}: {
  booking: Pick<BookingDetails, 'id' | 'status' | 'keyInstructions'>;
  headingLevel?: 3 | 4;
}) {
  const { t } = useI18n();
  if (booking.status !== 'approved' || !booking.keyInstructions) return null;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="key-box">
      <Heading id={`key-${booking.id}`} className="pay-box__title">
        {t('bookings.key.title')}
      </Heading>
      <p className="key-box__text">{booking.keyInstructions}</p>
    </div>
  );
}
