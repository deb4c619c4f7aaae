import { data, Form, Link, useActionData, useLoaderData, useSearchParams } from 'react-router';
import type { Route } from './+types/edit';
import {
  eventApiErrors,
  readEventForm,
  readEventTimes,
  readEventValues,
  requestSpaceForEvent,
  type EventFormFailure,
} from '../../components/organiser-events/event-form.server';
import { EventForm } from '../../components/organiser-events/event-form';
import { EventFacts, RecurrenceSummary } from '../../components/organiser-events/event-facts';
import { eventPath, eventsPath } from '../../components/organiser-events/event-paths';
import { eventToValues, venueSpaceGroups } from '../../components/organiser-events/event-values';
import { pickText, statusKeys } from '../../components/organiser-events/event-labels';
import { OccurrenceList, type OccurrenceFailure } from '../../components/organiser-events/occurrence-list';
import eventStyles from '../../components/organiser-events/organiser-events.css?url';
import { EventImageSection } from '../../components/organiser-events/event-image-form';
import imageStyles from '../../components/organiser-events/event-image.css?url';
import { changeEventImage, type EventImageFailure } from '../../components/organiser-events/event-image-upload.server';
import { requireEventOrganiser } from '../../components/organiser-events/organiser-access.server';
import { PageTitle } from '../../components/page-title';
import {
  answerCoOrganisingRoute,
  cancelEventRoute,
  changeOccurrenceRoute,
  organisationEventRoute,
  publishEventRoute,
  updateEventRoute,
} from '@talkoot/events/schemas';
import { listPlacesRoute } from '@talkoot/identity/schemas';
import type { RouteInput } from '@talkoot/platform/schemas';
import { listVenuesRoute } from '@talkoot/venues/schemas';
import { apiErrorMessage, apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi, type ApiCaller } from '../../lib/api.server';
import type { OrganiserEvent } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { villageGroups } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState } from '../../lib/session.server';
import { CheckboxField } from '../../components/form-fields';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: eventStyles },
  { rel: 'stylesheet', href: imageStyles },
];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireEventOrganiser(state, params.id);
  const [{ event }, { venues }, { regions }] = await Promise.all([
    loadFromApi(state, organisationEventRoute, { params: { id: params.id, eventId: params.eventId } }),
    loadFromApi(state, listVenuesRoute),
    loadFromApi(state, listPlacesRoute),
  ]);
  return {
    organisationId: params.id,
    event,
    isOwn: event.organisation.id === params.id,
    invitation: event.coOrganisers.find((co) => co.id === params.id) ?? null,
    values: eventToValues(event, venues),
    venueGroups: venueSpaceGroups(venues),
    villageGroups: villageGroups(regions),
    now: Date.now(),
  };
}

type EditFailure =
  | (EventFormFailure & { intent: 'save' })
  | { intent: 'cancel'; errors: FieldErrors }
  | ({ intent: 'occurrence' } & NonNullable<OccurrenceFailure>)
  | EventImageFailure;

const doneMessages: Record<string, MessageKey> = {
  saved: 'events.done.saved',
  published: 'events.done.published',
  cancelled: 'events.done.cancelled',
  date: 'events.done.date',
  accepted: 'events.done.accepted',
  declined: 'events.done.declined',
  image: 'events.image.done.saved',
  'image-removed': 'events.image.done.removed',
};

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireEventOrganiser(state, params.id);
  const formData = await request.formData();
  const values = readEventValues(formData);
  const intent = values.intent ?? '';
  const here = eventPath(params.id, params.eventId);
  const ofEvent = { params: { id: params.id, eventId: params.eventId } };
  try {
    if (intent === 'accept' || intent === 'decline') {
      await callApi(state, answerCoOrganisingRoute, { ...ofEvent, body: { accept: intent === 'accept' } });
      return redirectWithCookies(`${eventsPath(params.id)}?done=${intent === 'accept' ? 'accepted' : 'declined'}`);
    }
    if (intent === 'publishNow') {
      await callApi(state, publishEventRoute, ofEvent);
      return redirectWithCookies(`${here}?done=published`);
    }
    if (intent === 'cancel') {
      if (values.confirmCancel !== 'yes')
        return data<EditFailure>(
          { intent: 'cancel', errors: { confirmCancel: 'events.cancel.confirmRequired' } },
          { status: 400 },
        );
      await callApi(state, cancelEventRoute, ofEvent);
      return redirectWithCookies(`${here}?done=cancelled`);
    }
    if (intent === 'image' || intent === 'image-remove')
      return await changeEventImage(state, params.id, params.eventId, intent, formData, values);
    if (intent.startsWith('occurrence-')) return await changeOccurrence(state, ofEvent.params, here, intent, values);
    return await saveEvent(state, params.id, params.eventId, values);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    if (error.status === 404 || error.status === 403) throw data({ code: error.code }, { status: error.status });
    if (intent.startsWith('occurrence-'))
      return data<EditFailure>(
        {
          intent: 'occurrence',
          occurrenceId: values.occurrenceId ?? '',
          errors: { form: apiErrorMessage(error, eventApiErrors) },
          values,
        },
        { status: error.status },
      );
    return data<EditFailure>({ intent: 'save', ...apiFailure(error, values) }, { status: error.status });
  }
}

function apiFailure(error: ApiError, values: Record<string, string>): EventFormFailure {
  return { errors: apiErrorsToFields(error, eventApiErrors), values };
}

async function saveEvent(state: ApiCaller, organisationId: string, eventId: string, values: Record<string, string>) {
  const ofEvent = { params: { id: organisationId, eventId } };
  const { event } = await callApi(state, organisationEventRoute, ofEvent);
  const { venues } = await callApi(state, listVenuesRoute);
  const { errors, draft } = readEventForm(values, venues, { isEdit: true, hasFixedTimes: event.recurrence !== null });
  if (!draft) return data<EditFailure>({ intent: 'save', errors, values }, { status: 400 });
  const { event: saved } = await callApi(state, updateEventRoute, { ...ofEvent, body: draft.body });
  const here = eventPath(organisationId, eventId);
  if (draft.booking && !saved.bookingId) {
    const outcome = await requestSpaceForEvent(state, organisationId, saved, draft.booking.spaceId, state.language);
    if (!outcome.isBooked) {
      const query = new URLSearchParams({ booking: outcome.reason, ...(outcome.slot ? { slot: outcome.slot } : {}) });
      return redirectWithCookies(`${here}?${query}`);
    }
  }
  if (draft.shouldPublish && saved.status === 'draft') {
    await callApi(state, publishEventRoute, ofEvent);
    return redirectWithCookies(`${here}?done=published`);
  }
  return redirectWithCookies(`${here}?done=saved`);
}

async function changeOccurrence(
  state: ApiCaller,
  event: { id: string; eventId: string },
  here: string,
  intent: string,
  values: Record<string, string>,
) {
  const occurrenceId = values.occurrenceId ?? '';
  let body: RouteInput<typeof changeOccurrenceRoute>['body'];
  if (intent === 'occurrence-cancel' || intent === 'occurrence-restore') {
    body = { isCancelled: intent === 'occurrence-cancel' };
  } else if (intent === 'occurrence-move') {
    const errors: FieldErrors = {};
    const times = readEventTimes(values, errors, 'move');
    if (!times) return data<EditFailure>({ intent: 'occurrence', occurrenceId, errors, values }, { status: 400 });
    body = { startsAt: times.startsAt, endsAt: times.endsAt };
  } else {
    const note: Record<string, string> = {};
    for (const language of ['fi', 'sv', 'en'] as const) {
      const text = (values[`note${language[0]!.toUpperCase()}${language[1]}`] ?? '').trim();
      if (text.length > 500)
        return data<EditFailure>(
          { intent: 'occurrence', occurrenceId, errors: { noteFi: 'validation.tooLong' }, values },
          { status: 400 },
        );
      if (text) note[language] = text;
    }
    body = { note: Object.keys(note).length ? note : null };
  }
  await callApi(state, changeOccurrenceRoute, { params: { ...event, occurrenceId }, body });
  return redirectWithCookies(`${here}?done=date#event-dates`);
}

export default function EditEvent() {
  const { t, language } = useI18n();
  const {
    organisationId,
    now,
    event,
    isOwn,
    invitation,
    values,
    venueGroups,
    villageGroups: villages,
  } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const title = pickText(event.title, language);
  const done = doneMessages[search.get('done') ?? ''];
  const booking = search.get('booking');
  const slot = search.get('slot');
  const saveFailure = failure?.intent === 'save' ? failure : null;
  const cancelError = failure?.intent === 'cancel' ? failure.errors.confirmCancel : undefined;
  const isDraft = event.status === 'draft';
  const isCancelled = event.status === 'cancelled';
  return (
    <div className="organiser-events">
      <PageTitle title={title?.text ?? t('events.edit.title')} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={eventsPath(organisationId)}>{t('events.list.title')}</Link>
      </p>
      <h1 lang={title?.language}>{title?.text ?? t('events.edit.title')}</h1>
      <p className="lead">
        {t('events.edit.statusLabel')}:{' '}
        <strong className={`event-status event-status--${event.status}`}>{t(statusKeys[event.status])}</strong>
      </p>
      {done ? (
        <div className="notice">
          <p>{t(done)}</p>
        </div>
      ) : null}
      {booking === 'requested' ? (
        <div className="notice">
          <p>{t('events.booking.requested')}</p>
        </div>
      ) : null}
      {booking === 'taken' || booking === 'refused' ? (
        <div className="panel panel--warning" role="alert">
          <p>
            <strong>{booking === 'taken' ? t('events.booking.taken') : t('events.booking.refused')}</strong>
          </p>
          {booking === 'taken' && slot ? <p>{t('events.booking.takenSlot', { slot })}</p> : null}
          <p>{t('events.booking.keptDraft')}</p>
        </div>
      ) : null}

      {!isOwn ? (
        <CoOrganiserView event={event} invitationStatus={invitation?.status ?? null} />
      ) : (
        <>
          {isDraft ? (
            <section className="panel panel--info" aria-labelledby="event-publish">
              <h2 id="event-publish">{t('events.edit.draftTitle')}</h2>
              <p>{t('events.edit.draftText')}</p>
              <Form method="post">
                <button type="submit" name="intent" value="publishNow" className="button">
                  {t('events.edit.publishNow')}
                </button>
              </Form>
            </section>
          ) : null}
          {isCancelled ? <p className="panel panel--warning">{t('events.edit.cancelledText')}</p> : null}
          {event.status !== 'draft' ? (
            <p>
              <a href={`/events/${event.id}`}>{t('events.edit.publicPage')}</a>
            </p>
          ) : null}
          <RecurrenceSummary event={event} />
          {event.coOrganisers.length ? <EventFacts event={event} /> : null}
          {!isCancelled ? (
            <section className="section" aria-labelledby="event-edit-form">
              <h2 id="event-edit-form">{t('events.edit.formTitle')}</h2>
              <EventForm
                values={saveFailure?.values ?? values}
                errors={saveFailure?.errors ?? {}}
                venueGroups={venueGroups}
                villageGroups={villages}
                organisations={null}
                hasFixedTimes={event.recurrence !== null}
                isRecurrenceEditable={false}
                hasBooking={event.bookingId !== null}
                buttons={
                  <>
                    <button type="submit" name="intent" value="save" className={isDraft ? 'button button--secondary' : 'button'}>
                      {t('events.edit.save')}
                    </button>
                    {isDraft ? (
                      <button type="submit" name="intent" value="publish" className="button">
                        {t('events.edit.saveAndPublish')}
                      </button>
                    ) : null}
                  </>
                }
              />
            </section>
          ) : null}
          {!isCancelled ? (
            <EventImageSection
              event={event}
              failure={failure?.intent === 'image' || failure?.intent === 'image-remove' ? failure : null}
            />
          ) : null}
          {event.recurrence && !isCancelled ? (
            <OccurrenceList event={event} now={now} failure={failure?.intent === 'occurrence' ? failure : null} />
          ) : null}
          {!isCancelled ? (
            <section className="section section--danger" aria-labelledby="event-cancel">
              <h2 id="event-cancel">{t('events.cancel.title')}</h2>
              <p>{t('events.cancel.text')}</p>
              <Form method="post" className="confirm stack" noValidate>
                <CheckboxField
                  idPrefix="event"
                  name="confirmCancel"
                  label={t('events.cancel.confirm')}
                  error={cancelError ? t(cancelError as MessageKey) : undefined}
                />
                <button type="submit" name="intent" value="cancel" className="button button--danger">
                  {t('events.cancel.button')}
                </button>
              </Form>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

function CoOrganiserView({
  event,
  invitationStatus,
}: {
  event: OrganiserEvent;
  invitationStatus: 'invited' | 'accepted' | 'declined' | null;
}) {
  const { t } = useI18n();
  return (
    <>
      <p>{t('events.invitation.text', { name: event.organisation.name })}</p>
      <EventFacts event={event} />
      {invitationStatus === 'invited' ? (
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="accept" className="button">
            {t('events.invitation.accept')}
          </button>
          <button type="submit" name="intent" value="decline" className="button button--secondary">
            {t('events.invitation.decline')}
          </button>
        </Form>
      ) : (
        <p>{invitationStatus === 'accepted' ? t('events.invitation.accepted') : t('events.invitation.declined')}</p>
      )}
    </>
  );
}
