import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/index';
import { ErrorSummary } from '../../components/error-summary';
import { shortDayText } from '../../components/lending/availability-grid';
import { searchLending, sendLoanRequest } from '../../components/lending/lending-api.server';
import { readLoanRequest } from '../../components/lending/lending-request.server';
import { LendingRequestFields, requestLabels } from '../../components/lending/lending-request-fields';
import { LendingResults, takeField } from '../../components/lending/lending-results';
import { checkSearch, readSearch, type SearchValues } from '../../components/lending/lending-search';
import { LendingSearchForm } from '../../components/lending/lending-search-form';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { PageTitle } from '../../components/page-title';
import { clockText } from '../../components/venues/venue-format';
import { listPlacesRoute } from '@talkoot/identity/schemas';
import { ApiError, loadFromApi, type ApiCaller } from '../../lib/api.server';
import type { Region } from '../../lib/api-types';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { Language, MessageKey } from '../../lib/i18n';
import { useI18n, useRootData } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer } from '../../lib/session.server';
import type { RouteHandle } from '../../lib/page-cache';

// venues.css for the shared list and facts styles (plain-list, space-rules, photos).
export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

// Read without JavaScript, light on old phones: no scripts on this page (see root.tsx).
export const handle = { hydrate: false, pageCache: { shows: ['lending', 'organisations', 'places'] } } satisfies RouteHandle;

function placeIds(regions: Region[]) {
  const municipalities = regions.flatMap((region) => region.municipalities);
  return {
    municipalityIds: municipalities.map((municipality) => municipality.id),
    villageIds: municipalities.flatMap((municipality) => municipality.villages.map((village) => village.id)),
  };
}

async function runSearch(state: ApiCaller, url: URL) {
  const { regions } = await loadFromApi(state, listPlacesRoute);
  const { values, isSearch } = readSearch(url.searchParams);
  const errors = isSearch ? checkSearch(values, placeIds(regions)) : {};
  const isValid = isSearch && Object.keys(errors).length === 0;
  return { regions, values, errors, hits: isValid ? await searchLending(state, values) : null };
}

export async function loader({ context, request }: Route.LoaderArgs) {
  return runSearch(getRequestState(context), new URL(request.url));
}

type RequestFailure = { errors: FieldErrors; values: Record<string, string> };

// One request to several owners: it becomes one loan per owner; the confirmation shows them together.
export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const { values: search, hits } = await runSearch(state, new URL(request.url));
  const form = readFormValues(await request.formData());
  if (!hits) return data<RequestFailure>({ errors: { form: 'lending.request.noneChosen' }, values: form }, { status: 400 });
  const organisationIds = viewer.memberships.map((membership) => membership.organisation.id);
  const { input, errors } = readLoanRequest(form, search, hits, organisationIds);
  if (!input) return data<RequestFailure>({ errors, values: form }, { status: 400 });
  try {
    const { requestId } = await sendLoanRequest(state, input);
    return redirectWithCookies(`/lending/requests/${requestId}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    return data<RequestFailure>({ errors: { form: 'lending.request.taken' }, values: form }, { status: 409 });
  }
}

function whenText(values: SearchValues, language: Language): string {
  const start = `${shortDayText(values.fromDate, language)} ${clockText(values.fromTime, language)}`;
  const end =
    values.toDate === values.fromDate
      ? clockText(values.toTime, language)
      : `${shortDayText(values.toDate, language)} ${clockText(values.toTime, language)}`;
  return `${start}–${end}`;
}

export default function Lending() {
  const { t, language } = useI18n();
  const viewer = useRootData()?.viewer ?? null;
  const { regions, values, errors, hits } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const wanted = values.quantity ? Number(values.quantity) : null;
  const requestErrors = failure?.errors ?? {};
  const labels: Record<string, string> = { form: t('lending.request.title'), ...requestLabels(t) };
  for (const hit of hits ?? []) labels[takeField(hit.item.id)] = t('lending.search.take');
  return (
    <>
      <PageTitle
        title={hits ? t('lending.search.pageTitle') : t('lending.title')}
        hasErrors={Object.keys(errors).length > 0 || !!failure}
      />
      <h1>{t('lending.title')}</h1>
      <p className="lead">{t('lending.intro')}</p>
      <p>
        {viewer ? (
          <>
            <Link to="/loans">{t('loans.title')}</Link>
            {' · '}
          </>
        ) : null}
        <Link to="/lending/give-aways">{t('giveAway.title')}</Link>
      </p>
      <LendingSearchForm regions={regions} values={values} errors={errors} />
      {hits ? (
        viewer && hits.length > 0 ? (
          <Form method="post" noValidate>
            <ErrorSummary errors={failure ? requestErrors : undefined} labels={labels} idPrefix="request" />
            {requestErrors.form ? <p className="field__error">{t(requestErrors.form as MessageKey)}</p> : null}
            <LendingResults
              hits={hits}
              when={whenText(values, language)}
              wanted={wanted}
              canRequest
              taken={failure?.values ?? {}}
              errors={requestErrors}
            />
            <LendingRequestFields memberships={viewer.memberships} values={failure?.values ?? {}} errors={requestErrors} />
          </Form>
        ) : (
          <>
            <LendingResults
              hits={hits}
              when={whenText(values, language)}
              wanted={wanted}
              canRequest={false}
              taken={{}}
              errors={{}}
            />
            {viewer ? null : (
              <p className="panel panel--info">
                <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/lending?${new URLSearchParams(values)}`)}`}>
                  {t('lending.search.signInToRequest')}
                </Link>
              </p>
            )}
          </>
        )
      ) : null}
    </>
  );
}
