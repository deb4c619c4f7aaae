import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/catalogue';
import { loadOwnerItems } from '../../components/lending/lending-api.server';
import { categoryKeys, localised } from '../../components/lending/lending-labels';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { PageTitle } from '../../components/page-title';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

// venues.css for the shared list and facts styles (plain-list, space-rules, photos).
export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  return { organisationId: params.id, organisationName, items: await loadOwnerItems(state, params.id) };
}

// The owner's start page for lending: what it lends, and the ways to the day's work.
export default function LendingCatalogue() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, items } = useLoaderData<typeof loader>();
  const base = `/organisations/${organisationId}/lending`;
  return (
    <>
      <PageTitle title={t('lendingAdmin.title', { name: organisationName })} />
      <h1>{t('lendingAdmin.title', { name: organisationName })}</h1>
      <nav aria-label={t('lendingAdmin.sections')}>
        <ul className="actions plain-list">
          <li>
            <Link to={`${base}/requests`} className="button">
              {t('lendingAdmin.requests')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/week`} className="button button--secondary">
              {t('lendingAdmin.week')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/give-aways`} className="button button--secondary">
              {t('giveAway.nav')}
            </Link>
          </li>
          <li>
            <Link to={`${base}/items/new`} className="button button--secondary">
              {t('lendingAdmin.newItem')}
            </Link>
          </li>
        </ul>
      </nav>
      <section className="section" aria-labelledby="catalogue-title">
        <h2 id="catalogue-title">{t('lendingAdmin.catalogue')}</h2>
        {items.length === 0 ? <p>{t('lendingAdmin.catalogueEmpty')}</p> : null}
        <ul className="card-list">
          {items.map((item) => {
            const name = localised(item.name, language);
            return (
              <li key={item.id} className="card">
                <h3>
                  <Link to={`/lending/items/${item.id}`}>{name}</Link>
                </h3>
                <p className="muted">
                  {t(categoryKeys[item.category])} · {t('lending.item.quantity', { count: item.quantity })}
                </p>
                <p>
                  <Link to={`${base}/items/${item.id}`}>
                    {t('lendingAdmin.editItem')}
                    <span className="visually-hidden">: {name}</span>
                  </Link>
                  {' · '}
                  <Link to={`${base}/items/${item.id}/labels`}>
                    {t('lendingAdmin.labels')}
                    <span className="visually-hidden">: {name}</span>
                  </Link>
                  {' · '}
                  <Link to={`${base}/items/${item.id}/photos`}>
                    {t('lendingAdmin.photos.link')}
                    <span className="visually-hidden">: {name}</span>
                  </Link>
                  {item.isKit ? null : (
                    <>
                      {' · '}
                      <Link to={`${base}/items/${item.id}/give-away`}>
                        {t('giveAway.offerLink')}
                        <span className="visually-hidden">: {name}</span>
                      </Link>
                      {' · '}
                      <Link to={`${base}/items/${item.id}/out-of-service`}>
                        {t('lendingAdmin.outOfService')}
                        <span className="visually-hidden">: {name}</span>
                      </Link>
                    </>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
