import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/venue';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextField } from '../../components/form-fields';
import { PageTitle } from '../../components/page-title';
import { helsinkiToInstant, isDateText, isTimeText, monthText, parseMonth, formatTime, shiftMonth } from '../../components/venues/helsinki-time';
import { MonthCalendar } from '../../components/venues/month-calendar';
import { bookableByKeys, durationText, facilityWords } from '../../components/venues/venue-labels';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import type { Availability, Booking, Venue } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import { readFormValues } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { pickLocalisedText } from '../../lib/labels';
import { useI18n, useRootData } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, signInPath } from '../../lib/session.server';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { venue } = await loadFromApi<{ venue: Venue }>(state, `/api/venues/${encodeURIComponent(params.id)}`);
  const url = new URL(request.url);
  const requested = url.searchParams.get('space');
  const space = venue.spaces.find((candidate) => candidate.id === requested) ?? venue.spaces[0] ?? null;
  const { year, month } = parseMonth(url.searchParams.get('month'));
  let busy: Availability['busy'] = [];
  if (space) {
    const next = shiftMonth(year, month, 1);
    const from = helsinkiToInstant(`${monthText(year, month)}-01`, '00:00')!.iso;
    const to = helsinkiToInstant(`${monthText(next.year, next.month)}-01`, '00:00')!.iso;
    const query = new URLSearchParams({ from, to });
    ({ busy } = await loadFromApi<Availability>(state, `/api/spaces/${encodeURIComponent(space.id)}/availability?${query}`));
  }
  return { venue, spaceId: space?.id ?? null, year, month, busy, signInHref: signInPath(state.returnTo) };
}

type ConflictDetail = { from: string; to: string } | null;
type BookingFailure = { errors: FieldErrors; values: Record<string, string>; conflict?: ConflictDetail };

const fieldOrder = ['spaceId', 'date', 'startTime', 'endTime', 'title', 'organisationId', 'form'] as const;
const apiFieldNames: Record<string, string> = { startsAt: 'startTime', endsAt: 'endTime' };

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const values = readFormValues(await request.formData());
  const { venue } = await loadFromApi<{ venue: Venue }>(state, `/api/venues/${encodeURIComponent(params.id)}`);
  const space = venue.spaces.find((candidate) => candidate.id === values.spaceId);

  const errors: FieldErrors = {};
  if (!space) errors.spaceId = 'validation.choose';
  if (!values.date?.trim()) errors.date = 'validation.required';
  else if (!isDateText(values.date.trim())) errors.date = 'venues.form.date.invalid';
  for (const field of ['startTime', 'endTime'] as const) {
    if (!values[field]?.trim()) errors[field] = 'validation.required';
    else if (!isTimeText(values[field].trim())) errors[field] = 'venues.form.time.invalid';
  }
  const title = values.title?.trim() ?? '';
  if (!title) errors.title = 'validation.required';
  else if (title.length < 2) errors.title = 'validation.tooShort';
  else if (title.length > 200) errors.title = 'validation.tooLong';
  const organisationId = values.organisationId || null;
  if (organisationId && !viewer.memberships.some((m) => m.organisation.id === organisationId)) errors.organisationId = 'validation.choose';
  if (space?.bookableBy === 'region' && !organisationId) errors.organisationId = 'venues.form.organisationRequired';

  const start = errors.date || errors.startTime ? null : helsinkiToInstant(values.date!.trim(), values.startTime!.trim());
  const end = errors.date || errors.endTime ? null : helsinkiToInstant(values.date!.trim(), values.endTime!.trim());
  if (start && end && end.time <= start.time) errors.endTime = 'venues.form.endBeforeStart';
  if (Object.keys(errors).length > 0 || !space || !start || !end) return bookingFailure(errors, values);

  try {
    await callApi<{ booking: Booking }>(state, '/api/bookings', {
      method: 'POST',
      body: { spaceId: space.id, startsAt: start.iso, endsAt: end.iso, title, organisationId },
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 409) {
      return bookingFailure({ startTime: 'venues.form.conflict' }, values, 409, describeConflict(error.details.conflict, state.language));
    }
    if (error.status === 400) {
      const apiErrors: FieldErrors = {};
      for (const path of Object.keys(error.fields)) {
        const field = apiFieldNames[path] ?? path;
        apiErrors[fieldOrder.includes(field as never) ? field : 'form'] =
          field === 'organisationId' ? 'venues.form.organisationRequired' : 'validation.checkField';
      }
      return bookingFailure(Object.keys(apiErrors).length ? apiErrors : { form: 'validation.checkField' }, values);
    }
    if (error.status === 422) {
      const field = Object.keys(error.fields).map((path) => apiFieldNames[path]).find(Boolean);
      return bookingFailure({ [field ?? 'form']: 'venues.form.rule' }, values, 422);
    }
    if (error.status === 403) return bookingFailure({ form: 'venues.form.notAllowed' }, values, 403);
    if (error.status === 404) return bookingFailure({ form: 'form.gone' }, values, 404);
    throw error;
  }
  return redirectWithCookies('/bookings?done=requested');
}

function bookingFailure(errors: FieldErrors, values: Record<string, string>, status = 400, conflict: ConflictDetail = null) {
  return data<BookingFailure>({ errors, values, conflict }, { status });
}

// The api's 409 names the taken slot (times include cleaning); say it in local time.
function describeConflict(conflict: unknown, language: 'fi' | 'sv' | 'en'): ConflictDetail {
  const slot = conflict as { startsAt?: unknown; endsAt?: unknown } | null | undefined;
  if (typeof slot?.startsAt !== 'string' || typeof slot.endsAt !== 'string') return null;
  return { from: formatTime(Date.parse(slot.startsAt), language), to: formatTime(Date.parse(slot.endsAt), language) };
}

function fieldLabels(t: Translate): Record<string, string> {
  return {
    spaceId: t('venues.form.space'),
    date: t('venues.form.date'),
    startTime: t('venues.form.startTime'),
    endTime: t('venues.form.endTime'),
    title: t('venues.form.bookingTitle'),
    organisationId: t('venues.form.organisation'),
  };
}

export default function VenuePage() {
  const { t, language } = useI18n();
  const root = useRootData();
  const { venue, spaceId, year, month, busy, signInHref } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as BookingFailure | undefined;
  const description = pickLocalisedText(venue.description, language);
  const space = venue.spaces.find((candidate) => candidate.id === spaceId) ?? null;
  const labels = fieldLabels(t);
  const errorText = (name: string): string | undefined => {
    const key = failure?.errors[name] as MessageKey | undefined;
    if (!key) return undefined;
    if (key === 'venues.form.conflict') return failure?.conflict ? t(key, failure.conflict) : t('venues.form.conflictUnknown');
    return t(key);
  };
  // The summary links to the start time; the field itself names the clashing times.
  const summaryErrors: FieldErrors | undefined =
    failure?.errors.startTime === 'venues.form.conflict' ? { ...failure.errors, startTime: 'venues.form.conflictUnknown' } : failure?.errors;
  const values = failure?.values;
  const memberships = root?.viewer?.memberships ?? [];

  return (
    <>
      <PageTitle title={venue.name} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to="/venues">{t('venues.back')}</Link>
      </p>
      <h1>{venue.name}</h1>
      {description ? (
        <p className="lead" lang={description.language}>
          {description.text}
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('venues.address')}</dt>
        <dd>{venue.address}</dd>
        <dt>{t('venues.village')}</dt>
        <dd>{venue.village.name}</dd>
        <dt>{t('venues.owner')}</dt>
        <dd>
          <Link to={`/organisations/${venue.organisation.id}`}>{venue.organisation.name}</Link>
        </dd>
        <dt>{t('venues.facilities')}</dt>
        <dd>{facilityWords(t, 'facility', venue.facilities)}</dd>
        <dt>{t('venues.accessibility')}</dt>
        <dd>{facilityWords(t, 'accessibility', venue.accessibility)}</dd>
      </dl>
      <p>{t('venues.capacity', { count: venue.capacity })}</p>

      <section className="section" aria-labelledby="spaces-title">
        <h2 id="spaces-title">{t('venues.spaces.title')}</h2>
        {venue.spaces.length === 0 ? <p>{t('venues.spaces.empty')}</p> : null}
        <ul className="card-list">
          {venue.spaces.map((candidate) => (
            <li key={candidate.id} className="card">
              <h3>{candidate.name}</h3>
              <p>
                {candidate.capacity ? `${t('venues.spaces.capacity', { count: candidate.capacity })}. ` : ''}
                {t('venues.spaces.length', { min: durationText(t, candidate.minMinutes), max: durationText(t, candidate.maxMinutes) })}{' '}
                {t(candidate.isApprovalRequired ? 'venues.spaces.approval' : 'venues.spaces.noApproval')} {t(bookableByKeys[candidate.bookableBy])}
              </p>
              {candidate.id !== spaceId ? (
                <p>
                  <Link to={`/venues/${venue.id}?space=${candidate.id}&month=${monthText(year, month)}#calendar-title`}>
                    {t('venues.spaces.showCalendar', { name: candidate.name })}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {space ? (
        <section className="section" aria-labelledby="calendar-title">
          <h2 id="calendar-title">
            {t('venues.calendar.title')}: {space.name}
          </h2>
          <p>{t('venues.calendar.hint')}</p>
          <MonthCalendar venueId={venue.id} spaceId={space.id} spaceName={space.name} year={year} month={month} busy={busy} />
        </section>
      ) : null}

      {venue.spaces.length > 0 ? (
        <section className="section panel" aria-labelledby="request-title">
          <h2 id="request-title">{t('venues.form.title')}</h2>
          {root?.viewer ? (
            <>
              <ErrorSummary errors={summaryErrors} labels={labels} idPrefix="booking" />
              <Form method="post" noValidate className="stack">
                <SelectField
                  name="spaceId"
                  idPrefix="booking"
                  label={labels.spaceId!}
                  error={errorText('spaceId')}
                  defaultValue={values?.spaceId ?? space?.id}
                  options={venue.spaces.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
                />
                <DateTimeField name="date" type="date" label={labels.date!} hint={t('venues.form.dateHint')} error={errorText('date')} value={values?.date} />
                <DateTimeField name="startTime" type="time" label={labels.startTime!} hint={t('venues.form.timeHint')} error={errorText('startTime')} value={values?.startTime} />
                <DateTimeField name="endTime" type="time" label={labels.endTime!} hint={t('venues.form.timeHint')} error={errorText('endTime')} value={values?.endTime} />
                <TextField
                  name="title"
                  idPrefix="booking"
                  label={labels.title!}
                  hint={t('venues.form.bookingTitleHint')}
                  error={errorText('title')}
                  defaultValue={values?.title}
                  maxLength={200}
                />
                <SelectField
                  name="organisationId"
                  idPrefix="booking"
                  label={labels.organisationId!}
                  hint={t('venues.form.organisationHint')}
                  error={errorText('organisationId')}
                  defaultValue={values?.organisationId ?? memberships[0]?.organisation.id ?? ''}
                  options={[
                    ...memberships.map((m) => ({ value: m.organisation.id, label: m.organisation.name })),
                    { value: '', label: t('venues.form.myself') },
                  ]}
                />
                <button type="submit" className="button">
                  {t('venues.form.submit')}
                </button>
              </Form>
            </>
          ) : (
            <p>
              <Link to={signInHref} className="button">
                {t('venues.form.signIn')}
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}

// Native date and time inputs: the browser shows its own picker; without one, the hint explains the format.
function DateTimeField({ name, type, label, hint, error, value }: { name: string; type: 'date' | 'time'; label: string; hint: string; error?: string; value?: string }) {
  const { t } = useI18n();
  const id = `booking-${name}`;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <input id={id} name={name} type={type} defaultValue={value ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
    </div>
  );
}
