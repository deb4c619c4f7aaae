import { Link, NavLink, useLocation } from 'react-router';
import { languageNames, languages } from '../lib/i18n';
import { useI18n, useRootData } from '../lib/root-data';

export function SiteHeader() {
  const { t } = useI18n();
  const root = useRootData();
  const viewer = root?.viewer ?? null;
  return (
    <header className="site-header">
      <div className="site-header__top container">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">Talkoot</span>
        </Link>
        <LanguageSwitcher />
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul className="container">
          <li>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/organisations">{t('nav.organisations')}</NavLink>
          </li>
          <li>
            <NavLink to="/venues">{t('venues.nav')}</NavLink>
          </li>
          <li>
            <NavLink to="/lending">{t('lending.nav')}</NavLink>
          </li>
          <li>
            <NavLink to="/calendar">{t('calendar.nav')}</NavLink>
          </li>
          {viewer ? (
            <li>
              <NavLink to="/me/volunteering">{t('volunteering.nav')}</NavLink>
            </li>
          ) : null}
          {viewer ? (
            <li>
              <NavLink to="/bookings">{t('bookings.nav')}</NavLink>
            </li>
          ) : null}
          {viewer ? (
            <li>
              <NavLink to="/profile">{t('nav.profile')}</NavLink>
            </li>
          ) : null}
          {viewer?.user.isPlatformAdmin ? (
            <li>
              <NavLink to="/admin/organisations">{t('nav.admin')}</NavLink>
            </li>
          ) : null}
          {!viewer ? (
            <li>
              <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      {viewer ? <UserBar /> : null}
    </header>
  );
}

function LanguageSwitcher() {
  const { language } = useI18n();
  const location = useLocation();
  return (
    // Plain form (full page load): the whole page changes language anyway, and it works without JS.
    <form method="post" action="/language" className="language-switcher" aria-label="Kieli – Språk – Language">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {languages.map((option) => (
        <button
          key={option}
          type="submit"
          name="language"
          value={option}
          lang={option}
          className="button button--small button--quiet"
          aria-pressed={option === language}
        >
          {languageNames[option]}
        </button>
      ))}
    </form>
  );
}

function UserBar() {
  const { t } = useI18n();
  const root = useRootData();
  const location = useLocation();
  if (!root?.viewer) return null;
  const { user, memberships } = root.viewer;
  const selected = memberships.find((m) => m.organisation.id === root.selectedOrganisationId);
  return (
    <div className="user-bar">
      <div className="container user-bar__inner">
        <p className="user-bar__name">{t('header.signedInAs', { name: user.name })}</p>
        {memberships.length > 1 ? (
          <form method="post" action="/organisation-selection" className="inline-form">
            <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
            <label htmlFor="organisation-switcher">{t('header.organisation')}</label>
            <select id="organisation-switcher" name="organisationId" defaultValue={selected?.organisation.id}>
              {memberships.map((m) => (
                <option key={m.organisation.id} value={m.organisation.id}>
                  {m.organisation.name}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small button--secondary">
              {t('header.switchOrganisation')}
            </button>
          </form>
        ) : selected ? (
          <p className="user-bar__organisation">
            {t('header.organisation')}: {selected.organisation.name}
          </p>
        ) : null}
        <form method="post" action="/sign-out" className="inline-form user-bar__sign-out">
          <button type="submit" className="button button--small button--secondary">
            {t('header.signOut')}
          </button>
        </form>
      </div>
    </div>
  );
}
