import { Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/profile';
import { ErrorSummary } from '../components/error-summary';
import { CheckboxField, RadioGroupField, TextField } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import { deleteMeRoute, updateMeRoute } from '@talkoot/identity/schemas';
import { apiErrorsToFields } from '../lib/api-errors';
import { ApiError, callApi } from '../lib/api.server';
import { deleteAccountForm, parseForm, profileForm, readFormValues } from '../lib/forms';
import { languageNames, languages } from '../lib/i18n';
import { useI18n } from '../lib/root-data';
import { formFailure, redirectWithCookies } from '../lib/responses.server';
import {
  clearSessionCookie,
  getRequestState,
  requireViewer,
  serializeLanguageCookie,
  serializeNoticeCookie,
} from '../lib/session.server';

type Intent = 'save' | 'delete';

export function loader({ context }: Route.LoaderArgs) {
  const { user } = requireViewer(getRequestState(context));
  return { user: { name: user.name, email: user.email, phone: user.phone, language: user.language } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const values = readFormValues(await request.formData());
  const intent: Intent = values.intent === 'delete' ? 'delete' : 'save';

  if (intent === 'delete') {
    const form = parseForm(deleteAccountForm, values);
    if (!form.isValid) return formFailure(form.errors, values, 400, intent);
    await callApi(state, deleteMeRoute);
    return redirectWithCookies('/', [clearSessionCookie(), serializeNoticeCookie('account_deleted')]);
  }

  const form = parseForm(profileForm, values);
  if (!form.isValid) return formFailure(form.errors, values, 400, intent);
  try {
    await callApi(state, updateMeRoute, { body: form.data });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return formFailure(apiErrorsToFields(error), values, 400, intent);
    throw error;
  }
  const cookies = [serializeNoticeCookie('profile_saved')];
  if (form.data.language) cookies.push(serializeLanguageCookie(form.data.language));
  return redirectWithCookies('/profile', cookies);
}

export default function Profile() {
  const { t } = useI18n();
  const { user } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const saveErrors = failure?.intent === 'save' ? failure.errors : undefined;
  const deleteErrors = failure?.intent === 'delete' ? failure.errors : undefined;
  const values = failure?.intent === 'save' ? failure.values : undefined;
  return (
    <div className="narrow">
      <PageTitle title={t('profile.title')} hasErrors={!!failure} />
      <h1>{t('profile.title')}</h1>
      <p className="lead">{t('profile.intro', { email: user.email })}</p>

      <section aria-labelledby="profile-details-title" className="section">
        <h2 id="profile-details-title">{t('profile.detailsTitle')}</h2>
        <ErrorSummary
          errors={saveErrors}
          idPrefix="profile"
          labels={{ name: t('profile.nameLabel'), phone: t('profile.phoneLabel'), language: t('profile.languageLegend') }}
        />
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="save" />
          <TextField
            idPrefix="profile"
            name="name"
            label={t('profile.nameLabel')}
            autoComplete="name"
            defaultValue={values?.name ?? user.name}
            error={saveErrors?.name ? t(saveErrors.name) : undefined}
          />
          <TextField
            idPrefix="profile"
            name="phone"
            type="tel"
            label={t('profile.phoneLabel')}
            hint={t('profile.phoneHint')}
            autoComplete="tel"
            defaultValue={values?.phone ?? user.phone ?? ''}
            error={saveErrors?.phone ? t(saveErrors.phone) : undefined}
          />
          <RadioGroupField
            idPrefix="profile"
            name="language"
            legend={t('profile.languageLegend')}
            defaultValue={values?.language ?? user.language}
            options={languages.map((language) => ({ value: language, label: languageNames[language], lang: language }))}
            error={saveErrors?.language ? t(saveErrors.language) : undefined}
          />
          <button type="submit" className="button">
            {t('profile.save')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="profile-delete-title" className="section section--danger">
        <h2 id="profile-delete-title">{t('profile.deleteTitle')}</h2>
        <p>{t('profile.deleteBody')}</p>
        <ErrorSummary errors={deleteErrors} idPrefix="delete" labels={{ confirm: t('profile.deleteConfirmShort') }} />
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="delete" />
          <CheckboxField
            idPrefix="delete"
            name="confirm"
            label={t('profile.deleteConfirm')}
            error={deleteErrors?.confirm ? t(deleteErrors.confirm) : undefined}
          />
          <button type="submit" className="button button--danger">
            {t('profile.deleteButton')}
          </button>
        </Form>
      </section>
    </div>
  );
}
