import { Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/organisations';
import { OrganisationFields, organisationFieldLabels } from '../../components/admin/organisation-fields';
import { ErrorSummary } from '../../components/error-summary';
import { PageTitle } from '../../components/page-title';
import { requirePlatformAdmin } from '../../lib/access.server';
import { createOrganisationRoute, listOrganisationsRoute, listPlacesRoute } from '@talkoot/identity/schemas';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { organisationCreateForm, parseForm, readFormValues } from '../../lib/forms';
import { kindLabelKeys } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import { formFailure, redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requirePlatformAdmin(state);
  const [{ organisations }, { regions }] = await Promise.all([
    loadFromApi(state, listOrganisationsRoute),
    loadFromApi(state, listPlacesRoute),
  ]);
  return { organisations, regions };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  requirePlatformAdmin(state);
  const values = readFormValues(await request.formData());
  const form = parseForm(organisationCreateForm, values);
  if (!form.isValid) return formFailure(form.errors, values);
  try {
    const { organisation } = await callApi(state, createOrganisationRoute, { body: form.data });
    return redirectWithCookies(`/admin/organisations/${organisation.id}`, [serializeNoticeCookie('organisation_created')]);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 409))
      return formFailure(apiErrorsToFields(error), values, error.status);
    throw error;
  }
}

export default function AdminOrganisations() {
  const { t, language } = useI18n();
  const { organisations, regions } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const sorted = organisations.toSorted((a, b) => a.name.localeCompare(b.name, language));
  return (
    <>
      <PageTitle title={t('admin.organisations.title')} hasErrors={!!failure} />
      <h1>{t('admin.organisations.title')}</h1>
      <p className="lead">{t('admin.organisations.intro')}</p>
      <p>
        <a href="#create-organisation-title">{t('admin.organisations.jumpToCreate')}</a>
      </p>

      <section className="section" aria-labelledby="organisation-list-title">
        <h2 id="organisation-list-title">{t('admin.organisations.listTitle', { count: organisations.length })}</h2>
        {sorted.length === 0 ? (
          <p>{t('organisations.empty')}</p>
        ) : (
          <ul className="card-list">
            {sorted.map((organisation) => (
              <li key={organisation.id} className="card">
                <h3>
                  <Link to={`/admin/organisations/${organisation.id}`}>{organisation.name}</Link>
                </h3>
                <p className="muted">
                  {t(kindLabelKeys[organisation.kind])} · {organisation.village.name}, {organisation.village.municipality.name}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section panel" aria-labelledby="create-organisation-title">
        <h2 id="create-organisation-title">{t('admin.organisations.createTitle')}</h2>
        <ErrorSummary errors={failure?.errors} labels={organisationFieldLabels(t)} idPrefix="create" />
        <Form method="post" noValidate className="stack">
          <OrganisationFields t={t} idPrefix="create" regions={regions} values={failure?.values} errors={failure?.errors} />
          <button type="submit" className="button">
            {t('admin.organisations.create')}
          </button>
        </Form>
      </section>
    </>
  );
}
