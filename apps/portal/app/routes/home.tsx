import { listVenuesRoute } from '@talkoot/venues/schemas';
import { Link, useLoaderData } from 'react-router';
import { addDays, helsinkiToday } from '@talkoot/platform/time';
import type { Route } from './+types/home';
import { shortDay } from '../components/calendar/calendar-time';
import { loadCalendarItems } from '../components/calendar/calendar.server';
import { HomeVenues } from '../components/home/home-venues';
import homeStyles from '../components/home/home.css?url';
import { WeekEvents } from '../components/home/week-events';
import { PageTitle } from '../components/page-title';
import { ApiError, callApi } from '../lib/api.server';
import { kindLabelKeys, roleLabelKeys } from '../lib/labels';
import { useI18n, useRootData } from '../lib/root-data';
import { getRequestState } from '../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: homeStyles }];

// Enough to see what is on without scrolling past the rest of the page; the calendar has them all.
const EVENTS_SHOWN = 8;
const VENUES_SHOWN = 4;

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const today = helsinkiToday();
  const lastDay = addDays(today, 6);
  const [events, venues] = await Promise.all([
    unlessUnavailable(loadCalendarItems(state, today, lastDay, '')),
    unlessUnavailable(callApi(state, listVenuesRoute)),
  ]);
  const sortedVenues = venues?.venues.toSorted(
    (a, b) => a.village.name.localeCompare(b.village.name, 'fi') || a.name.localeCompare(b.name, 'fi'),
  );
  return {
    today,
    lastDay,
    events: events ? { shown: events.slice(0, EVENTS_SHOWN), count: events.length } : null,
    venues: sortedVenues ? { shown: sortedVenues.slice(0, VENUES_SHOWN), count: sortedVenues.length } : null,
  };
}

// The home page is the way in: when the api cannot answer one part, the rest still shows.
async function unlessUnavailable<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof Response) throw error;
    console.error(
      'home: a part of the page could not be loaded:',
      error instanceof ApiError ? `${error.status} ${error.code}` : error,
    );
    return null;
  }
}

export default function Home() {
  const { t, language } = useI18n();
  const viewer = useRootData()?.viewer ?? null;
  const { today, lastDay, events, venues } = useLoaderData<typeof loader>();
  return (
    <div className="home">
      <PageTitle title={t('home.title')} />
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{viewer ? t('home.welcomeBack', { name: viewer.user.name }) : t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <p className="actions home-actions">
          <Link to="/calendar" className="button">
            {t('home.seeEvents')}
          </Link>
          <Link to="/venues" className="button button--secondary">
            {t('home.seeVenues')}
          </Link>
          <Link to="/lending" className="button button--secondary">
            {t('home.seeLending')}
          </Link>
        </p>
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
                    {t(kindLabelKeys[membership.organisation.kind])} ·{' '}
                    {t('home.yourRole', { role: t(roleLabelKeys[membership.role]) })}
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

      <section className="section" aria-labelledby="home-week">
        <h2 id="home-week">{t('home.weekTitle')}</h2>
        <p className="muted">{`${shortDay(today, language)} – ${shortDay(lastDay, language)}`}</p>
        {events === null ? (
          <p className="home-empty">{t('home.eventsUnavailable')}</p>
        ) : events.count === 0 ? (
          <p className="home-empty">{t('home.weekEmpty')}</p>
        ) : (
          <>
            {events.count > events.shown.length ? (
              <p>{t('home.weekMore', { count: events.count, shown: events.shown.length })}</p>
            ) : null}
            <WeekEvents items={events.shown} t={t} language={language} />
          </>
        )}
        <p>
          <Link to="/calendar" className="button home-more">
            {t('home.allEvents')}
          </Link>
        </p>
      </section>

      <section className="section" aria-labelledby="home-subscribe">
        <h2 id="home-subscribe">{t('home.subscribeTitle')}</h2>
        <p>{t('home.subscribeIntro')}</p>
        <ul className="home-ways">
          <li>
            <Link to="/calendar/subscribe" className="button home-way">
              {t('home.subscribePhone')}
            </Link>
            <p>{t('home.subscribePhoneBody')}</p>
          </li>
          <li>
            <Link to="/calendar/digest" className="button home-way">
              {t('home.subscribeEmail')}
            </Link>
            <p>{t('home.subscribeEmailBody')}</p>
          </li>
          <li>
            <Link to="/calendar/print" className="button home-way">
              {t('home.subscribePrint')}
            </Link>
            <p>{t('home.subscribePrintBody')}</p>
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="home-venues">
        <h2 id="home-venues">{t('home.venuesTitle')}</h2>
        <p>{t('home.venuesIntro')}</p>
        {venues === null ? (
          <p className="home-empty">{t('home.venuesUnavailable')}</p>
        ) : venues.count === 0 ? (
          <p className="home-empty">{t('home.venuesEmpty')}</p>
        ) : (
          <>
            <HomeVenues venues={venues.shown} t={t} />
            {venues.count > venues.shown.length ? <p>{t('home.venuesMore', { count: venues.count })}</p> : null}
          </>
        )}
        <p>
          <Link to="/venues" className="button home-more">
            {t('home.allVenues')}
          </Link>
        </p>
      </section>

      <section className="section" aria-labelledby="home-lending">
        <h2 id="home-lending">{t('home.lendingTitle')}</h2>
        <p>{t('home.lendingIntro')}</p>
        <p>
          <Link to="/lending" className="button home-more">
            {t('home.allLending')}
          </Link>
        </p>
      </section>

      <section className="section" aria-labelledby="home-organisations">
        <h2 id="home-organisations">{t('nav.organisations')}</h2>
        <p>{t('home.organisationsBody')}</p>
        <p>
          <Link to="/organisations">{t('home.browseOrganisations')}</Link>
        </p>
      </section>

      {viewer?.user.isPlatformAdmin ? (
        <section className="section" aria-labelledby="home-admin">
          <h2 id="home-admin">{t('home.adminTitle')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/admin/organisations">{t('admin.organisations.title')}</Link>
            </li>
            <li>
              <Link to="/admin/undelivered-mail">{t('admin.undeliveredMail.title')}</Link>
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  );
}
