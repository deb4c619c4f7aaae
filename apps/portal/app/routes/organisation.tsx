import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/organisation';
import { PageTitle } from '../components/page-title';
import { getOrganisationRoute } from '@talkoot/identity/schemas';
import { loadFromApi } from '../lib/api.server';
import { kindLabelKeys, pickLocalisedText } from '../lib/labels';
import { useI18n, useRootData } from '../lib/root-data';
import { getRequestState } from '../lib/session.server';

export async function loader({ context, params }: Route.LoaderArgs) {
  const { organisation } = await loadFromApi(getRequestState(context), getOrganisationRoute, { params: { id: params.id } });
  return { organisation };
}

export default function OrganisationPage() {
  const { t, language } = useI18n();
  const { organisation } = useLoaderData<typeof loader>();
  const viewer = useRootData()?.viewer;
  const description = pickLocalisedText(organisation.description, language);
  const canManage =
    viewer?.user.isPlatformAdmin || viewer?.memberships.some((m) => m.organisation.id === organisation.id && m.role === 'admin');
  return (
    <>
      <PageTitle title={organisation.name} />
      <p className="breadcrumb">
        <Link to="/organisations">{t('organisations.backToList')}</Link>
      </p>
      <h1>{organisation.name}</h1>
      <p className="lead muted">
        {t(kindLabelKeys[organisation.kind])} · {organisation.village.name}, {organisation.village.municipality.name}
      </p>
      {organisation.businessId ? (
        <p>
          {t('organisation.businessId')}: {organisation.businessId}
        </p>
      ) : null}
      {description ? (
        <div className="prose" lang={description.language}>
          {description.text.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      ) : null}
      <section className="section" aria-labelledby="organisation-contact">
        <h2 id="organisation-contact">{t('organisation.contactTitle')}</h2>
        {organisation.contactEmail || organisation.contactPhone ? (
          <dl className="details">
            {organisation.contactEmail ? (
              <>
                <dt>{t('organisation.email')}</dt>
                <dd>
                  <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>
                </dd>
              </>
            ) : null}
            {organisation.contactPhone ? (
              <>
                <dt>{t('organisation.phone')}</dt>
                <dd>
                  <a href={`tel:${organisation.contactPhone.replace(/[^+0-9]/g, '')}`}>{organisation.contactPhone}</a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t('organisation.noContact')}</p>
        )}
      </section>
      {viewer?.user.isPlatformAdmin ||
      viewer?.memberships.some((m) => m.organisation.id === organisation.id && m.role !== 'member') ? (
        <p>
          <Link to={`/organisations/${organisation.id}/events`}>{t('events.organisationLink')}</Link>
        </p>
      ) : null}
      {viewer?.user.isPlatformAdmin ||
      viewer?.memberships.some(
        (m) => m.organisation.id === organisation.id && (m.role === 'admin' || m.role === 'coordinator'),
      ) ? (
        <p>
          <Link to={`/organisations/${organisation.id}/volunteering`}>{t('volunteeringAdmin.orgLink')}</Link>
        </p>
      ) : null}
      {canManage ? (
        <p>
          <Link to={`/admin/organisations/${organisation.id}`} className="button button--secondary">
            {t('organisation.manage')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
