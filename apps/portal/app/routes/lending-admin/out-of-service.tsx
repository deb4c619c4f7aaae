import { helsinkiToday, helsinkiToInstant, isClockText, isRealDate } from '@talkoot/platform/time';
import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/out-of-service';
import { momentText, whenText } from '../../components/bookings/booking-format';
import { ErrorSummary } from '../../components/error-summary';
import { DateTimeField, TextAreaField, TextField } from '../../components/form-fields';
import { AvailabilityGrid } from '../../components/lending/availability-grid';
import { endOutOfService, loadItem, markOutOfService } from '../../components/lending/lending-api.server';
import { localised } from '../../components/lending/lending-labels';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: lendingStyles }];

const fields = ['units', 'fromDate', 'fromTime', 'toDate', 'toTime', 'reason'] as const;

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  const { item, days } = await loadItem(state, params.itemId, helsinkiToday().slice(0, 7));
  return { organisationId: params.id, organisationName, item, days, today: helsinkiToday() };
}

// The form in plain words before the api is asked: whole units within the stock, real days and
// times, the end after the start, and a reason.
function readPeriod(values: Record<string, string>, quantity: number) {
  const errors: FieldErrors = {};
  const units = values.units ?? '';
  if (!units) errors.units = 'lendingAdmin.oos.unitsRequired';
  else if (!/^\d{1,6}$/.test(units) || Number(units) < 1 || Number(units) > quantity)
    errors.units = 'lendingAdmin.oos.unitsInvalid';
  for (const [date, time] of [
    ['fromDate', 'fromTime'],
    ['toDate', 'toTime'],
  ] as const) {
    const day = values[date] ?? '';
    const clock = values[time] ?? '';
    if (!day) errors[date] = 'lending.search.dateRequired';
    else if (!isRealDate(day)) errors[date] = 'lending.search.dateInvalid';
    if (!clock) errors[time] = 'lending.search.timeRequired';
    else if (!isClockText(clock)) errors[time] = 'lending.search.timeInvalid';
  }
  const startsAt = errors.fromDate || errors.fromTime ? null : helsinkiToInstant(values.fromDate!, values.fromTime!);
  const endsAt = errors.toDate || errors.toTime ? null : helsinkiToInstant(values.toDate!, values.toTime!);
  if (startsAt && endsAt && new Date(endsAt.iso) <= new Date(startsAt.iso)) errors.toTime = 'lending.search.endBeforeStart';
  const reason = (values.reason ?? '').trim();
  if (reason.length < 2) errors.reason = 'lendingAdmin.oos.reasonRequired';
  else if (reason.length > 500) errors.reason = 'validation.tooLong';
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { errors };
  return { errors, body: { units: Number(units), startsAt: startsAt.iso, endsAt: endsAt.iso, reason } };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireLendingOwner(state, params.id);
  const values = readFormValues(await request.formData());
  const page = `/organisations/${params.id}/lending/items/${params.itemId}/out-of-service`;
  if (values.intent === 'end' && values.periodId) {
    await endOutOfService(state, params.id, params.itemId, values.periodId);
    return redirectWithCookies(page, [serializeNoticeCookie('lending_oos_ended')]);
  }
  const { item } = await loadItem(state, params.itemId, helsinkiToday().slice(0, 7));
  const failed = (errors: FieldErrors) => data({ errors, values }, { status: 400 });
  const { body, errors } = readPeriod(values, item.quantity);
  if (!body) return failed(errors);
  try {
    await markOutOfService(state, params.id, params.itemId, body);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 422))
      return failed(
        apiErrorsToFields(error, {
          fields: { startsAt: 'fromTime', endsAt: 'toTime' },
          formFields: fields,
          generalField: 'units',
        }),
      );
    throw error;
  }
  return redirectWithCookies(page, [serializeNoticeCookie('lending_oos_saved')]);
}

// Units out of service (repair, lost): what is out now and next, a form to mark more, and the
// month's grid that shrinks with them. Works without JavaScript: plain posts and redirects.
export default function LendingOutOfService() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, item, days, today } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors ?? {};
  const values = failure?.values ?? {};
  const name = localised(item.name, language);
  const title = t('lendingAdmin.oos.title', { name });
  const labels: Record<string, string> = {
    units: t('lendingAdmin.oos.units'),
    fromDate: t('lendingAdmin.oos.fromDate'),
    fromTime: t('lendingAdmin.oos.fromTime'),
    toDate: t('lendingAdmin.oos.toDate'),
    toTime: t('lendingAdmin.oos.toTime'),
    reason: t('lendingAdmin.oos.reason'),
  };
  const error = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/lending`}>{t('lendingAdmin.title', { name: organisationName })}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t('lendingAdmin.oos.intro', { count: item.quantity })}</p>

      <section className="section" aria-labelledby="oos-periods">
        <h2 id="oos-periods">{t('lendingAdmin.oos.periods')}</h2>
        {item.outOfService.length === 0 ? <p>{t('lendingAdmin.oos.none')}</p> : null}
        <ul className="card-list">
          {item.outOfService.map((period) => (
            <li key={period.id} className="card">
              <h3>{t('lendingAdmin.oos.unitsOut', { count: period.units })}</h3>
              <p>
                {period.endsAt
                  ? whenText(period.startsAt, period.endsAt, language)
                  : t('lendingAdmin.oos.untilRepaired', { start: momentText(period.startsAt, language) })}
              </p>
              <p>{t('lendingAdmin.oos.reasonText', { reason: period.reason })}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="periodId" value={period.id} />
                <button type="submit" className="button button--secondary">
                  {t('lendingAdmin.oos.end')}
                  <span className="visually-hidden">: {t('lendingAdmin.oos.unitsOut', { count: period.units })}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      {item.isKit ? (
        <p className="panel">{t('lendingAdmin.oos.kit')}</p>
      ) : (
        <section className="section" aria-labelledby="oos-mark">
          <h2 id="oos-mark">{t('lendingAdmin.oos.mark')}</h2>
          <ErrorSummary errors={failure ? errors : undefined} labels={labels} idPrefix="oos" />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="mark" />
            <TextField
              name="units"
              idPrefix="oos"
              label={labels.units!}
              hint={t('lendingAdmin.oos.unitsHint', { count: item.quantity })}
              type="number"
              inputMode="numeric"
              className="lending-count"
              min={1}
              required
              error={error('units')}
              defaultValue={values.units ?? ''}
            />
            <fieldset className="lending-search__group lending-search__group--when">
              <legend>{t('lendingAdmin.oos.when')}</legend>
              {(['fromDate', 'fromTime', 'toDate', 'toTime'] as const).map((field) => (
                <DateTimeField
                  key={field}
                  name={field}
                  idPrefix="oos"
                  type={field.endsWith('Date') ? 'date' : 'time'}
                  label={labels[field]!}
                  hint={t(field.endsWith('Date') ? 'lending.search.dateHint' : 'lending.search.timeHint')}
                  error={error(field)}
                  value={values[field] ?? (field === 'fromDate' ? today : field === 'fromTime' ? '08:00' : '')}
                />
              ))}
            </fieldset>
            <TextAreaField
              name="reason"
              idPrefix="oos"
              label={labels.reason!}
              hint={t('lendingAdmin.oos.reasonHint')}
              error={error('reason')}
              defaultValue={values.reason}
            />
            <p>
              <button type="submit" className="button">
                {t('lendingAdmin.oos.submit')}
              </button>
            </p>
          </Form>
        </section>
      )}

      <section className="section" aria-labelledby="oos-grid">
        <h2 id="oos-grid">{t('lendingAdmin.oos.gridTitle')}</h2>
        <AvailabilityGrid days={days} total={item.quantity} wanted={null} />
      </section>
    </>
  );
}
