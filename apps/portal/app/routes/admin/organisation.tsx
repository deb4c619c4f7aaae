import { Form, Link, useActionData, useLoaderData, useSearchParams } from 'react-router';
import type { Route } from './+types/organisation';
import { InvitationsSection } from '../../components/admin/invitations-section';
import { MembersSection } from '../../components/admin/members-section';
import { OrganisationFields, organisationFieldLabels } from '../../components/admin/organisation-fields';
import { ErrorSummary } from '../../components/error-summary';
import { PageTitle } from '../../components/page-title';
import { requireOrganisationAdmin } from '../../lib/access.server';
import {
  changeMemberRoleRoute,
  createInvitationRoute,
  getOrganisationRoute,
  listInvitationsRoute,
  listMembersRoute,
  listPlacesRoute,
  removeMemberRoute,
  revokeInvitationRoute,
  updateOrganisationRoute,
} from '@talkoot/identity/schemas';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { invitationForm, memberRoleForm, organisationUpdateForm, parseForm, readFormValues } from '../../lib/forms';
import type { Notice } from '../../lib/notices';
import { useI18n } from '../../lib/root-data';
import { formFailure, redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

export type AdminIntent = 'update' | 'change-role' | 'remove-member' | 'invite' | 'revoke-invitation';

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireOrganisationAdmin(state, params.id);
  const ofOrganisation = { params: { id: params.id } };
  const [{ organisation }, { regions }, { members }, { invitations }] = await Promise.all([
    loadFromApi(state, getOrganisationRoute, ofOrganisation),
    loadFromApi(state, listPlacesRoute),
    loadFromApi(state, listMembersRoute, ofOrganisation),
    loadFromApi(state, listInvitationsRoute, ofOrganisation),
  ]);
  return { organisation, regions, members, invitations, viewerId: state.viewer?.user.id ?? null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireOrganisationAdmin(state, params.id);
  const id = params.id;
  const values = readFormValues(await request.formData());
  const intent = values.intent as AdminIntent;
  const done = (notice: Notice) => redirectWithCookies(`/admin/organisations/${params.id}`, [serializeNoticeCookie(notice)]);
  const fail = (errors: Parameters<typeof formFailure>[0], status = 400) => formFailure(errors, values, status, intent);

  try {
    switch (intent) {
      case 'update': {
        const form = parseForm(organisationUpdateForm, values);
        if (!form.isValid) return fail(form.errors);
        await callApi(state, updateOrganisationRoute, { params: { id }, body: form.data });
        return done('organisation_saved');
      }
      case 'change-role': {
        const form = parseForm(memberRoleForm, values);
        if (!form.isValid || !values.userId) return fail(form.isValid ? { role: 'validation.choose' } : form.errors);
        await callApi(state, changeMemberRoleRoute, { params: { id, userId: values.userId }, body: { role: form.data.role } });
        return done('member_role_changed');
      }
      case 'remove-member': {
        if (!values.userId) return fail({ form: 'validation.invalid' });
        await callApi(state, removeMemberRoute, { params: { id, userId: values.userId } });
        return done('member_removed');
      }
      case 'invite': {
        const form = parseForm(invitationForm, values);
        if (!form.isValid) return fail(form.errors);
        await callApi(state, createInvitationRoute, { params: { id }, body: form.data });
        return done('invitation_sent');
      }
      case 'revoke-invitation': {
        if (!values.invitationId) return fail({ form: 'validation.invalid' });
        await callApi(state, revokeInvitationRoute, { params: { id, invitationId: values.invitationId } });
        return done('invitation_revoked');
      }
      default:
        return fail({ form: 'validation.invalid' });
    }
  } catch (error) {
    // Bad input, the last admin, a clash, or something already gone: said on the form.
    if (!(error instanceof ApiError) || ![400, 404, 409, 422].includes(error.status)) throw error;
    return fail(apiErrorsToFields(error), error.status);
  }
}

export default function AdminOrganisation() {
  const { t } = useI18n();
  const { organisation, regions, members, invitations, viewerId } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const updateFailure = failure?.intent === 'update' ? failure : undefined;
  return (
    <>
      <PageTitle title={t('admin.organisation.title', { name: organisation.name })} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisation.id}`}>{t('admin.organisation.publicPage')}</Link>
      </p>
      <h1>{t('admin.organisation.title', { name: organisation.name })}</h1>
      <nav aria-label={t('admin.organisation.sectionsLabel')} className="section-nav">
        <ul>
          <li>
            <a href="#members-title">{t('admin.members.title')}</a>
          </li>
          <li>
            <a href="#invitations-title">{t('admin.invitations.title')}</a>
          </li>
          <li>
            <a href="#details-title">{t('admin.organisation.detailsTitle')}</a>
          </li>
        </ul>
      </nav>

      <MembersSection
        members={members}
        viewerId={viewerId}
        confirmRemoveUserId={searchParams.get('remove')}
        failure={failure?.intent === 'change-role' || failure?.intent === 'remove-member' ? failure : undefined}
      />

      <InvitationsSection
        invitations={invitations}
        failure={failure?.intent === 'invite' || failure?.intent === 'revoke-invitation' ? failure : undefined}
      />

      <section className="section panel" aria-labelledby="details-title">
        <h2 id="details-title">{t('admin.organisation.detailsTitle')}</h2>
        <ErrorSummary errors={updateFailure?.errors} labels={organisationFieldLabels(t)} idPrefix="details" />
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="update" />
          <OrganisationFields
            t={t}
            idPrefix="details"
            regions={regions}
            organisation={organisation}
            values={updateFailure?.values}
            errors={updateFailure?.errors}
          />
          <button type="submit" className="button">
            {t('admin.organisation.save')}
          </button>
        </Form>
      </section>
    </>
  );
}
