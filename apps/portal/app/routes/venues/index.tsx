import { Link, useLoaderData } from 'react-router';
import { helsinkiToday, isClockText, isRealDate } from '@talkoot/platform/time';
import type { Route } from './+types/index';
import { PageTitle } from '../../components/page-title';
import { facilityWords } from '../../components/venues/venue-labels';
import { VenueSearchForm, VenueSearchResultList, type SearchValues } from '../../components/venues/venue-search';
import venueStyles from '../../components/venues/venues.css?url';
import { listPlacesRoute } from '@talkoot/identity/schemas';
import type { RouteInput } from '@talkoot/platform/schemas';
import { listVenuesRoute, venueSearchRoute } from '@talkoot/venues/schemas';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import type { Region, Venue } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';
import type { RouteHandle } from '../../lib/page-cache';

// Kept for signed-out readers until the data it shows changes (ADR 020).
export const handle = { pageCache: { shows: ['venues', 'organisations', 'places'] } } satisfies RouteHandle;

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: venueStyles }];

const searchFields = ['municipalityId', 'villageId', 'date', 'from', 'to', 'people'] as const;

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const [{ venues }, { regions }] = await Promise.all([loadFromApi(state, listVenuesRoute), loadFromApi(state, listPlacesRoute)]);
  const query = new URL(request.url).searchParams;
  const values = Object.fromEntries(searchFields.map((name) => [name, query.get(name)?.trim() ?? ''])) as SearchValues;
  const isSearch = searchFields.some((name) => query.has(name));
  if (!isSearch) return { venues, regions, values, errors: {} as FieldErrors, search: null };

  const errors = checkSearch(values, regions);
  if (Object.keys(errors).length > 0) return { venues, regions, values, errors, search: null };
  const searchQuery: RouteInput<typeof venueSearchRoute>['query'] = { date: values.date, from: values.from, to: values.to };
  for (const name of ['municipalityId', 'villageId', 'people'] as const) if (values[name]) searchQuery[name] = values[name];
  try {
    const search = await callApi(state, venueSearchRoute, { query: searchQuery });
    return { venues, regions, values, errors, search };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    return {
      venues,
      regions,
      values,
      errors: apiErrorsToFields(error, { formFields: searchFields, generalField: 'date' }),
      search: null,
    };
  }
}

// Plain-word checks before asking the api, in the order of the form.
function checkSearch(values: SearchValues, regions: Region[]): FieldErrors {
  const errors: FieldErrors = {};
  const municipalities = regions.flatMap((region) => region.municipalities);
  if (values.municipalityId && !municipalities.some((municipality) => municipality.id === values.municipalityId))
    errors.municipalityId = 'validation.choose';
  if (
    values.villageId &&
    !municipalities.some((municipality) => municipality.villages.some((village) => village.id === values.villageId))
  )
    errors.villageId = 'validation.choose';
  if (!values.date) errors.date = 'venues.search.dateRequired';
  else if (!isRealDate(values.date)) errors.date = 'venues.form.date.invalid';
  else if (values.date < helsinkiToday()) errors.date = 'venues.search.datePast';
  if (!values.from) errors.from = 'venues.search.fromRequired';
  else if (!isClockText(values.from)) errors.from = 'venues.form.time.invalid';
  if (!values.to) errors.to = 'venues.search.toRequired';
  else if (!isClockText(values.to)) errors.to = 'venues.form.time.invalid';
  if (!errors.from && !errors.to && values.to <= values.from) errors.to = 'venues.form.endBeforeStart';
  if (values.people && !(/^\d{1,6}$/.test(values.people) && Number(values.people) >= 1 && Number(values.people) <= 100_000))
    errors.people = 'venues.search.peopleInvalid';
  return errors;
}

export default function Venues() {
  const { t, language } = useI18n();
  const { venues, regions, values, errors, search } = useLoaderData<typeof loader>();
  const sorted = venues.toSorted(
    (a, b) => a.village.name.localeCompare(b.village.name, language) || a.name.localeCompare(b.name, language),
  );
  const byVillage = new Map<string, Venue[]>();
  for (const venue of sorted) byVillage.set(venue.village.name, [...(byVillage.get(venue.village.name) ?? []), venue]);
  return (
    <>
      <PageTitle title={search ? t('venues.search.pageTitle') : t('venues.title')} hasErrors={Object.keys(errors).length > 0} />
      <h1>{t('venues.title')}</h1>
      <p className="lead">{t('venues.intro')}</p>
      <VenueSearchForm regions={regions} values={values} errors={errors} />
      {search ? <VenueSearchResultList search={search} values={values} /> : null}

      <h2>{t('venues.all')}</h2>
      {venues.length === 0 ? <p>{t('venues.empty')}</p> : null}
      {[...byVillage].map(([village, list]) => (
        <section key={village} className="section" aria-label={village}>
          <h3>{village}</h3>
          <ul className="card-list">
            {list.map((venue) => (
              <li key={venue.id} className="card">
                <h4>
                  <Link to={`/venues/${venue.id}`}>{venue.name}</Link>
                </h4>
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
