import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/mine';
import { whenText } from '../../components/bookings/booking-format';
import { ErrorSummary } from '../../components/error-summary';
import { DateTimeField, SelectField, TextField } from '../../components/form-fields';
import { PageTitle } from '../../components/page-title';
import { helsinkiToday } from '@talkoot/platform/time';
import {
  getTaskRoute,
  listTasksRoute,
  logHoursRoute,
  myVolunteeringRoute,
  offerSwapRoute,
  personalFeedRoute,
  revokePersonalFeedRoute,
  rotatePersonalFeedRoute,
  withdrawClaimRoute,
  cancelSwapRoute,
} from '@talkoot/volunteering/schemas';
import { localText } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const [mine, feed, { tasks: standing }] = await Promise.all([
    loadFromApi(state, myVolunteeringRoute),
    loadFromApi(state, personalFeedRoute),
    loadFromApi(state, listTasksRoute, { query: { standing: 'true' } }),
  ]);
  // Each task's own withdrawal limit, for the warning beside "Withdraw".
  const taskIds = [
    ...new Set(
      mine.claims
        .filter((claim) => claim.state === 'placed' && Date.parse(claim.shift.endsAt) > Date.now())
        .map((claim) => claim.taskId),
    ),
  ];
  const cutoffs = Object.fromEntries(
    await Promise.all(
      taskIds.map(async (taskId) => {
        const { task } = await loadFromApi(state, getTaskRoute, { params: { taskId } });
        return [taskId, task.withdrawalCutoffHours] as const;
      }),
    ),
  ) as Record<string, number>;
  return {
    mine,
    feed,
    cutoffs,
    standing: standing.map((task) => ({
      id: task.id,
      title: localText(task.title, state.language),
      organisation: task.organisation.name,
    })),
    now: Date.now(),
    today: helsinkiToday(),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const values = readFormValues(await request.formData());
  const failed = (errors: FieldErrors) => data({ errors, values, feedUrl: null as string | null }, { status: 400 });
  try {
    switch (values.intent) {
      case 'withdraw':
        await callApi(state, withdrawClaimRoute, { params: { claimId: values.claimId ?? '' } });
        return redirectWithCookies('/me/volunteering?done=withdrawn');
      case 'swap':
        await callApi(state, offerSwapRoute, {
          params: { claimId: values.claimId ?? '' },
          body: { toEmail: (values.toEmail ?? '').trim() || null },
        });
        return redirectWithCookies('/me/volunteering?done=offered');
      case 'cancelSwap':
        await callApi(state, cancelSwapRoute, { params: { swapId: values.swapId ?? '' } });
        return redirectWithCookies('/me/volunteering');
      case 'hours': {
        const hours = Number((values.hours ?? '').replace(',', '.'));
        const errors: FieldErrors = {};
        if (!values.taskId) errors.taskId = 'validation.choose';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date ?? '')) errors.date = 'lending.search.dateInvalid';
        if (!Number.isFinite(hours) || hours < 0.25 || hours > 24) errors.hours = 'volunteering.mine.hoursInvalid';
        if (Object.keys(errors).length > 0) return failed(errors);
        await callApi(state, logHoursRoute, {
          body: { taskId: values.taskId!, date: values.date!, hours, note: (values.note ?? '').trim() },
        });
        return redirectWithCookies('/me/volunteering?done=hours');
      }
      case 'feed': {
        const { url } = await callApi(state, rotatePersonalFeedRoute);
        return { errors: {} as FieldErrors, values, feedUrl: url };
      }
      case 'revokeFeed':
        await callApi(state, revokePersonalFeedRoute);
        return redirectWithCookies('/me/volunteering?done=feedRevoked');
      default:
        throw data({ code: 'bad_request' }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof ApiError && [400, 409, 422].includes(error.status))
      return failed(apiErrorsToFields(error, { formFields: ['taskId', 'date', 'hours', 'note', 'toEmail'] }));
    throw error;
  }
}

// My tasks: places across all organisations, give one up or offer it to someone, hours per
// organisation, standing work's hours, and my own calendar address.
export default function MyVolunteering() {
  const { t, language } = useI18n();
  const { mine, feed, cutoffs, standing, now, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const error = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const active = mine.claims.filter(
    (claim) => (claim.state === 'placed' || claim.state === 'waiting') && Date.parse(claim.shift.endsAt) > now,
  );
  const title = t('volunteering.mine.title');
  return (
    <>
      <PageTitle title={title} hasErrors={Object.keys(errors).length > 0} />
      <h1>{title}</h1>
      {errors.form ? <p className="field__error">{t(errors.form as MessageKey)}</p> : null}

      <section className="section" aria-labelledby="mine-places">
        <h2 id="mine-places">{t('volunteering.mine.places')}</h2>
        {active.length === 0 ? <p>{t('volunteering.mine.none')}</p> : null}
        {active.map((claim) => {
          const hoursLeft = (Date.parse(claim.shift.startsAt) - now) / 3_600_000;
          return (
            <div key={claim.id} className="vol-task">
              <h3>{localText(claim.task.title, language)}</h3>
              <p className="vol-shift__when">{whenText(claim.shift.startsAt, claim.shift.endsAt, language)}</p>
              <p>
                {claim.task.organisation.name} ·{' '}
                {claim.state === 'placed'
                  ? t('volunteering.mine.placeNo', { n: claim.placeNo ?? 0 })
                  : t('volunteering.mine.waitingNo', { n: claim.waitingPosition ?? 0 })}
              </p>
              {claim.state === 'placed' && hoursLeft < (cutoffs[claim.taskId] ?? 24) ? (
                <p className="panel panel--warning">{t('volunteering.mine.lateWarning')}</p>
              ) : null}
              <Form method="post" className="actions">
                <input type="hidden" name="claimId" value={claim.id} />
                <button type="submit" name="intent" value="withdraw" className="button button--secondary">
                  {t('volunteering.mine.withdraw')}
                  <span className="visually-hidden">: {localText(claim.task.title, language)}</span>
                </button>
              </Form>
              {claim.state === 'placed' ? (
                <details>
                  <summary>{t('volunteering.mine.swap')}</summary>
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="swap" />
                    <input type="hidden" name="claimId" value={claim.id} />
                    <TextField
                      name="toEmail"
                      idPrefix={`swap-${claim.id}`}
                      type="email"
                      label={t('volunteering.mine.swapTo')}
                      hint={t('volunteering.mine.swapHint')}
                    />
                    <button type="submit" className="button">
                      {t('volunteering.mine.swapSubmit')}
                    </button>
                  </Form>
                </details>
              ) : null}
            </div>
          );
        })}
      </section>

      {mine.swapsForMe.length > 0 ? (
        <section className="section" aria-labelledby="mine-swaps">
          <h2 id="mine-swaps">{t('volunteering.mine.swapsForMe')}</h2>
          <ul>
            {mine.swapsForMe.map((swap) => (
              <li key={swap.id}>
                <Link to={`/volunteering/swaps/${swap.id}`}>
                  {localText(swap.claim.task.title, language)},{' '}
                  {whenText(swap.claim.shift.startsAt, swap.claim.shift.endsAt, language)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="mine-hours">
        <h2 id="mine-hours">{t('volunteering.mine.hours')}</h2>
        <ul>
          {mine.hoursByOrganisation.map((entry) => (
            <li key={entry.organisation.id}>
              {entry.organisation.name}: {t('volunteering.mine.hoursN', { n: entry.hours.toLocaleString(language) })}
            </li>
          ))}
        </ul>
        <p>
          <strong>{t('volunteering.mine.total', { n: mine.totalHours.toLocaleString(language) })}</strong>
        </p>
        {standing.length > 0 ? (
          <>
            <h3>{t('volunteering.mine.logTitle')}</h3>
            <ErrorSummary
              errors={values.intent === 'hours' ? errors : undefined}
              labels={{
                taskId: t('volunteering.mine.logTask'),
                date: t('volunteeringAdmin.task.date'),
                hours: t('volunteering.mine.logHours'),
              }}
              idPrefix="hours"
            />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="hours" />
              <SelectField
                name="taskId"
                idPrefix="hours"
                label={t('volunteering.mine.logTask')}
                placeholder={t('volunteeringAdmin.template.chooseTemplate')}
                options={standing.map((task) => ({ value: task.id, label: `${task.title} (${task.organisation})` }))}
                defaultValue={values.taskId}
                error={error('taskId')}
              />
              <DateTimeField
                name="date"
                idPrefix="hours"
                type="date"
                label={t('volunteeringAdmin.task.date')}
                value={values.date ?? today}
                error={error('date')}
              />
              <TextField
                name="hours"
                idPrefix="hours"
                label={t('volunteering.mine.logHours')}
                hint={t('volunteering.mine.logHoursHint')}
                defaultValue={values.hours}
                error={error('hours')}
              />
              <TextField
                name="note"
                idPrefix="hours"
                label={t('volunteering.mine.logNote')}
                defaultValue={values.note}
                error={error('note')}
              />
              <button type="submit" className="button">
                {t('volunteering.mine.logSubmit')}
              </button>
            </Form>
          </>
        ) : null}
      </section>

      <section className="section" aria-labelledby="mine-feed">
        <h2 id="mine-feed">{t('volunteering.mine.feedTitle')}</h2>
        <p>{t('volunteering.mine.feedIntro')}</p>
        {result?.feedUrl ? (
          <div className="panel panel--info">
            <p>{t('volunteering.mine.feedShown')}</p>
            <p className="break">
              <code>{result.feedUrl}</code>
            </p>
            <ol>
              <li>{t('volunteering.mine.feedIphone')}</li>
              <li>{t('volunteering.mine.feedAndroid')}</li>
            </ol>
          </div>
        ) : feed.createdAt ? (
          <p>{t('volunteering.mine.feedExists')}</p>
        ) : null}
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="feed" className="button button--secondary">
            {feed.createdAt ? t('volunteering.mine.feedRenew') : t('volunteering.mine.feedCreate')}
          </button>
          {feed.createdAt ? (
            <button type="submit" name="intent" value="revokeFeed" className="button button--secondary">
              {t('volunteering.mine.feedRevoke')}
            </button>
          ) : null}
        </Form>
      </section>
    </>
  );
}
