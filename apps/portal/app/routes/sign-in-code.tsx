import { Form, Link, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/sign-in-code';
import { ErrorSummary } from '../components/error-summary';
import { TextField } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import { createSessionRoute } from '@talkoot/identity/schemas';
import { ApiError, callApi } from '../lib/api.server';
import type { SessionCreated } from '../lib/api-types';
import { parseForm, readFormValues, signInCodeForm } from '../lib/forms';
import { toSafeRedirect } from '../lib/redirects';
import { useI18n } from '../lib/root-data';
import { formFailure, redirectWithCookies, retryAfterHeader } from '../lib/responses.server';
import { getRequestState, serializeNoticeCookie, serializeSessionCookie } from '../lib/session.server';

export function loader({ context, url }: Route.LoaderArgs) {
  const redirectTo = toSafeRedirect(url.searchParams.get('redirectTo'), '');
  if (getRequestState(context).viewer) throw redirect(redirectTo || '/');
  return { email: url.searchParams.get('email') ?? '', redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const values = readFormValues(await request.formData());
  const form = parseForm(signInCodeForm, values);
  if (!form.isValid) return formFailure(form.errors, values);
  let session: SessionCreated;
  try {
    session = await callApi(state, createSessionRoute, { body: { email: form.data.email, code: form.data.code } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 429)
      return formFailure({ form: 'signIn.rateLimited' }, values, 429, undefined, retryAfterHeader(error.details));
    if (error instanceof ApiError && (error.status === 400 || error.status === 401)) {
      return formFailure({ code: 'signIn.codeInvalid' }, values);
    }
    throw error;
  }
  return redirectWithCookies(toSafeRedirect(values.redirectTo), [
    serializeSessionCookie(session.token),
    serializeNoticeCookie('signed_in'),
  ]);
}

export default function SignInCode() {
  const { t } = useI18n();
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors;
  const currentEmail = failure?.values.email ?? email;
  return (
    <div className="narrow">
      <PageTitle title={t('signInCode.title')} hasErrors={!!errors} />
      <h1>{t('signInCode.title')}</h1>
      <div className="panel panel--info">
        <p>{currentEmail ? t('signInCode.sentTo', { email: currentEmail }) : t('signInCode.sent')}</p>
        <p>{t('signInCode.checkSpam')}</p>
      </div>
      <ErrorSummary errors={errors} labels={{ email: t('signIn.emailLabel'), code: t('signInCode.codeLabel') }} />
      <Form method="post" noValidate className="stack">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextField
          name="email"
          type="email"
          label={t('signIn.emailLabel')}
          autoComplete="email"
          spellCheck={false}
          defaultValue={currentEmail}
          error={errors?.email ? t(errors.email) : undefined}
        />
        <TextField
          name="code"
          label={t('signInCode.codeLabel')}
          hint={t('signInCode.codeHint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          className="input--code"
          defaultValue={failure?.values.code}
          error={errors?.code ? t(errors.code) : undefined}
        />
        <button type="submit" className="button">
          {t('signInCode.submit')}
        </button>
      </Form>
      <h2 className="h3">{t('signInCode.noMessageTitle')}</h2>
      <p>{t('signInCode.noMessageBody')}</p>
      <p>
        <Link to={redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : '/sign-in'}>
          {t('signInCode.requestAgain')}
        </Link>
      </p>
    </div>
  );
}
