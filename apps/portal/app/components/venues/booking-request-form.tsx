import { useEffect, useRef } from 'react';
import { Form } from 'react-router';
import { formatEuros } from '@talkoot/platform/money';
import { formatClock, formatDate, formatDay } from '@talkoot/platform/time';
import { ErrorSummary } from '../error-summary';
import { CheckboxField, SelectField } from '../form-fields';
import { BookingWhenFields, BookingTitleField, BookingOrganisationField } from '../bookings/booking-fields';
import { reasonMessages } from '../../lib/api-reasons';
import type { BookingQuote, VenueDetails } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import type { BookingFormResult } from './booking-request.server';

const confirmTierKeys: Record<BookingQuote['priceTier'], MessageKey> = {
  members: 'venues.confirm.tier.members',
  region: 'venues.confirm.tier.region',
  private: 'venues.confirm.tier.private',
};

type Membership = { organisation: { id: string; name: string } };

type BookingRequestFormProps = {
  venue: VenueDetails;
  // The space of the calendar, or the one asked for in the address.
  spaceId: string | null;
  prefill: Record<string, string>;
  result: BookingFormResult | undefined;
  memberships: Membership[];
  action: string;
};

export function fieldLabels(t: Translate): Record<string, string> {
  return {
    spaceId: t('venues.form.space'),
    date: t('venues.form.date'),
    startTime: t('venues.form.startTime'),
    endTime: t('venues.form.endTime'),
    title: t('venues.form.bookingTitle'),
    organisationId: t('venues.form.organisation'),
    isFreeEvent: t('venues.form.freeEvent'),
  };
}

export function BookingRequestForm(props: BookingRequestFormProps) {
  return props.result?.step === 'confirm' ? <ConfirmStep {...props} result={props.result} /> : <RequestStep {...props} />;
}

function RequestStep({ venue, spaceId, prefill, result, memberships, action }: BookingRequestFormProps) {
  const { t } = useI18n();
  const failure = result?.step === 'form' ? result : undefined;
  const labels = fieldLabels(t);
  const errorText = (name: string): string | undefined => {
    const key = failure?.errors[name] as MessageKey | undefined;
    if (!key) return undefined;
    if (key === 'venues.form.conflict') return failure?.conflict ? t(key, failure.conflict) : t('venues.form.conflictUnknown');
    return t(key);
  };
  // The summary links to the start time; the field itself names the clashing times.
  const summaryErrors: FieldErrors | undefined =
    failure?.errors.startTime === 'venues.form.conflict'
      ? { ...failure.errors, startTime: 'venues.form.conflictUnknown' }
      : failure?.errors;
  const values = failure?.values ?? prefill;
  // A taken time can be queued for: the first in line gets it if it frees up.
  const isTaken = failure?.errors.startTime === 'venues.form.conflict';
  const waitlistHref = `/waitlist/new?${new URLSearchParams({ space: values.spaceId ?? spaceId ?? '', date: values.date ?? '', from: values.startTime ?? '', to: values.endTime ?? '' })}`;

  return (
    <>
      <ErrorSummary errors={summaryErrors} labels={labels} idPrefix="booking" />
      {isTaken ? (
        <p className="notice">
          <a href={waitlistHref}>{t('venues.form.joinWaitlist')}</a>
        </p>
      ) : null}
      <Form method="post" action={action} noValidate className="stack">
        <SelectField
          name="spaceId"
          idPrefix="booking"
          label={labels.spaceId!}
          error={errorText('spaceId')}
          defaultValue={values.spaceId ?? spaceId}
          options={venue.spaces.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        />
        <BookingWhenFields idPrefix="booking" labels={labels} values={values} errorText={errorText} />
        <BookingTitleField idPrefix="booking" labels={labels} values={values} errorText={errorText} />
        <BookingOrganisationField
          idPrefix="booking"
          labels={labels}
          values={values}
          errorText={errorText}
          memberships={memberships}
        />
        <CheckboxField
          name="isFreeEvent"
          idPrefix="booking"
          label={labels.isFreeEvent!}
          hint={t('venues.form.freeEventHint')}
          isChecked={values.isFreeEvent === 'yes'}
        />
        <p className="field__hint">{t('venues.form.reviewHint')}</p>
        <button type="submit" name="intent" value="review" className="button">
          {t('venues.form.review')}
        </button>
      </Form>
      <p>
        <a href={`/bookings/series/new?${new URLSearchParams({ venue: venue.id, space: values.spaceId ?? spaceId ?? '' })}`}>
          {t('venues.form.recurring')}
        </a>
      </p>
    </>
  );
}

function ConfirmStep({
  venue,
  result,
  memberships,
  action,
}: BookingRequestFormProps & { result: Extract<BookingFormResult, { step: 'confirm' }> }) {
  const { t, language } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // With JavaScript, each new summary takes the focus the way the first page load does.
  useEffect(() => {
    if (result.quotedAt) headingRef.current?.focus();
  }, [result.quotedAt]);
  const { values, quote } = result;
  const space = venue.spaces.find((candidate) => candidate.id === values.spaceId);
  const organisation =
    memberships.find((m) => m.organisation.id === values.organisationId)?.organisation.name ?? t('venues.form.myself');
  const isFreeEvent = values.isFreeEvent === 'yes';
  const startsAt = Date.parse(result.startsAt);
  const endsAt = Date.parse(result.endsAt);

  return (
    <div className="booking-confirm">
      {/* Without JavaScript the attribute moves focus here after the first post, like the error summary. */}
      {/* oxlint-disable-next-line jsx-a11y/no-autofocus */}
      <h3 id="confirm-title" ref={headingRef} tabIndex={-1} autoFocus>
        {t('venues.confirm.title')}
      </h3>
      <dl className="details booking-confirm__details">
        <div>
          <dt>{t('venues.form.space')}</dt>
          <dd>{space?.name}</dd>
        </div>
        <div>
          <dt>{t('venues.confirm.when')}</dt>
          <dd>
            {formatDate(values.date ?? '', language)} {formatClock(startsAt, language)}–{formatClock(endsAt, language)}
          </dd>
        </div>
        <div>
          <dt>{t('venues.form.bookingTitle')}</dt>
          <dd>{values.title}</dd>
        </div>
        <div>
          <dt>{t('venues.form.organisation')}</dt>
          <dd>{organisation}</dd>
        </div>
        <div>
          <dt>{t('venues.confirm.price')}</dt>
          <dd>
            {quote ? (
              <>
                <strong className="booking-confirm__price">
                  {quote.priceCents > 0 ? formatEuros(quote.priceCents, language, 'brief') : t('venues.price.free')}
                </strong>{' '}
                {quote.priceCents > 0 ? `(${t(confirmTierKeys[quote.priceTier])})` : null}
              </>
            ) : (
              t('venues.confirm.priceUnknown')
            )}
            {isFreeEvent ? <span className="booking-confirm__note">{t('venues.confirm.freeEvent')}</span> : null}
            {result.regularQuote && result.regularQuote.priceCents > 0 ? (
              <span className="booking-confirm__note">
                {t('venues.confirm.regularPrice', { price: formatEuros(result.regularQuote.priceCents, language, 'brief') })}
              </span>
            ) : null}
          </dd>
        </div>
        {quote ? (
          <>
            <div>
              <dt>{t('venues.rules.deposit')}</dt>
              <dd>{quote.depositCents > 0 ? formatEuros(quote.depositCents, language, 'brief') : t('venues.rules.noDeposit')}</dd>
            </div>
            <div>
              <dt>{t('venues.rules.cancellation')}</dt>
              <dd>
                {quote.cancellationFeeCents === 0
                  ? t('venues.rules.cancelFree')
                  : Date.parse(quote.freeCancellationUntil) > result.quotedAt
                    ? t('venues.confirm.cancelUntil', {
                        until: `${formatDay(Date.parse(quote.freeCancellationUntil), language)} ${formatClock(Date.parse(quote.freeCancellationUntil), language)}`,
                        fee: formatEuros(quote.cancellationFeeCents, language, 'brief'),
                      })
                    : t('venues.confirm.cancelFeeNow', { fee: formatEuros(quote.cancellationFeeCents, language, 'brief') })}
              </dd>
            </div>
            <div>
              <dt>{t('venues.confirm.decision')}</dt>
              <dd>{t(quote.isApprovalRequired ? 'venues.confirm.approval' : 'venues.confirm.noApproval')}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {quote?.problem ? (
        <div className="panel panel--warning" role="alert">
          <p>
            <strong>{t('venues.confirm.problem')}</strong>{' '}
            {t(quote.problemReason ? reasonMessages[quote.problemReason] : 'venues.form.rule')}
          </p>
        </div>
      ) : null}
      <Form method="post" action={action} className="booking-confirm__actions">
        {(['spaceId', 'date', 'startTime', 'endTime', 'title', 'organisationId'] as const).map((name) => (
          <input key={name} type="hidden" name={name} value={values[name] ?? ''} />
        ))}
        {isFreeEvent ? <input type="hidden" name="isFreeEvent" value="yes" /> : null}
        {quote?.problem ? null : (
          <button type="submit" name="intent" value="send" className="button">
            {t('venues.form.submit')}
          </button>
        )}
        <button type="submit" name="intent" value="change" className="button button--secondary">
          {t('venues.confirm.change')}
        </button>
      </Form>
    </div>
  );
}
