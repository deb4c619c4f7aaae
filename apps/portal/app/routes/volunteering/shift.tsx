import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/shift';
import { ErrorSummary } from '../../components/error-summary';
import { CheckboxGroupField, SelectField, TextField } from '../../components/form-fields';
import { PageTitle } from '../../components/page-title';
import { claimShiftRoute, getTaskRoute, guestClaimShiftRoute, type RequirementCode } from '@talkoot/volunteering/schemas';
import { ShiftFacts, TaskFacts } from '../../components/volunteering/task-facts';
import { requirementKeys, toTaskCards } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import type { FieldErrors } from '../../lib/forms';
import { isLanguage, languageNames, languages, type MessageKey } from '../../lib/i18n';
import { useI18n, useRootData } from '../../lib/root-data';
import { redirectWithCookies, retryAfterHeader } from '../../lib/responses.server';
import { getRequestState } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

// A plain form: works the same without JavaScript.
export const handle = { hydrate: false };

const guestFields = ['name', 'email', 'phone', 'language', 'requirements'] as const;

async function loadShift(context: Route.LoaderArgs['context'], taskId: string, shiftId: string) {
  const state = getRequestState(context);
  const { task } = await loadFromApi(state, getTaskRoute, { params: { taskId } });
  const [card] = toTaskCards([task], state.language, Date.now());
  const shift = card?.shifts.find((candidate) => candidate.id === shiftId);
  if (!card || !shift) throw data({ code: 'not_found' }, { status: 404 });
  return { state, task: card, shift, eventId: task.eventId };
}

export async function loader({ context, params }: Route.LoaderArgs) {
  const { task, shift, eventId, state } = await loadShift(context, params.taskId, params.shiftId);
  return { task, shift, eventId, isSignedIn: !!state.viewer };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const { task, shift, state } = await loadShift(context, params.taskId, params.shiftId);
  const form = await request.formData();
  const values = Object.fromEntries([...form.entries()].map(([key, value]) => [key, String(value)]));
  const confirmed = form.getAll('requirements').map(String) as RequirementCode[];
  const errors: FieldErrors = {};
  if (task.requirements.some((code) => !confirmed.includes(code))) errors.requirements = 'volunteering.claim.confirmAll';
  const isGuest = !state.viewer;
  const name = (values.name ?? '').trim();
  const email = (values.email ?? '').trim();
  const phone = (values.phone ?? '').trim();
  if (isGuest) {
    if (!name) errors.name = 'volunteering.claim.nameRequired';
    if (!email && !phone) errors.email = 'volunteering.claim.contactRequired';
  }
  const failed = (found: FieldErrors, status = 400, headers?: HeadersInit) =>
    data({ errors: found, values: { ...values, requirements: confirmed.join(',') } }, { status, headers });
  if (Object.keys(errors).length > 0) return failed(errors);
  const waitIfFull = shift.offer === 'wait' || values.waitIfFull === 'yes';
  try {
    if (isGuest) {
      const answer = await callApi(state, guestClaimShiftRoute, {
        params: { shiftId: shift.id },
        body: {
          name,
          email: email || null,
          phone: phone || null,
          language: isLanguage(values.language) ? values.language : state.language,
          confirmedRequirements: confirmed,
          waitIfFull,
        },
      });
      const query = new URLSearchParams({ status: answer.status, state: answer.claim.state, taskId: task.id });
      return redirectWithCookies(`/volunteering/sent?${query}`);
    }
    const { claim } = await callApi(state, claimShiftRoute, {
      params: { shiftId: shift.id },
      body: { confirmedRequirements: confirmed, waitIfFull },
    });
    const query = new URLSearchParams({ status: 'signed-in', state: claim.state, taskId: task.id });
    return redirectWithCookies(`/volunteering/sent?${query}`);
  } catch (error) {
    if (error instanceof ApiError && [400, 409, 422, 429].includes(error.status))
      return failed(
        apiErrorsToFields(error, {
          fields: { confirmedRequirements: 'requirements' },
          formFields: isGuest ? guestFields : ['requirements'],
        }),
        error.status,
        retryAfterHeader(error.details),
      );
    throw error;
  }
}

// One shift's sign-up: without an account a short form (name, email or phone, language, the
// requirements confirmed); signed in, one button (and the requirements, if the task has any).
export default function ShiftSignUp() {
  const { t, language } = useI18n();
  const root = useRootData();
  const { task, shift, eventId, isSignedIn } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors ?? {};
  const values: Record<string, string> = failure?.values ?? {};
  const isWaiting = shift.offer === 'wait';
  const title = isWaiting
    ? t('volunteering.claim.waitTitle', { task: task.title })
    : t('volunteering.claim.title', { task: task.title });
  const labels: Record<string, string> = {
    form: t('volunteering.claim.problem'),
    name: t('volunteering.claim.name'),
    email: t('volunteering.claim.email'),
    phone: t('volunteering.claim.phone'),
    language: t('volunteering.claim.language'),
    requirements: t('volunteering.claim.requirements'),
  };
  const error = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const requirementOptions = task.requirements.map((code) => ({ value: code, label: t(requirementKeys[code]) }));
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      {eventId ? (
        <p className="breadcrumb">
          <Link to={`/events/${eventId}/volunteering`}>{t('volunteering.claim.back')}</Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      <div className="vol-task">
        <ShiftFacts shift={shift} />
        <TaskFacts task={task} />
      </div>
      {shift.offer === 'over' ? (
        <p className="panel">{t('volunteering.shift.over')}</p>
      ) : (
        <>
          {isWaiting ? <p className="panel panel--info">{t('volunteering.claim.fullText')}</p> : null}
          <ErrorSummary errors={failure ? errors : undefined} labels={labels} idPrefix="claim" />
          {errors.form ? <p className="field__error">{t(errors.form as MessageKey)}</p> : null}
          <Form method="post" noValidate>
            {isSignedIn ? (
              <p>{t('volunteering.claim.signedInAs', { name: root?.viewer?.user.name ?? '' })}</p>
            ) : (
              <>
                <p>
                  {t('volunteering.claim.guestIntro')}{' '}
                  <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/volunteering/tasks/${task.id}/shifts/${shift.id}`)}`}>
                    {t('volunteering.claim.signInInstead')}
                  </Link>
                </p>
                <TextField
                  name="name"
                  idPrefix="claim"
                  label={labels.name!}
                  autoComplete="name"
                  required
                  error={error('name')}
                  defaultValue={values.name}
                />
                <TextField
                  name="email"
                  idPrefix="claim"
                  type="email"
                  label={labels.email!}
                  hint={t('volunteering.claim.emailHint')}
                  autoComplete="email"
                  error={error('email')}
                  defaultValue={values.email}
                />
                <TextField
                  name="phone"
                  idPrefix="claim"
                  type="tel"
                  label={labels.phone!}
                  hint={t('volunteering.claim.phoneHint')}
                  autoComplete="tel"
                  error={error('phone')}
                  defaultValue={values.phone}
                />
                <SelectField
                  name="language"
                  idPrefix="claim"
                  label={labels.language!}
                  hint={t('volunteering.claim.languageHint')}
                  defaultValue={values.language ?? language}
                  options={languages.map((code) => ({ value: code, label: languageNames[code] }))}
                  error={error('language')}
                />
              </>
            )}
            {requirementOptions.length > 0 ? (
              <CheckboxGroupField
                name="requirements"
                idPrefix="claim"
                legend={labels.requirements!}
                hint={t('volunteering.claim.requirementsHint')}
                options={requirementOptions}
                checked={(values.requirements ?? '').split(',')}
                error={error('requirements')}
              />
            ) : null}
            <p>
              <button type="submit" className="button">
                {isWaiting ? t('volunteering.claim.submitWait') : t('volunteering.claim.submit')}
              </button>
            </p>
          </Form>
        </>
      )}
    </>
  );
}
