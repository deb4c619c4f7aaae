import { Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/sign-in';
import { ErrorSummary } from '../components/error-summary';
import { TextField } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import { requestSignInRoute } from '@talkoot/identity/schemas';
import { apiErrorsToFields } from '../lib/api-errors';
import { ApiError, callApi } from '../lib/api.server';
import { parseForm, readFormValues, signInRequestForm } from '../lib/forms';
import { toSafeRedirect } from '../lib/redirects';
import { useI18n } from '../lib/root-data';
import { formFailure, retryAfterHeader } from '../lib/responses.server';
import { getRequestState } from '../lib/session.server';

export function loader({ context, url }: Route.LoaderArgs) {
  const redirectTo = toSafeRedirect(url.searchParams.get('redirectTo'), '');
  if (getRequestState(context).viewer) throw redirect(redirectTo || '/');
  return { redirectTo, email: url.searchParams.get('email') ?? '' };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const values = readFormValues(await request.formData());
  const form = parseForm(signInRequestForm, values);
  if (!form.isValid) return formFailure(form.errors, values);
  try {
    await callApi(state, requestSignInRoute, { body: { email: form.data.email, language: state.language } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 429)
      return formFailure({ form: 'signIn.rateLimited' }, values, 429, undefined, retryAfterHeader(error.details));
    if (error instanceof ApiError && error.status === 400) return formFailure(apiErrorsToFields(error), values);
    throw error;
  }
  const next = new URLSearchParams({ email: form.data.email });
  const redirectTo = toSafeRedirect(values.redirectTo, '');
  if (redirectTo) next.set('redirectTo', redirectTo);
  return redirect(`/sign-in/code?${next}`, 303);
}

export default function SignIn() {
  const { t } = useI18n();
  const { redirectTo, email } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  return (
    <div className="narrow">
      <PageTitle title={t('signIn.title')} hasErrors={!!errors} />
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      <ErrorSummary errors={errors} labels={{ email: t('signIn.emailLabel') }} />
      <Form method="post" noValidate className="stack">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextField
          name="email"
          type="email"
          label={t('signIn.emailLabel')}
          hint={t('signIn.emailHint')}
          autoComplete="email"
          spellCheck={false}
          defaultValue={failure?.values.email ?? email}
          error={errors?.email ? t(errors.email) : undefined}
        />
        <button type="submit" className="button">
          {t('signIn.sendLink')}
        </button>
      </Form>
      <p className="muted">{t('signIn.noAccount')}</p>
    </div>
  );
}
