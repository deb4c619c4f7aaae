import { Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/digest';
import calendarStyles from '../../components/calendar/calendar.css?url';
import { loadFilterChoices, readCalendarFilter, redirectToCanonical, withQuery } from '../../components/calendar/calendar.server';
import { filterSummary } from '../../components/calendar/filter-summary';
import { ErrorSummary } from '../../components/error-summary';
import { RadioGroupField, TextField } from '../../components/form-fields';
import { PageTitle } from '../../components/page-title';
import { subscribeDigestRoute } from '@talkoot/events/schemas';
import { ApiError, callApi } from '../../lib/api.server';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/root-data';
import { formFailure, retryAfterHeader } from '../../lib/responses.server';
import { getRequestState } from '../../lib/session.server';

// Read without JavaScript: no scripts on this page (see root.tsx).
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: calendarStyles }];

export async function loader({ context, url }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { filter, canonical } = readCalendarFilter(url.searchParams);
  redirectToCanonical(url, canonical);
  return { filter, canonical, ...(await loadFilterChoices(state)), calendarUrl: withQuery('/calendar', canonical) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const values = readFormValues(await request.formData());
  const errors: FieldErrors = {};
  const email = values.email?.trim() ?? '';
  if (!email) errors.email = 'calendar.digest.emailRequired';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'calendar.digest.emailInvalid';
  const frequency = values.frequency === 'weekly' || values.frequency === 'monthly' ? values.frequency : null;
  if (!frequency) errors.frequency = 'calendar.digest.frequencyRequired';
  if (Object.keys(errors).length || !frequency) return formFailure(errors, values);
  // The filter came with the page as its canonical query; the letter gets the same choice.
  const { filter } = readCalendarFilter(new URLSearchParams(values.filter ?? ''));
  const apiFilter: Record<string, string | string[] | boolean> = {};
  for (const key of ['municipality', 'village', 'organiser', 'category', 'audience'] as const)
    if (filter[key].length) apiFilter[key] = filter[key];
  if (filter.free) apiFilter.free = true;
  if (filter.accessible) apiFilter.accessible = true;
  if (filter.q) apiFilter.q = filter.q;
  try {
    await callApi(state, subscribeDigestRoute, { body: { email, language: state.language, frequency, filter: apiFilter } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return formFailure({ email: 'calendar.digest.emailInvalid' }, values);
    if (error instanceof ApiError && error.status === 429)
      return formFailure({ email: 'calendar.digest.tooMany' }, values, 429, undefined, retryAfterHeader(error.details));
    throw error;
  }
  return { sent: true as const, email };
}

export default function Digest() {
  const { t } = useI18n();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const summary = filterSummary(t, data.filter, data.regions, data.organisations);
  if (result && 'sent' in result) {
    return (
      <div className="narrow">
        <PageTitle title={t('calendar.digest.sentTitle')} />
        <h1>{t('calendar.digest.sentTitle')}</h1>
        <p className="lead">{t('calendar.digest.sentBody', { email: result.email })}</p>
        <p>{t('calendar.digest.sentHint')}</p>
        <p>
          <a href={data.calendarUrl}>{t('calendar.backToCalendar')}</a>
        </p>
      </div>
    );
  }
  const errors = result && 'errors' in result ? result.errors : undefined;
  const values = result && 'values' in result ? result.values : undefined;
  return (
    <div className="narrow">
      <PageTitle title={t('calendar.digest.title')} hasErrors={!!errors} />
      <p className="breadcrumb">
        <a href={data.calendarUrl}>{t('calendar.backToCalendar')}</a>
      </p>
      <h1>{t('calendar.digest.title')}</h1>
      <p className="lead">{t('calendar.digest.intro')}</p>
      <p className="calendar-summary">
        <strong>{t('calendar.digest.includes')}</strong> {summary || t('calendar.showingAll')}
      </p>
      <p className="muted">
        {t('calendar.digest.changeFilter')} <a href={data.calendarUrl}>{t('calendar.digest.changeFilterLink')}</a>
      </p>
      <ErrorSummary errors={errors} labels={{ email: t('calendar.digest.email'), frequency: t('calendar.digest.frequency') }} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="filter" value={data.canonical} />
        <TextField
          name="email"
          type="email"
          label={t('calendar.digest.email')}
          hint={t('calendar.digest.emailHint')}
          autoComplete="email"
          spellCheck={false}
          defaultValue={values?.email ?? ''}
          error={errors?.email ? t(errors.email) : undefined}
        />
        <RadioGroupField
          name="frequency"
          legend={t('calendar.digest.frequency')}
          defaultValue={values?.frequency ?? 'weekly'}
          error={errors?.frequency ? t(errors.frequency) : undefined}
          options={[
            { value: 'weekly', label: t('calendar.digest.weekly') },
            { value: 'monthly', label: t('calendar.digest.monthly') },
          ]}
        />
        <p className="muted">{t('calendar.digest.privacy')}</p>
        <button type="submit" className="button">
          {t('calendar.digest.submit')}
        </button>
      </Form>
    </div>
  );
}
