import { Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/invitation';
import { ErrorSummary } from '../components/error-summary';
import { TextField } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import { acceptInvitationRoute, previewInvitationRoute } from '@talkoot/identity/schemas';
import { apiErrorsToFields } from '../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../lib/api.server';
import type { SessionCreated } from '../lib/api-types';
import { invitationAcceptForm, parseForm, readFormValues } from '../lib/forms';
import { roleLabelKeys } from '../lib/labels';
import { useI18n, useRootData } from '../lib/root-data';
import { formFailure, redirectWithCookies } from '../lib/responses.server';
import {
  getRequestState,
  serializeNoticeCookie,
  serializeOrganisationCookie,
  serializeSessionCookie,
} from '../lib/session.server';

// The invitation token is in the URL: never send it to other sites in a Referer header.
// (Not no-referrer: browsers then send `Origin: null` with the accept form, which is refused.)
export function headers(): HeadersInit {
  return { 'Referrer-Policy': 'same-origin' };
}

const roleExplanationKeys = {
  admin: 'invitation.roleExplained.admin',
  coordinator: 'invitation.roleExplained.coordinator',
  member: 'invitation.roleExplained.member',
} as const;

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { invitation } = await loadFromApi({ ...state, token: null }, previewInvitationRoute, {
    params: { token: params.token },
  });
  return { invitation };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const state = getRequestState(context);
  const values = readFormValues(await request.formData());
  const { invitation } = await loadFromApi({ ...state, token: null }, previewInvitationRoute, {
    params: { token: params.token },
  });
  const form = parseForm(invitationAcceptForm, values);
  if (!form.isValid) return formFailure(form.errors, values);
  if (invitation.needsName && !form.data.name) return formFailure({ name: 'validation.required' }, values);
  let session: SessionCreated;
  try {
    session = await callApi({ ...state, token: null }, acceptInvitationRoute, {
      params: { token: params.token },
      body: invitation.needsName ? form.data : {},
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return formFailure(apiErrorsToFields(error), values);
    if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
      return formFailure({ form: 'invitation.noLongerValid' }, values, error.status);
    }
    throw error;
  }
  return redirectWithCookies(`/organisations/${invitation.organisation.id}`, [
    serializeSessionCookie(session.token),
    serializeOrganisationCookie(invitation.organisation.id),
    serializeNoticeCookie('invitation_accepted'),
  ]);
}

export default function InvitationPage() {
  const { t } = useI18n();
  const { invitation } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const viewer = useRootData()?.viewer;
  const errors = failure?.errors;
  return (
    <div className="narrow">
      <PageTitle title={t('invitation.title', { organisation: invitation.organisation.name })} hasErrors={!!errors} />
      <h1>{t('invitation.title', { organisation: invitation.organisation.name })}</h1>
      <dl className="details">
        <dt>{t('invitation.organisation')}</dt>
        <dd>{invitation.organisation.name}</dd>
        <dt>{t('invitation.role')}</dt>
        <dd>{t(roleLabelKeys[invitation.role])}</dd>
        <dt>{t('invitation.email')}</dt>
        <dd>{invitation.email}</dd>
      </dl>
      <p>{t(roleExplanationKeys[invitation.role])}</p>
      {viewer ? (
        <p className="muted">{t('invitation.signedInNote', { name: viewer.user.name, email: invitation.email })}</p>
      ) : null}
      <ErrorSummary errors={errors} labels={{ name: t('invitation.nameLabel') }} />
      <Form method="post" noValidate className="stack">
        {invitation.needsName ? (
          <TextField
            name="name"
            label={t('invitation.nameLabel')}
            hint={t('invitation.nameHint')}
            autoComplete="name"
            defaultValue={failure?.values.name}
            error={errors?.name ? t(errors.name) : undefined}
          />
        ) : null}
        <button type="submit" className="button">
          {t('invitation.accept')}
        </button>
      </Form>
    </div>
  );
}
