import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/index';
import { PageTitle } from '../../components/page-title';
import { facilityWords } from '../../components/venues/venue-labels';
import { loadFromApi } from '../../lib/api.server';
import type { Venue } from '../../lib/api-types';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

export async function loader({ context }: Route.LoaderArgs) {
  const { venues } = await loadFromApi<{ venues: Venue[] }>(getRequestState(context), '/api/venues');
  return { venues };
}

export default function Venues() {
  const { t, language } = useI18n();
  const { venues } = useLoaderData<typeof loader>();
  const sorted = venues.toSorted((a, b) => a.village.name.localeCompare(b.village.name, language) || a.name.localeCompare(b.name, language));
  const byVillage = new Map<string, Venue[]>();
  for (const venue of sorted) byVillage.set(venue.village.name, [...(byVillage.get(venue.village.name) ?? []), venue]);
  return (
    <>
      <PageTitle title={t('venues.title')} />
      <h1>{t('venues.title')}</h1>
      <p className="lead">{t('venues.intro')}</p>
      {venues.length === 0 ? <p>{t('venues.empty')}</p> : null}
      {[...byVillage].map(([village, list]) => (
        <section key={village} className="section" aria-label={village}>
          <h2>{village}</h2>
          <ul className="card-list">
            {list.map((venue) => (
              <li key={venue.id} className="card">
                <h3>
                  <Link to={`/venues/${venue.id}`}>{venue.name}</Link>
                </h3>
                <p className="muted">
                  {venue.village.name} · {t('venues.capacity', { count: venue.capacity })}
                </p>
                <p>
                  {t('venues.facilities')}: {facilityWords(t, 'facility', venue.facilities)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
