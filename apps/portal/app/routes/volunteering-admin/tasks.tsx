import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/tasks';
import { whenText } from '../../components/bookings/booking-format';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextField } from '../../components/form-fields';
import { PageTitle } from '../../components/page-title';
import {
  applyTemplateRoute,
  deleteTemplateRoute,
  listTemplatesRoute,
  organisationTasksRoute,
  saveTemplateRoute,
} from '@talkoot/volunteering/schemas';
import { loadEventChoices, requireCoordinator } from '../../components/volunteering/coordinator.server';
import { localText, toTaskCards } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

const templateFields = ['eventId', 'template', 'place', 'contactName', 'contactPhone', 'contactEmail'] as const;

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireCoordinator(state, params.id);
  const [events, { tasks }, { templates }] = await Promise.all([
    loadEventChoices(state, params.id, state.language),
    loadFromApi(state, organisationTasksRoute, { params: { id: params.id } }),
    loadFromApi(state, listTemplatesRoute, { params: { id: params.id } }),
  ]);
  const cards = toTaskCards(tasks, state.language, Date.now());
  const eventOf = new Map(tasks.map((task) => [task.id, task.eventId]));
  return {
    organisationId: params.id,
    organisationName,
    events: events.map((event) => ({ ...event, tasks: cards.filter((card) => eventOf.get(card.id) === event.id) })),
    standing: cards.filter((card) => eventOf.get(card.id) === null),
    templates: templates.map((template) => ({
      key: template.key,
      isBuiltIn: template.isBuiltIn,
      name: localText(template.name, state.language),
      count: template.tasks.length,
    })),
    contactName: state.viewer?.user.name ?? '',
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireCoordinator(state, params.id);
  const values = readFormValues(await request.formData());
  if (values.intent === 'save-template' || values.intent === 'delete-template') return ownTemplate(state, params.id, values);
  const events = await loadEventChoices(state, params.id, state.language);
  const event = events.find((candidate) => candidate.id === values.eventId);
  const errors: FieldErrors = {};
  if (!event) errors.eventId = 'validation.choose';
  if (!values.template) errors.template = 'validation.choose';
  if (!(values.contactName ?? '').trim()) errors.contactName = 'validation.required';
  const failed = (found: FieldErrors) => data({ errors: found, values }, { status: 400 });
  if (Object.keys(errors).length > 0 || !event) return failed(errors);
  try {
    await callApi(state, applyTemplateRoute, {
      params: { id: params.id, key: values.template! },
      body: {
        eventId: event.id,
        eventDate: event.date,
        place: (values.place ?? '').trim(),
        contact: {
          name: values.contactName!.trim(),
          phone: (values.contactPhone ?? '').trim() || null,
          email: (values.contactEmail ?? '').trim() || null,
        },
      },
    });
  } catch (error) {
    if (error instanceof ApiError && [400, 404, 409, 422].includes(error.status))
      return failed(
        apiErrorsToFields(error, {
          fields: {
            'contact.name': 'contactName',
            'contact.phone': 'contactPhone',
            'contact.email': 'contactEmail',
            eventDate: 'eventId',
          },
          formFields: templateFields,
        }),
      );
    throw error;
  }
  return redirectWithCookies(`/organisations/${params.id}/volunteering?applied=${event.id}#event-${event.id}`);
}

// An organisation keeps its own templates: an event's tasks saved under a name, or one deleted.
async function ownTemplate(state: ReturnType<typeof getRequestState>, organisationId: string, values: Record<string, string>) {
  const base = `/organisations/${organisationId}/volunteering`;
  const failed = (found: FieldErrors) => data({ errors: found, values }, { status: 400 });
  if (values.intent === 'delete-template') {
    if (!values.templateId) return failed({ form: 'validation.invalid' });
    if (values.confirm !== 'yes') return failed({ [`confirm-${values.templateId}`]: 'validation.confirmDelete' });
    try {
      await callApi(state, deleteTemplateRoute, { params: { id: organisationId, templateId: values.templateId } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return failed({ form: 'form.gone' });
      throw error;
    }
    return redirectWithCookies(`${base}#vol-own-templates`, [serializeNoticeCookie('volunteer_template_deleted')]);
  }
  const events = await loadEventChoices(state, organisationId, state.language);
  const event = events.find((candidate) => candidate.id === values.eventId);
  const name = (values.templateName ?? '').trim();
  if (!event) return failed({ form: 'validation.invalid' });
  if (name.length < 2) return failed({ [`templateName-${event.id}`]: 'validation.required' });
  try {
    await callApi(state, saveTemplateRoute, {
      params: { id: organisationId },
      body: { eventId: event.id, eventDate: event.date, name: { [state.language]: name.slice(0, 200) } },
    });
  } catch (error) {
    if (error instanceof ApiError && [400, 422].includes(error.status))
      return failed({ [`templateName-${event.id}`]: 'validation.checkField' });
    throw error;
  }
  return redirectWithCookies(`${base}#vol-own-templates`, [serializeNoticeCookie('volunteer_template_saved')]);
}

// The coordinator's desk: the organisation's tasks per coming event and its standing work, a
// template to fill an event in one go, and the links to each event's paper sheet and results.
export default function VolunteeringTasks() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, events, standing, templates, contactName } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors ?? {};
  const values = failure?.values ?? {};
  const title = t('volunteeringAdmin.title', { name: organisationName });
  const base = `/organisations/${organisationId}/volunteering`;
  const labels: Record<string, string> = {
    form: t('volunteering.claim.problem'),
    eventId: t('volunteeringAdmin.template.event'),
    template: t('volunteeringAdmin.template.template'),
    place: t('volunteeringAdmin.task.place'),
    contactName: t('volunteeringAdmin.task.contactName'),
    contactPhone: t('volunteeringAdmin.task.contactPhone'),
    contactEmail: t('volunteeringAdmin.task.contactEmail'),
  };
  const error = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}`}>{organisationName}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('volunteeringAdmin.intro')}</p>
      <p className="actions">
        <Link to={`${base}/tasks/new`} className="button button--secondary">
          {t('volunteeringAdmin.newStanding')}
        </Link>
        <Link to={`${base}/hours`} className="button button--secondary">
          {t('volunteeringAdmin.hours.title')}
        </Link>
      </p>

      <section className="section" aria-labelledby="vol-template">
        <h2 id="vol-template">{t('volunteeringAdmin.template.title')}</h2>
        <p>{t('volunteeringAdmin.template.intro')}</p>
        {events.length === 0 ? (
          <p>{t('volunteeringAdmin.noEvents')}</p>
        ) : (
          <>
            <ErrorSummary errors={failure && !values.intent ? errors : undefined} labels={labels} idPrefix="template" />
            <Form method="post" noValidate>
              <SelectField
                name="eventId"
                idPrefix="template"
                label={labels.eventId!}
                placeholder={t('volunteeringAdmin.template.chooseEvent')}
                options={events.map((event) => ({
                  value: event.id,
                  label: `${event.title} (${event.date.split('-').toReversed().join('.')})`,
                }))}
                defaultValue={values.eventId}
                error={error('eventId')}
              />
              <SelectField
                name="template"
                idPrefix="template"
                label={labels.template!}
                placeholder={t('volunteeringAdmin.template.chooseTemplate')}
                options={templates.map((template) => ({
                  value: template.key,
                  label: `${template.name} (${t('volunteeringAdmin.template.taskCount', { count: template.count })})`,
                }))}
                defaultValue={values.template}
                error={error('template')}
              />
              <TextField
                name="place"
                idPrefix="template"
                label={labels.place!}
                defaultValue={values.place}
                error={error('place')}
              />
              <TextField
                name="contactName"
                idPrefix="template"
                label={labels.contactName!}
                autoComplete="name"
                defaultValue={values.contactName ?? contactName}
                error={error('contactName')}
              />
              <TextField
                name="contactPhone"
                idPrefix="template"
                type="tel"
                label={labels.contactPhone!}
                defaultValue={values.contactPhone}
                error={error('contactPhone')}
              />
              <TextField
                name="contactEmail"
                idPrefix="template"
                type="email"
                label={labels.contactEmail!}
                defaultValue={values.contactEmail}
                error={error('contactEmail')}
              />
              <p>
                <button type="submit" className="button">
                  {t('volunteeringAdmin.template.apply')}
                </button>
              </p>
            </Form>
          </>
        )}
      </section>

      {events.map((event) => (
        <section key={event.id} className="section" aria-labelledby={`event-${event.id}`}>
          <h2 id={`event-${event.id}`}>
            {event.title} · {event.date.split('-').toReversed().join('.')}
          </h2>
          <p className="actions">
            <Link to={`${base}/tasks/new?eventId=${event.id}`} className="button button--secondary">
              {t('volunteeringAdmin.addTask')}
            </Link>
            {event.tasks.length > 0 ? (
              <>
                <Link to={`${base}/events/${event.id}/sheet`} className="button button--secondary">
                  {t('volunteeringAdmin.sheet.link')}
                </Link>
                <Link to={`${base}/events/${event.id}/results`} className="button button--secondary">
                  {t('volunteeringAdmin.results.link')}
                </Link>
                <Link to={`/events/${event.id}/volunteering`}>{t('volunteeringAdmin.publicList')}</Link>
              </>
            ) : null}
          </p>
          {event.tasks.length === 0 ? <p>{t('volunteeringAdmin.noTasks')}</p> : null}
          <TaskList tasks={event.tasks} base={base} language={language} />
          {event.tasks.length > 0 ? (
            <Form method="post" noValidate className="inline-form">
              <input type="hidden" name="intent" value="save-template" />
              <input type="hidden" name="eventId" value={event.id} />
              <TextField
                name="templateName"
                idPrefix={`save-${event.id}`}
                label={t('volunteeringAdmin.ownTemplates.name')}
                hint={t('volunteeringAdmin.ownTemplates.nameHint')}
                defaultValue={values.eventId === event.id ? values.templateName : undefined}
                error={error(`templateName-${event.id}`)}
              />
              <button type="submit" className="button button--secondary">
                {t('volunteeringAdmin.ownTemplates.save')}
              </button>
            </Form>
          ) : null}
        </section>
      ))}

      <section className="section" aria-labelledby="vol-own-templates">
        <h2 id="vol-own-templates">{t('volunteeringAdmin.ownTemplates.title')}</h2>
        {templates.some((template) => !template.isBuiltIn) ? (
          <ul className="card-list">
            {templates
              .filter((template) => !template.isBuiltIn)
              .map((template) => {
                const confirmError = error(`confirm-${template.key}`);
                return (
                  <li key={template.key} className="card">
                    <h3>{template.name}</h3>
                    <p>{t('volunteeringAdmin.template.taskCount', { count: template.count })}</p>
                    <Form method="post" className={confirmError ? 'field field--error' : undefined}>
                      <input type="hidden" name="intent" value="delete-template" />
                      <input type="hidden" name="templateId" value={template.key} />
                      {confirmError ? (
                        <p className="field__error" id={`confirm-${template.key}-error`} role="alert">
                          {confirmError}
                        </p>
                      ) : null}
                      <label className="choice">
                        <input
                          type="checkbox"
                          name="confirm"
                          value="yes"
                          aria-describedby={confirmError ? `confirm-${template.key}-error` : undefined}
                        />{' '}
                        {t('volunteeringAdmin.ownTemplates.confirmDelete')}
                        <span className="visually-hidden"> ({template.name})</span>
                      </label>
                      <button type="submit" className="button button--secondary button--small">
                        {t('volunteeringAdmin.ownTemplates.delete')}
                        <span className="visually-hidden">: {template.name}</span>
                      </button>
                    </Form>
                  </li>
                );
              })}
          </ul>
        ) : (
          <p>{t('volunteeringAdmin.ownTemplates.none')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="vol-standing">
        <h2 id="vol-standing">{t('volunteeringAdmin.standing')}</h2>
        {standing.length === 0 ? <p>{t('volunteeringAdmin.noTasks')}</p> : null}
        <TaskList tasks={standing} base={base} language={language} />
      </section>
    </>
  );
}

function TaskList({
  tasks,
  base,
  language,
}: {
  tasks: ReturnType<typeof toTaskCards>;
  base: string;
  language: Parameters<typeof whenText>[2];
}) {
  const { t } = useI18n();
  return (
    <ul className="card-list">
      {tasks.map((task) => (
        <li key={task.id} className="card">
          <h3>
            <Link to={`${base}/tasks/${task.id}`}>{task.title}</Link>
          </h3>
          <ul>
            {task.shifts.map((shift) => (
              <li key={shift.id}>
                {whenText(shift.startsAt, shift.endsAt, language)}:{' '}
                {t('volunteering.shift.places', { free: shift.free, taken: shift.taken, capacity: shift.capacity })}
                {shift.waiting > 0 ? ` · ${t('volunteering.shift.waiting', { count: shift.waiting })}` : ''}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
