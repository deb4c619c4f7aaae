import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import { weekdayIndex, weekdayName } from '@talkoot/platform/time';
import type { Route } from './+types/series-new';
import { bookingApiErrors, readTimes, readTitle } from '../../components/bookings/booking-form.server';
import { bookingStateKeys, parseDateInput, whenText } from '../../components/bookings/booking-format';
import bookingStyles from '../../components/bookings/bookings.css?url';
import { ErrorSummary } from '../../components/error-summary';
import {
  CheckboxChoice,
  DateTimeField,
  FieldError,
  RadioGroupField,
  SelectField,
  TextAreaField,
} from '../../components/form-fields';
import { BookingWhenFields, BookingTitleField, BookingOrganisationField } from '../../components/bookings/booking-fields';
import { PageTitle } from '../../components/page-title';
import { createSeriesRoute, getVenueRoute } from '@talkoot/venues/schemas';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import type { SeriesConflict, SeriesResult } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { getRequestState, requireViewer } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const query = new URL(request.url).searchParams;
  const venueId = query.get('venue') ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(venueId)) throw data({ code: 'not_found' }, { status: 404 });
  const { venue } = await loadFromApi(state, getVenueRoute, { params: { id: venueId } });
  const spaceId = venue.spaces.some((space) => space.id === query.get('space'))
    ? query.get('space')
    : (venue.spaces[0]?.id ?? null);
  return { venue, spaceId, memberships: viewer.memberships.map((m) => ({ organisation: m.organisation })) };
}

type SeriesAction =
  | { step: 'form'; errors: FieldErrors; values: Record<string, string>; weekdays: number[]; conflicts: SeriesConflict[] }
  | { step: 'result'; result: SeriesResult; venueId: string; spaceName: string };

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const query = new URL(request.url).searchParams;
  const { venue } = await loadFromApi(state, getVenueRoute, { params: { id: query.get('venue') ?? '' } });
  const formData = await request.formData();
  const values: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === 'string' && !(name in values)) values[name] = value;
  const weekdays = formData
    .getAll('weekday')
    .map(Number)
    .filter((day) => Number.isInteger(day) && day >= 1 && day <= 7);
  const errors: FieldErrors = {};
  const space = venue.spaces.find((candidate) => candidate.id === values.spaceId);
  if (!space) errors.spaceId = 'validation.choose';
  const times = readTimes(values, errors);
  const frequency = values.frequency === 'biweekly' ? 'biweekly' : values.frequency === 'weekly' ? 'weekly' : null;
  if (!frequency) errors.frequency = 'validation.choose';
  const until = values.until?.trim() ? parseDateInput(values.until) : null;
  if (!values.until?.trim()) errors.until = 'validation.required';
  else if (!until) errors.until = 'venues.form.date.invalid';
  else if (times && until < times.date) errors.until = 'series.form.untilBeforeStart';
  const skipLines = (values.skipDates ?? '')
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const skipDates = skipLines.map(parseDateInput);
  if (skipDates.some((date) => !date)) errors.skipDates = 'series.form.skipInvalid';
  const title = readTitle(values, errors);
  const organisationId = values.organisationId || null;
  if (organisationId && !viewer.memberships.some((m) => m.organisation.id === organisationId))
    errors.organisationId = 'validation.choose';
  if (space?.bookableBy === 'region' && !organisationId) errors.organisationId = 'venues.form.organisationRequired';
  const failure = (fieldErrors: FieldErrors, status = 400, conflicts: SeriesConflict[] = []) =>
    data<SeriesAction>({ step: 'form', errors: fieldErrors, values, weekdays, conflicts }, { status });
  if (Object.keys(errors).length > 0 || !space || !times || !frequency || !until) return failure(errors);

  // No weekday ticked: repeat on the weekday of the first date.
  const [year, month, day] = times.date.split('-').map(Number) as [number, number, number];
  const chosenDays = weekdays.length > 0 ? weekdays : [weekdayIndex(year, month, day) + 1];
  try {
    const result = await callApi(state, createSeriesRoute, {
      body: {
        spaceId: space.id,
        startsAt: times.start.iso,
        endsAt: times.end.iso,
        title,
        organisationId,
        rule: { frequency, weekdays: chosenDays, until, skipDates: skipDates as string[] },
      },
    });
    return data<SeriesAction>({ step: 'result', result, venueId: venue.id, spaceName: space.name }, { status: 201 });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    if (error.status === 409) {
      const conflicts = Array.isArray(error.details.conflicts) ? (error.details.conflicts as SeriesConflict[]) : [];
      return failure({ form: 'series.form.noneFree' }, 409, conflicts);
    }
    if (error.status === 404) return failure({ form: 'form.gone' }, 404);
    return failure(apiErrorsToFields(error, bookingApiErrors), error.status);
  }
}

// Why a date of the series was not booked, as a short phrase after the date.
const conflictReasonKeys: Partial<Record<SeriesConflict['problemReason'], MessageKey>> = {
  'booking.slot_taken': 'series.reason.taken',
  'booking.in_past': 'series.reason.past',
};

const fieldOrder = [
  'spaceId',
  'date',
  'startTime',
  'endTime',
  'frequency',
  'weekdays',
  'until',
  'skipDates',
  'title',
  'organisationId',
  'form',
] as const;

export default function NewSeries() {
  const { t, language } = useI18n();
  const { venue, spaceId, memberships } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  if (outcome?.step === 'result')
    return <SeriesOutcome result={outcome.result} venueId={outcome.venueId} spaceName={outcome.spaceName} />;
  const failure = outcome?.step === 'form' ? outcome : undefined;
  const values = failure?.values ?? {};
  const labels: Record<string, string> = {
    spaceId: t('venues.form.space'),
    date: t('series.form.firstDate'),
    startTime: t('venues.form.startTime'),
    endTime: t('venues.form.endTime'),
    frequency: t('series.form.frequency'),
    weekdays: t('series.form.weekdays'),
    until: t('series.form.until'),
    skipDates: t('series.form.skipDates'),
    title: t('venues.form.bookingTitle'),
    organisationId: t('venues.form.organisation'),
  };
  const errorText = (name: string) => (failure?.errors[name] ? t(failure.errors[name] as MessageKey) : undefined);
  const orderedLabels = Object.fromEntries(fieldOrder.filter((name) => labels[name]).map((name) => [name, labels[name]!]));
  const checkedDays = new Set(failure?.weekdays ?? []);
  return (
    <>
      <PageTitle title={t('series.title')} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/venues/${venue.id}${spaceId ? `?space=${spaceId}` : ''}`}>{venue.name}</Link>
      </p>
      <h1>{t('series.title')}</h1>
      <p className="lead">{t('series.intro', { venue: venue.name })}</p>
      <ErrorSummary errors={failure?.errors} labels={orderedLabels} idPrefix="series" />
      {failure?.conflicts.length ? <ConflictList conflicts={failure.conflicts} /> : null}
      <Form method="post" noValidate className="stack narrow">
        <SelectField
          name="spaceId"
          idPrefix="series"
          label={labels.spaceId!}
          error={errorText('spaceId')}
          defaultValue={values.spaceId ?? spaceId}
          options={venue.spaces.map((space) => ({ value: space.id, label: space.name }))}
        />
        <BookingWhenFields idPrefix="series" labels={labels} values={values} errorText={errorText} />
        <RadioGroupField
          name="frequency"
          idPrefix="series"
          legend={labels.frequency!}
          error={errorText('frequency')}
          defaultValue={values.frequency ?? 'weekly'}
          options={[
            { value: 'weekly', label: t('series.form.weekly') },
            { value: 'biweekly', label: t('series.form.biweekly') },
          ]}
        />
        <fieldset className={errorText('weekdays') ? 'field field--error' : 'field'} aria-describedby="series-weekdays-hint">
          <legend>{labels.weekdays}</legend>
          <p className="field__hint" id="series-weekdays-hint">
            {t('series.form.weekdaysHint')}
          </p>
          {errorText('weekdays') ? <FieldError error={errorText('weekdays')} /> : null}
          <div className="choices weekday-choices">
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <CheckboxChoice
                key={day}
                id={day === 1 ? 'series-weekdays' : `series-weekday-${day}`}
                name="weekday"
                value={day}
                label={weekdayName(day, language, 'long')}
                isChecked={checkedDays.has(day)}
              />
            ))}
          </div>
        </fieldset>
        <DateTimeField
          idPrefix="series"
          name="until"
          type="date"
          label={labels.until!}
          hint={t('series.form.untilHint')}
          error={errorText('until')}
          value={values.until}
        />
        <TextAreaField
          name="skipDates"
          idPrefix="series"
          label={labels.skipDates!}
          hint={t('series.form.skipDatesHint')}
          error={errorText('skipDates')}
          defaultValue={values.skipDates}
        />
        <BookingTitleField idPrefix="series" labels={labels} values={values} errorText={errorText} />
        <BookingOrganisationField
          idPrefix="series"
          labels={labels}
          values={values}
          errorText={errorText}
          memberships={memberships}
        />
        <p className="field__hint">{t('series.form.submitHint')}</p>
        <button type="submit" className="button">
          {t('series.form.submit')}
        </button>
      </Form>
    </>
  );
}

function ConflictList({ conflicts, headingLevel = 2 }: { conflicts: SeriesConflict[]; headingLevel?: 2 | 3 }) {
  const { t, language } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="panel panel--warning series-conflicts">
      <Heading>{t('series.result.takenTitle', { count: conflicts.length })}</Heading>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.date}>
            <strong>{whenText(conflict.startsAt, conflict.endsAt, language)}</strong>:{' '}
            {t(conflictReasonKeys[conflict.problemReason] ?? 'series.reason.rules')}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SeriesOutcome({ result, venueId, spaceName }: { result: SeriesResult; venueId: string; spaceName: string }) {
  const { t, language } = useI18n();
  const isWaiting = result.booked.some((booking) => booking.status === 'requested');
  return (
    <>
      <PageTitle title={t('series.result.title')} />
      {/* oxlint-disable-next-line jsx-a11y/no-autofocus */}
      <h1 tabIndex={-1} autoFocus>
        {t('series.result.title')}
      </h1>
      <div className="notice">
        <p>
          {t(isWaiting ? 'series.result.requested' : 'series.result.booked', {
            count: result.booked.length,
            title: result.series.title,
          })}
        </p>
      </div>
      <section className="section" aria-labelledby="booked-title">
        <h2 id="booked-title">{t('series.result.bookedTitle', { count: result.booked.length, space: spaceName })}</h2>
        <ul className="series-dates series-dates--result">
          {result.booked.map((booking) => (
            <li key={booking.id}>
              {whenText(booking.startsAt, booking.endsAt, language)} – {t(bookingStateKeys[booking.status])}
            </li>
          ))}
        </ul>
      </section>
      {result.conflicts.length > 0 ? <ConflictList conflicts={result.conflicts} /> : <p>{t('series.result.noConflicts')}</p>}
      <div className="actions">
        <Link className="button" to="/bookings">
          {t('series.result.toBookings')}
        </Link>
        <Link className="button button--secondary" to={`/venues/${venueId}`}>
          {t('series.result.toVenue')}
        </Link>
      </div>
    </>
  );
}
