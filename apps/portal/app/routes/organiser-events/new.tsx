import { Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/new';
import {
  eventApiErrors,
  eventFailure,
  readEventForm,
  readEventValues,
  requestSpaceForEvent,
} from '../../components/organiser-events/event-form.server';
import { EventForm } from '../../components/organiser-events/event-form';
import { eventPath, eventsPath } from '../../components/organiser-events/event-paths';
import { newEventValues, venueSpaceGroups } from '../../components/organiser-events/event-values';
import eventStyles from '../../components/organiser-events/organiser-events.css?url';
import { requireEventOrganiser } from '../../components/organiser-events/organiser-access.server';
import { PageTitle } from '../../components/page-title';
import { createEventRoute, publishEventRoute } from '@talkoot/events/schemas';
import { listOrganisationsRoute, listPlacesRoute } from '@talkoot/identity/schemas';
import type { RouteInput } from '@talkoot/platform/schemas';
import { listVenuesRoute } from '@talkoot/venues/schemas';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import type { OrganiserEvent } from '../../lib/api-types';
import { villageGroups } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: eventStyles }];

async function loadChoices(context: Route.LoaderArgs['context']) {
  const state = getRequestState(context);
  const [{ venues }, { regions }, { organisations }] = await Promise.all([
    loadFromApi(state, listVenuesRoute),
    loadFromApi(state, listPlacesRoute),
    loadFromApi(state, listOrganisationsRoute),
  ]);
  return { venues, regions, organisations };
}

export async function loader({ context, params }: Route.LoaderArgs) {
  const { organisationName } = requireEventOrganiser(getRequestState(context), params.id);
  const { venues, regions, organisations } = await loadChoices(context);
  const own = organisations.find((organisation) => organisation.id === params.id);
  return {
    organisation: { id: params.id, name: own?.name ?? organisationName ?? '' },
    venueGroups: venueSpaceGroups(venues),
    villageGroups: villageGroups(regions),
    others: organisations
      .filter((organisation) => organisation.id !== params.id)
      .map((organisation) => ({ id: organisation.id, name: organisation.name })),
    defaults: newEventValues(venues.find((venue) => venue.organisation.id === params.id)),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireEventOrganiser(state, params.id);
  const { venues } = await loadFromApi(state, listVenuesRoute);
  const values = readEventValues(await request.formData());
  const { errors, draft } = readEventForm(values, venues, { isEdit: false, hasFixedTimes: false });
  if (!draft) return eventFailure(errors, values);
  let event: OrganiserEvent;
  try {
    // The form's body as read (readEventForm); the api checks it against the contract.
    ({ event } = await callApi(state, createEventRoute, {
      params: { id: params.id },
      body: draft.body as RouteInput<typeof createEventRoute>['body'],
    }));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    if (error.status === 403 || error.status === 404)
      return eventFailure({ form: 'events.form.notAllowed' }, values, error.status);
    return eventFailure(apiErrorsToFields(error, eventApiErrors), values, error.status);
  }
  if (!draft.booking)
    return redirectWithCookies(`${eventPath(params.id, event.id)}?done=${draft.shouldPublish ? 'published' : 'saved'}`);
  const outcome = await requestSpaceForEvent(state, params.id, event, draft.booking.spaceId, state.language);
  if (!outcome.isBooked) {
    // The event stays a draft: the organiser chooses another time or place first.
    const query = new URLSearchParams({ booking: outcome.reason, ...(outcome.slot ? { slot: outcome.slot } : {}) });
    return redirectWithCookies(`${eventPath(params.id, event.id)}?${query}`);
  }
  if (draft.shouldPublish) await callApi(state, publishEventRoute, { params: { id: params.id, eventId: event.id } });
  return redirectWithCookies(
    `${eventPath(params.id, event.id)}?done=${draft.shouldPublish ? 'published' : 'saved'}&booking=requested`,
  );
}

export default function NewEvent() {
  const { t } = useI18n();
  const { organisation, venueGroups, villageGroups: villages, others, defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <div className="organiser-events">
      <PageTitle title={t('events.new.title')} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={eventsPath(organisation.id)}>{t('events.list.title')}</Link>
      </p>
      <h1>{t('events.new.title')}</h1>
      <p className="lead">{t('events.new.intro', { name: organisation.name })}</p>
      <EventForm
        values={failure?.values ?? defaults}
        errors={failure?.errors ?? {}}
        venueGroups={venueGroups}
        villageGroups={villages}
        organisations={others}
        hasFixedTimes={false}
        isRecurrenceEditable
        buttons={
          <>
            <button type="submit" name="intent" value="draft" className="button button--secondary">
              {t('events.form.saveDraft')}
            </button>
            <button type="submit" name="intent" value="publish" className="button">
              {t('events.form.publish')}
            </button>
          </>
        }
      />
      <p className="field__hint">{t('events.form.buttonsHint')}</p>
    </div>
  );
}
