import { Link } from 'react-router';
import { PageTitle } from '../components/page-title';
import { kindLabelKeys, roleLabelKeys } from '../lib/labels';
import { useI18n, useRootData } from '../lib/root-data';

export default function Home() {
  const { t } = useI18n();
  const viewer = useRootData()?.viewer ?? null;
  return (
    <>
      <PageTitle title={t('home.title')} />
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{viewer ? t('home.welcomeBack', { name: viewer.user.name }) : t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        {!viewer ? (
          <p className="actions">
            <Link to="/sign-in" className="button">
              {t('nav.signIn')}
            </Link>
            <Link to="/organisations" className="button button--secondary">
              {t('home.browseOrganisations')}
            </Link>
          </p>
        ) : null}
      </section>

      {viewer ? (
        <section className="section" aria-labelledby="home-memberships">
          <h2 id="home-memberships">{t('home.yourOrganisations')}</h2>
          {viewer.memberships.length === 0 ? (
            <p>{t('home.noMemberships')}</p>
          ) : (
            <ul className="card-list">
              {viewer.memberships.map((membership) => (
                <li key={membership.organisation.id} className="card">
                  <h3>
                    <Link to={`/organisations/${membership.organisation.id}`}>{membership.organisation.name}</Link>
                  </h3>
                  <p className="muted">
                    {t(kindLabelKeys[membership.organisation.kind])} · {t('home.yourRole', { role: t(roleLabelKeys[membership.role]) })}
                  </p>
                  {membership.role === 'admin' ? (
                    <p>
                      <Link to={`/admin/organisations/${membership.organisation.id}`}>
                        {t('home.manageOrganisation', { name: membership.organisation.name })}
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section className="section" aria-labelledby="home-parts">
        <h2 id="home-parts">{t('home.partsTitle')}</h2>
        <ul className="card-list">
          <li className="card">
            <h3>
              <Link to="/organisations">{t('nav.organisations')}</Link>
            </h3>
            <p>{t('home.organisationsBody')}</p>
          </li>
          {viewer ? (
            <li className="card">
              <h3>
                <Link to="/profile">{t('nav.profile')}</Link>
              </h3>
              <p>{t('home.profileBody')}</p>
            </li>
          ) : null}
          <li className="card card--muted">
            <h3>{t('home.comingTitle')}</h3>
            <p>{t('home.comingBody')}</p>
          </li>
        </ul>
      </section>

      {viewer?.user.isPlatformAdmin ? (
        <section className="section" aria-labelledby="home-admin">
          <h2 id="home-admin">{t('home.adminTitle')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/admin/organisations">{t('admin.organisations.title')}</Link>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}
