import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/assisted-new';
import { bookingApiErrors, readTimes, readTitle } from '../../components/bookings/booking-form.server';
import bookingStyles from '../../components/bookings/bookings.css?url';
import { sheetPath } from '../../components/bookings/owner-bookings';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxChoice, FieldError, SelectField, TextField } from '../../components/form-fields';
import { BookingWhenFields, BookingTitleField } from '../../components/bookings/booking-fields';
import { PageTitle } from '../../components/page-title';
import { assistedBookingRoute, listVenuesRoute } from '@talkoot/venues/schemas';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi, type ApiCaller } from '../../lib/api.server';
import type { Booking, Viewer } from '../../lib/api-types';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

// Coordinators and admins of the owning organisation book for residents without an account.
function requireCoordinator(viewer: Viewer, organisationId: string) {
  const membership = viewer.memberships.find(
    (m) => m.organisation.id === organisationId && (m.role === 'admin' || m.role === 'coordinator'),
  );
  if (!membership && !viewer.user.isPlatformAdmin) throw data({ code: 'forbidden' }, { status: 403 });
  return membership?.organisation ?? null;
}

async function organisationVenues(state: ApiCaller, organisationId: string) {
  const { venues } = await loadFromApi(state, listVenuesRoute);
  return venues.filter((venue) => venue.organisation.id === organisationId);
}

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const organisation = requireCoordinator(requireViewer(state), params.id);
  const venues = await organisationVenues(state, params.id);
  return {
    organisation: organisation ?? venues[0]?.organisation ?? { id: params.id, name: '' },
    groups: venues.map((venue) => ({
      label: venue.name,
      options: venue.spaces.map((space) => ({ value: space.id, label: `${space.name} (${venue.name})` })),
    })),
  };
}

type AssistedFailure = { errors: FieldErrors; values: Record<string, string> };

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireCoordinator(requireViewer(state), params.id);
  const venues = await organisationVenues(state, params.id);
  const values = readFormValues(await request.formData());
  const errors: FieldErrors = {};
  const space = venues.flatMap((venue) => venue.spaces).find((candidate) => candidate.id === values.spaceId);
  if (!space) errors.spaceId = 'validation.choose';
  const times = readTimes(values, errors);
  const title = readTitle(values, errors);
  const guestName = values.guestName?.trim() ?? '';
  if (!guestName) errors.guestName = 'validation.required';
  else if (guestName.length < 2) errors.guestName = 'validation.tooShort';
  const guestPhone = values.guestPhone?.trim() ?? '';
  if (!guestPhone) errors.guestPhone = 'validation.required';
  else if (!/^\+?[0-9 ()-]{5,40}$/.test(guestPhone)) errors.guestPhone = 'validation.phone';
  const guestEmail = values.guestEmail?.trim() ?? '';
  if (guestEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(guestEmail)) errors.guestEmail = 'validation.email';
  if (values.consent !== 'yes') errors.consent = 'assisted.form.consentRequired';
  const failure = (fieldErrors: FieldErrors, status = 400) => data<AssistedFailure>({ errors: fieldErrors, values }, { status });
  if (Object.keys(errors).length > 0 || !space || !times) return failure(errors);
  let booking: Booking;
  try {
    ({ booking } = await callApi(state, assistedBookingRoute, {
      params: { id: params.id },
      body: {
        spaceId: space.id,
        startsAt: times.start.iso,
        endsAt: times.end.iso,
        title,
        guestName,
        guestPhone,
        guestEmail,
        consent: true,
      },
    }));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    if (error.status === 409) return failure({ startTime: 'assisted.form.taken' }, 409);
    return failure(apiErrorsToFields(error, bookingApiErrors), error.status);
  }
  return redirectWithCookies(sheetPath(params.id, booking.id), [serializeNoticeCookie('assisted_booked')]);
}

export default function AssistedBooking() {
  const { t } = useI18n();
  const { organisation, groups } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const labels: Record<string, string> = {
    spaceId: t('venues.form.space'),
    date: t('venues.form.date'),
    startTime: t('venues.form.startTime'),
    endTime: t('venues.form.endTime'),
    title: t('venues.form.bookingTitle'),
    guestName: t('assisted.form.guestName'),
    guestPhone: t('assisted.form.guestPhone'),
    guestEmail: t('assisted.form.guestEmail'),
    consent: t('assisted.form.consent'),
  };
  const errorText = (name: string) => (failure?.errors[name] ? t(failure.errors[name] as MessageKey) : undefined);
  const consentError = errorText('consent');
  return (
    <>
      <PageTitle title={t('assisted.title')} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to="/bookings">{t('venues.bookings.title')}</Link>
      </p>
      <h1>{t('assisted.title')}</h1>
      <p className="lead">{t('assisted.intro', { name: organisation.name })}</p>
      {groups.length === 0 ? (
        <p>{t('assisted.noSpaces')}</p>
      ) : (
        <>
          <ErrorSummary errors={failure?.errors} labels={labels} idPrefix="assisted" />
          <Form method="post" noValidate className="stack narrow">
            <SelectField
              name="spaceId"
              idPrefix="assisted"
              label={labels.spaceId!}
              error={errorText('spaceId')}
              defaultValue={values.spaceId}
              groups={groups}
            />
            <BookingWhenFields idPrefix="assisted" labels={labels} values={values} errorText={errorText} />
            <BookingTitleField idPrefix="assisted" labels={labels} values={values} errorText={errorText} />
            <TextField
              name="guestName"
              idPrefix="assisted"
              label={labels.guestName!}
              error={errorText('guestName')}
              defaultValue={values.guestName}
              maxLength={160}
              autoComplete="off"
            />
            <TextField
              name="guestPhone"
              idPrefix="assisted"
              type="tel"
              label={labels.guestPhone!}
              hint={t('assisted.form.guestPhoneHint')}
              error={errorText('guestPhone')}
              defaultValue={values.guestPhone}
              maxLength={40}
              autoComplete="off"
            />
            <TextField
              name="guestEmail"
              idPrefix="assisted"
              type="email"
              label={labels.guestEmail!}
              hint={t('assisted.form.guestEmailHint')}
              error={errorText('guestEmail')}
              defaultValue={values.guestEmail}
              autoComplete="off"
            />
            <fieldset className={consentError ? 'field field--error' : 'field'}>
              <legend>{t('assisted.form.consentLegend')}</legend>
              <blockquote className="consent-text" id="assisted-consent-text">
                {t('assisted.form.consentText')}
              </blockquote>
              {consentError ? <FieldError id="assisted-consent-error" error={consentError} /> : null}
              <CheckboxChoice
                id="assisted-consent"
                name="consent"
                label={labels.consent}
                isChecked={values.consent === 'yes'}
                isInvalid={!!consentError}
                describedBy={['assisted-consent-text', consentError ? 'assisted-consent-error' : ''].filter(Boolean).join(' ')}
              />
            </fieldset>
            <p className="field__hint">{t('assisted.form.submitHint')}</p>
            <button type="submit" className="button">
              {t('assisted.form.submit')}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
