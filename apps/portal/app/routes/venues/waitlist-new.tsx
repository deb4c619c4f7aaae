import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import { helsinkiToInstant, isClockText } from '@talkoot/platform/time';
import type { Route } from './+types/waitlist-new';
import { bookingApiErrors, readTimes, readTitle } from '../../components/bookings/booking-form.server';
import { parseDateInput, whenText } from '../../components/bookings/booking-format';
import bookingStyles from '../../components/bookings/bookings.css?url';
import { ErrorSummary } from '../../components/error-summary';
import { BookingWhenFields, BookingTitleField, BookingOrganisationField } from '../../components/bookings/booking-fields';
import { PageTitle } from '../../components/page-title';
import { joinWaitlistRoute, listVenuesRoute } from '@talkoot/venues/schemas';
import { apiErrorMessage } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi, type ApiCaller } from '../../lib/api.server';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

async function findSpace(state: ApiCaller, spaceId: string | null) {
  const { venues } = await loadFromApi(state, listVenuesRoute);
  for (const venue of venues) {
    const space = venue.spaces.find((candidate) => candidate.id === spaceId);
    if (space)
      return {
        venue: { id: venue.id, name: venue.name },
        space: { id: space.id, name: space.name, bookableBy: space.bookableBy },
      };
  }
  throw data({ code: 'not_found' }, { status: 404 });
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const query = new URL(request.url).searchParams;
  const { venue, space } = await findSpace(state, query.get('space'));
  const date = parseDateInput(query.get('date') ?? '') ?? '';
  const from = isClockText(query.get('from') ?? '') ? query.get('from')! : '';
  const to = isClockText(query.get('to') ?? '') ? query.get('to')! : '';
  const start = date && from ? helsinkiToInstant(date, from) : null;
  const end = date && to ? helsinkiToInstant(date, to) : null;
  return {
    venue,
    space,
    prefill: { date, startTime: from, endTime: to },
    slot: start && end && end.time > start.time ? { startsAt: start.iso, endsAt: end.iso } : null,
    memberships: viewer.memberships.map((m) => ({ organisation: m.organisation })),
  };
}

type JoinFailure = { errors: FieldErrors; values: Record<string, string> };

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const { space } = await findSpace(state, new URL(request.url).searchParams.get('space'));
  const values = readFormValues(await request.formData());
  const errors: FieldErrors = {};
  const times = readTimes(values, errors);
  const title = readTitle(values, errors);
  const organisationId = values.organisationId || null;
  if (organisationId && !viewer.memberships.some((m) => m.organisation.id === organisationId))
    errors.organisationId = 'validation.choose';
  if (space.bookableBy === 'region' && !organisationId) errors.organisationId = 'venues.form.organisationRequired';
  const failure = (fieldErrors: FieldErrors, status = 400) => data<JoinFailure>({ errors: fieldErrors, values }, { status });
  if (Object.keys(errors).length > 0 || !times) return failure(errors);
  try {
    await callApi(state, joinWaitlistRoute, {
      body: { spaceId: space.id, startsAt: times.start.iso, endsAt: times.end.iso, title, organisationId },
    });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    // Said at the top: the time is free after all (book it instead), already queued for, or not taken by the space.
    return failure({ form: apiErrorMessage(error, bookingApiErrors) }, error.status);
  }
  return redirectWithCookies('/waitlist', [serializeNoticeCookie('waitlist_joined')]);
}

export default function JoinWaitlist() {
  const { t, language } = useI18n();
  const { venue, space, prefill, slot, memberships } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values: Record<string, string> = failure?.values ?? prefill;
  const labels: Record<string, string> = {
    date: t('venues.form.date'),
    startTime: t('venues.form.startTime'),
    endTime: t('venues.form.endTime'),
    title: t('venues.form.bookingTitle'),
    organisationId: t('venues.form.organisation'),
  };
  const errorText = (name: string) => (failure?.errors[name] ? t(failure.errors[name] as MessageKey) : undefined);
  const isFree = failure?.errors.form === 'waitlist.form.isFree';
  return (
    <>
      <PageTitle title={t('waitlist.join.title')} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/venues/${venue.id}?space=${space.id}`}>{venue.name}</Link>
      </p>
      <h1>{t('waitlist.join.title')}</h1>
      <p className="lead">
        {slot
          ? t('waitlist.join.introSlot', {
              place: `${venue.name}, ${space.name}`,
              when: whenText(slot.startsAt, slot.endsAt, language),
            })
          : t('waitlist.join.intro', { place: `${venue.name}, ${space.name}` })}
      </p>
      <div className="panel panel--info">
        <p>{t('waitlist.howItWorks')}</p>
      </div>
      <ErrorSummary errors={failure?.errors} labels={labels} idPrefix="waitlist" />
      {isFree ? (
        <p>
          <Link to={`/venues/${venue.id}?space=${space.id}`}>{t('waitlist.form.bookInstead')}</Link>
        </p>
      ) : null}
      <Form method="post" noValidate className="stack narrow">
        <BookingWhenFields idPrefix="waitlist" labels={labels} values={values} errorText={errorText} />
        <BookingTitleField idPrefix="waitlist" labels={labels} values={values} errorText={errorText} />
        <BookingOrganisationField
          idPrefix="waitlist"
          labels={labels}
          values={values}
          errorText={errorText}
          memberships={memberships}
        />
        <button type="submit" className="button">
          {t('waitlist.join.submit')}
        </button>
      </Form>
    </>
  );
}
