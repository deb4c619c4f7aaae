import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/organisations';
import { PageTitle } from '../components/page-title';
import { listOrganisationsRoute } from '@talkoot/identity/schemas';
import { loadFromApi } from '../lib/api.server';
import type { Organisation } from '../lib/api-types';
import { kindLabelKeys } from '../lib/labels';
import { useI18n } from '../lib/root-data';
import { getRequestState } from '../lib/session.server';

export async function loader({ context }: Route.LoaderArgs) {
  const { organisations } = await loadFromApi(getRequestState(context), listOrganisationsRoute);
  return { organisations };
}

export default function Organisations() {
  const { t, language } = useI18n();
  const { organisations } = useLoaderData<typeof loader>();
  const sorted = organisations.toSorted(
    (a, b) =>
      a.village.municipality.name.localeCompare(b.village.municipality.name, language) || a.name.localeCompare(b.name, language),
  );
  const byMunicipality = new Map<string, Organisation[]>();
  for (const organisation of sorted) {
    const key = organisation.village.municipality.name;
    byMunicipality.set(key, [...(byMunicipality.get(key) ?? []), organisation]);
  }
  return (
    <>
      <PageTitle title={t('organisations.title')} />
      <h1>{t('organisations.title')}</h1>
      <p className="lead">{t('organisations.intro')}</p>
      {organisations.length === 0 ? <p>{t('organisations.empty')}</p> : null}
      {[...byMunicipality].map(([municipality, list]) => (
        <section key={municipality} className="section" aria-label={municipality}>
          <h2>{municipality}</h2>
          <ul className="card-list">
            {list.map((organisation) => (
              <li key={organisation.id} className="card">
                <h3>
                  <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
                </h3>
                <p className="muted">
                  {t(kindLabelKeys[organisation.kind])} · {organisation.village.name}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
