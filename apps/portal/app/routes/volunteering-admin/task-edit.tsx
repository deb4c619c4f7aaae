import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/task-edit';
import { whenText } from '../../components/bookings/booking-format';
import { ErrorSummary } from '../../components/error-summary';
import {
  CheckboxField,
  CheckboxGroupField,
  DateTimeField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/form-fields';
import { PageTitle } from '../../components/page-title';
import {
  behalfClaimRoute,
  createTaskRoute,
  deleteTaskRoute,
  markAttendanceRoute,
  organisationTaskRoute,
  removeClaimRoute,
  requirementCodes,
  type RequirementCode,
  updateTaskRoute,
} from '@talkoot/volunteering/schemas';
import { loadEventChoices, requireCoordinator } from '../../components/volunteering/coordinator.server';
import { readTaskForm, shiftRows } from '../../components/volunteering/task-form';
import { requirementKeys } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import type { FieldErrors } from '../../lib/forms';
import { isLanguage, languageNames, languages, type MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

const emptyRows = 2;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireCoordinator(state, params.id);
  const events = await loadEventChoices(state, params.id, state.language);
  const found = params.taskId
    ? await loadFromApi(state, organisationTaskRoute, { params: { id: params.id, taskId: params.taskId } })
    : null;
  const eventId = found ? found.task.eventId : new URL(request.url).searchParams.get('eventId');
  const event = events.find((candidate) => candidate.id === eventId) ?? null;
  return {
    organisationId: params.id,
    organisationName,
    task: found?.task ?? null,
    claims: found?.claims ?? [],
    event,
    rows: shiftRows(found?.task ?? null, event?.date ?? '', emptyRows),
    contactName: state.viewer?.user.name ?? '',
    now: Date.now(),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireCoordinator(state, params.id);
  const form = await request.formData();
  const values: Record<string, string> = Object.fromEntries([...form.entries()].map(([key, value]) => [key, String(value)]));
  values.requirementsList = form.getAll('requirements').map(String).join(',');
  const page = (taskId: string) => `/organisations/${params.id}/volunteering/tasks/${taskId}`;
  const failed = (errors: FieldErrors, intent: string) => data({ errors, values, intent }, { status: 400 });

  // Cancelling: everyone with a place or in line gets a mail (the api sends them).
  if (values.intent === 'cancel-task' && params.taskId) {
    if (values.confirm !== 'yes') return failed({ confirm: 'validation.confirmDelete' }, 'cancel-task');
    try {
      await callApi(state, deleteTaskRoute, { params: { id: params.id, taskId: params.taskId } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return failed({ confirm: 'form.gone' }, 'cancel-task');
      throw error;
    }
    return redirectWithCookies(`/organisations/${params.id}/volunteering`, [serializeNoticeCookie('volunteer_task_cancelled')]);
  }

  if (values.intent === 'behalf' && params.taskId) {
    const name = (values.name ?? '').trim();
    const email = (values.email ?? '').trim();
    const phone = (values.phone ?? '').trim();
    const errors: FieldErrors = {};
    if (!name) errors.name = 'volunteering.claim.nameRequired';
    if (!email && !phone) errors.email = 'volunteering.claim.contactRequired';
    if (Object.keys(errors).length > 0) return failed(errors, `behalf-${values.shiftId}`);
    try {
      await callApi(state, behalfClaimRoute, {
        params: { id: params.id, shiftId: values.shiftId ?? '' },
        body: {
          name,
          email: email || null,
          phone: phone || null,
          language: isLanguage(values.language) ? values.language : 'fi',
        },
      });
    } catch (error) {
      if (error instanceof ApiError && [400, 409, 422].includes(error.status))
        return failed(apiErrorsToFields(error, { formFields: ['name', 'email', 'phone'] }), `behalf-${values.shiftId}`);
      throw error;
    }
    return redirectWithCookies(`${page(params.taskId)}#shift-${values.shiftId}`);
  }
  if (values.intent === 'remove' && params.taskId) {
    await callApi(state, removeClaimRoute, { params: { id: params.id, claimId: values.claimId ?? '' } });
    return redirectWithCookies(page(params.taskId));
  }
  if (values.intent === 'attendance' && params.taskId) {
    const placed = form.getAll('placed').map(String);
    const came = form.getAll('came').map(String);
    try {
      await callApi(state, markAttendanceRoute, {
        params: { id: params.id, shiftId: values.shiftId ?? '' },
        body: { came, noShow: placed.filter((id) => !came.includes(id)) },
      });
    } catch (error) {
      if (error instanceof ApiError && [400, 409, 422].includes(error.status))
        return failed(apiErrorsToFields(error, { formFields: [] }), `attendance-${values.shiftId}`);
      throw error;
    }
    return redirectWithCookies(`${page(params.taskId)}#shift-${values.shiftId}`);
  }

  const existing = params.taskId
    ? await loadFromApi(state, organisationTaskRoute, { params: { id: params.id, taskId: params.taskId } })
    : null;
  const eventId = existing ? existing.task.eventId : (values.eventId ?? '') || null;
  const rowCount = (existing?.task.shifts.length ?? 0) + emptyRows;
  const requirements = form
    .getAll('requirements')
    .map(String)
    .filter((code): code is RequirementCode => (requirementCodes as readonly string[]).includes(code));
  const { errors, body } = readTaskForm(values, requirements, eventId, rowCount);
  if (!body) return failed(errors, 'save');
  try {
    const { task } = params.taskId
      ? await callApi(state, updateTaskRoute, { params: { id: params.id, taskId: params.taskId }, body })
      : await callApi(state, createTaskRoute, { params: { id: params.id }, body });
    return redirectWithCookies(`${page(task.id)}?saved=1`);
  } catch (error) {
    if (error instanceof ApiError && [400, 409, 422].includes(error.status))
      return failed(
        apiErrorsToFields(error, {
          fields: {
            'title.fi': 'titleFi',
            title: 'titleFi',
            'contact.name': 'contactName',
            'contact.phone': 'contactPhone',
            'contact.email': 'contactEmail',
            withdrawalCutoffHours: 'cutoff',
            shifts: 'start-0',
          },
        }),
        'save',
      );
    throw error;
  }
}

// Add or change a task with several shifts; below it each shift's people: fill a place on
// someone's behalf, take a place back, mark who came.
export default function TaskEdit() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, task, claims, event, rows, contactName, now } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const isSave = failure?.intent === 'save';
  const errors = isSave ? failure.errors : {};
  const values: Record<string, string> = isSave ? failure.values : {};
  const base = `/organisations/${organisationId}/volunteering`;
  const title = task
    ? t('volunteeringAdmin.task.editTitle', { task: task.title.fi || task.title.sv || task.title.en || '' })
    : t('volunteeringAdmin.task.newTitle');
  const error = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const value = (field: string, fallback: string) => (isSave ? (values[field] ?? '') : fallback);
  const labels: Record<string, string> = {
    form: t('volunteering.claim.problem'),
    titleFi: t('volunteeringAdmin.task.titleFi'),
    titleSv: t('volunteeringAdmin.task.titleSv'),
    titleEn: t('volunteeringAdmin.task.titleEn'),
    place: t('volunteeringAdmin.task.place'),
    contactName: t('volunteeringAdmin.task.contactName'),
    contactPhone: t('volunteeringAdmin.task.contactPhone'),
    contactEmail: t('volunteeringAdmin.task.contactEmail'),
    cutoff: t('volunteeringAdmin.task.cutoff'),
    deadline: t('volunteeringAdmin.task.deadline'),
  };
  rows.forEach((_, index) => {
    labels[`date-${index}`] = `${t('volunteeringAdmin.task.shiftN', { n: index + 1 })}: ${t('volunteeringAdmin.task.date')}`;
    labels[`start-${index}`] = `${t('volunteeringAdmin.task.shiftN', { n: index + 1 })}: ${t('volunteeringAdmin.task.start')}`;
    labels[`end-${index}`] = `${t('volunteeringAdmin.task.shiftN', { n: index + 1 })}: ${t('volunteeringAdmin.task.end')}`;
    labels[`capacity-${index}`] =
      `${t('volunteeringAdmin.task.shiftN', { n: index + 1 })}: ${t('volunteeringAdmin.task.capacity')}`;
  });
  const checkedRequirements = isSave ? (failure.values.requirementsList ?? '').split(',') : (task?.requirements ?? []);
  return (
    <>
      <PageTitle title={title} hasErrors={isSave} />
      <p className="breadcrumb">
        <Link to={base}>{t('volunteeringAdmin.title', { name: organisationName })}</Link>
      </p>
      <h1>{title}</h1>
      {event ? (
        <p className="lead">{t('volunteeringAdmin.task.forEvent', { event: event.title })}</p>
      ) : (
        <p className="lead">{t('volunteeringAdmin.task.standingIntro')}</p>
      )}
      <ErrorSummary errors={isSave ? errors : undefined} labels={labels} idPrefix="task" />
      {errors.form ? <p className="field__error">{t(errors.form as MessageKey)}</p> : null}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="save" />
        {event && !task ? <input type="hidden" name="eventId" value={event.id} /> : null}
        <fieldset>
          <legend>{t('volunteeringAdmin.task.titles')}</legend>
          <TextField
            name="titleFi"
            idPrefix="task"
            label={labels.titleFi!}
            error={error('titleFi')}
            defaultValue={value('titleFi', task?.title.fi ?? '')}
          />
          <TextField
            name="titleSv"
            idPrefix="task"
            label={labels.titleSv!}
            defaultValue={value('titleSv', task?.title.sv ?? '')}
          />
          <TextField
            name="titleEn"
            idPrefix="task"
            label={labels.titleEn!}
            defaultValue={value('titleEn', task?.title.en ?? '')}
          />
        </fieldset>
        <TextAreaField
          name="descriptionFi"
          idPrefix="task"
          label={t('volunteeringAdmin.task.description')}
          defaultValue={value('descriptionFi', task?.description.fi ?? '')}
        />
        <TextField
          name="place"
          idPrefix="task"
          label={labels.place!}
          error={error('place')}
          defaultValue={value('place', task?.place ?? '')}
        />
        <TextField
          name="contactName"
          idPrefix="task"
          label={labels.contactName!}
          error={error('contactName')}
          defaultValue={value('contactName', task?.contact.name ?? contactName)}
        />
        <TextField
          name="contactPhone"
          idPrefix="task"
          type="tel"
          label={labels.contactPhone!}
          error={error('contactPhone')}
          defaultValue={value('contactPhone', task?.contact.phone ?? '')}
        />
        <TextField
          name="contactEmail"
          idPrefix="task"
          type="email"
          label={labels.contactEmail!}
          error={error('contactEmail')}
          defaultValue={value('contactEmail', task?.contact.email ?? '')}
        />
        <CheckboxGroupField
          name="requirements"
          idPrefix="task"
          legend={t('volunteering.task.requirements')}
          options={requirementCodes.map((code) => ({ value: code, label: t(requirementKeys[code]) }))}
          checked={checkedRequirements}
        />
        <TextField
          name="cutoff"
          idPrefix="task"
          inputMode="numeric"
          label={labels.cutoff!}
          hint={t('volunteeringAdmin.task.cutoffHint')}
          error={error('cutoff')}
          defaultValue={value('cutoff', String(task?.withdrawalCutoffHours ?? 24))}
        />
        {!event ? (
          <DateTimeField
            name="deadline"
            idPrefix="task"
            type="date"
            label={labels.deadline!}
            hint={t('lending.search.dateHint')}
            error={error('deadline')}
            value={value('deadline', task?.deadline ?? '')}
          />
        ) : null}
        <h2>{t('volunteeringAdmin.task.shifts')}</h2>
        <p>{t('volunteeringAdmin.task.shiftsHint')}</p>
        {rows.map((row, index) => (
          <fieldset key={index}>
            <legend>
              {t('volunteeringAdmin.task.shiftN', { n: index + 1 })}
              {row.isNew ? ` (${t('volunteeringAdmin.task.newShift')})` : ''}
            </legend>
            <input type="hidden" name={`shiftId-${index}`} value={row.id} />
            <DateTimeField
              name={`date-${index}`}
              idPrefix="task"
              type="date"
              label={t('volunteeringAdmin.task.date')}
              error={error(`date-${index}`)}
              value={value(`date-${index}`, row.date)}
            />
            <DateTimeField
              name={`start-${index}`}
              idPrefix="task"
              type="time"
              label={t('volunteeringAdmin.task.start')}
              hint={t('lending.search.timeHint')}
              error={error(`start-${index}`)}
              value={value(`start-${index}`, row.start)}
            />
            <DateTimeField
              name={`end-${index}`}
              idPrefix="task"
              type="time"
              label={t('volunteeringAdmin.task.end')}
              error={error(`end-${index}`)}
              value={value(`end-${index}`, row.end)}
            />
            <TextField
              name={`capacity-${index}`}
              idPrefix="task"
              inputMode="numeric"
              label={t('volunteeringAdmin.task.capacity')}
              error={error(`capacity-${index}`)}
              defaultValue={value(`capacity-${index}`, row.capacity)}
            />
            {!row.isNew ? (
              <CheckboxField name={`remove-${index}`} idPrefix="task" label={t('volunteeringAdmin.task.removeShift')} />
            ) : null}
          </fieldset>
        ))}
        <p>
          <button type="submit" className="button">
            {t('volunteeringAdmin.task.save')}
          </button>
        </p>
      </Form>

      {task ? (
        <section className="section" aria-labelledby="task-people">
          <h2 id="task-people">{t('volunteeringAdmin.people.title')}</h2>
          {task.shifts.map((shift) => {
            const onShift = claims.filter(
              (claim) => claim.shiftId === shift.id && (claim.state === 'placed' || claim.state === 'waiting'),
            );
            const placed = onShift.filter((claim) => claim.state === 'placed');
            const behalfFailure = failure?.intent === `behalf-${shift.id}` ? failure : null;
            const attendanceFailure = failure?.intent === `attendance-${shift.id}` ? failure : null;
            const behalfError = (field: string) =>
              behalfFailure?.errors[field] ? t(behalfFailure.errors[field] as MessageKey) : undefined;
            return (
              <div key={shift.id} className="vol-task" id={`shift-${shift.id}`}>
                <h3>{whenText(shift.startsAt, shift.endsAt, language)}</h3>
                <p>{t('volunteering.shift.places', { free: shift.free, taken: shift.taken, capacity: shift.capacity })}</p>
                {onShift.length === 0 ? <p>{t('volunteeringAdmin.people.none')}</p> : null}
                <ul>
                  {onShift.map((claim) => (
                    <li key={claim.id}>
                      {claim.state === 'placed'
                        ? `${claim.placeNo}. `
                        : `${t('volunteeringAdmin.people.waiting', { n: claim.waitingPosition ?? 0 })}: `}
                      {claim.name}
                      {claim.phone ? `, ${claim.phone}` : ''}
                      {claim.email ? `, ${claim.email}` : ''}
                      {!claim.isConfirmed ? ` (${t('volunteeringAdmin.people.unconfirmed')})` : ''}
                      {claim.attendance
                        ? ` · ${t(claim.attendance === 'came' ? 'volunteeringAdmin.people.came' : 'volunteeringAdmin.people.noShow')}`
                        : ''}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="claimId" value={claim.id} />
                        <button type="submit" className="button button--secondary">
                          {t('volunteeringAdmin.people.remove')}
                          <span className="visually-hidden">: {claim.name}</span>
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
                {Date.parse(shift.startsAt) <= now && placed.length > 0 ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="attendance" />
                    <input type="hidden" name="shiftId" value={shift.id} />
                    {attendanceFailure?.errors.form ? (
                      <p className="field__error">{t(attendanceFailure.errors.form as MessageKey)}</p>
                    ) : null}
                    <fieldset>
                      <legend>{t('volunteeringAdmin.people.attendance')}</legend>
                      {placed.map((claim) => (
                        <div key={claim.id}>
                          <input type="hidden" name="placed" value={claim.id} />
                          <CheckboxField
                            name="came"
                            id={`came-${claim.id}`}
                            value={claim.id}
                            label={claim.name}
                            isChecked={claim.attendance !== 'noShow'}
                          />
                        </div>
                      ))}
                    </fieldset>
                    <button type="submit" className="button button--secondary">
                      {t('volunteeringAdmin.people.saveAttendance')}
                    </button>
                  </Form>
                ) : null}
                {shift.free > 0 && Date.parse(shift.endsAt) > now ? (
                  <details open={!!behalfFailure}>
                    <summary>{t('volunteeringAdmin.people.behalf')}</summary>
                    <Form method="post" noValidate>
                      <input type="hidden" name="intent" value="behalf" />
                      <input type="hidden" name="shiftId" value={shift.id} />
                      {behalfFailure?.errors.form ? (
                        <p className="field__error">{t(behalfFailure.errors.form as MessageKey)}</p>
                      ) : null}
                      <TextField
                        name="name"
                        idPrefix={`behalf-${shift.id}`}
                        label={t('volunteering.claim.name')}
                        error={behalfError('name')}
                        defaultValue={behalfFailure?.values.name}
                      />
                      <TextField
                        name="phone"
                        idPrefix={`behalf-${shift.id}`}
                        type="tel"
                        label={t('volunteering.claim.phone')}
                        error={behalfError('phone')}
                        defaultValue={behalfFailure?.values.phone}
                      />
                      <TextField
                        name="email"
                        idPrefix={`behalf-${shift.id}`}
                        type="email"
                        label={t('volunteering.claim.email')}
                        error={behalfError('email')}
                        defaultValue={behalfFailure?.values.email}
                      />
                      <SelectField
                        name="language"
                        idPrefix={`behalf-${shift.id}`}
                        label={t('volunteering.claim.language')}
                        defaultValue="fi"
                        options={languages.map((code) => ({ value: code, label: languageNames[code] }))}
                      />
                      <button type="submit" className="button">
                        {t('volunteeringAdmin.people.behalfSubmit')}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </div>
            );
          })}
        </section>
      ) : null}
      {task ? (
        <section className="section panel" aria-labelledby="cancel-task-title">
          <h2 id="cancel-task-title">{t('volunteeringAdmin.cancelTask.title')}</h2>
          <p>{t('volunteeringAdmin.cancelTask.intro')}</p>
          <Form method="post" className={failure?.intent === 'cancel-task' ? 'field field--error' : undefined}>
            <input type="hidden" name="intent" value="cancel-task" />
            {failure?.intent === 'cancel-task' && failure.errors.confirm ? (
              <p className="field__error" id="cancel-task-error" role="alert">
                {t(failure.errors.confirm as MessageKey)}
              </p>
            ) : null}
            <p>
              <label>
                <input
                  type="checkbox"
                  name="confirm"
                  value="yes"
                  aria-describedby={failure?.intent === 'cancel-task' ? 'cancel-task-error' : undefined}
                />{' '}
                {t('volunteeringAdmin.cancelTask.confirm')}
              </label>
            </p>
            <button type="submit" className="button button--secondary">
              {t('volunteeringAdmin.cancelTask.submit')}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
