import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/give-aways';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextAreaField } from '../../components/form-fields';
import { claimGiveAway, giveAwayRefusal, loadRegionGiveAways } from '../../components/lending/give-away-api.server';
import { GiveAwayCard } from '../../components/lending/give-away-card';
import { localised } from '../../components/lending/lending-labels';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api.server';
import type { Viewer } from '../../lib/api-types';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import { useI18n, useRootData } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, serializeNoticeCookie } from '../../lib/session.server';
import type { RouteHandle } from '../../lib/page-cache';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

// Plain forms, no scripts: read and claimed on any phone (see root.tsx).
export const handle = { hydrate: false, pageCache: { shows: ['lending', 'organisations', 'places'] } } satisfies RouteHandle;

// The organisations a person may claim for: where they are an admin or a coordinator.
function claimingOrganisations(viewer: Pick<Viewer, 'memberships'> | null | undefined): { id: string; name: string }[] {
  return (viewer?.memberships ?? [])
    .filter((membership) => membership.role === 'admin' || membership.role === 'coordinator')
    .map((membership) => ({ id: membership.organisation.id, name: membership.organisation.name }));
}

export async function loader({ context }: Route.LoaderArgs) {
  return { offers: await loadRegionGiveAways(getRequestState(context)) };
}

type ClaimFailure = { offerId: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const viewer = requireViewer(state);
  const values = readFormValues(await request.formData());
  const { offerId = '', organisationId = '', message = '' } = values;
  const fail = (errors: FieldErrors, status = 400) => data<ClaimFailure>({ offerId, errors, values }, { status });
  if (!claimingOrganisations(viewer).some((organisation) => organisation.id === organisationId))
    return fail({ organisationId: 'giveAway.claim.chooseOrganisation' });
  if (message.length > 1000) return fail({ message: 'validation.tooLong' });
  try {
    await claimGiveAway(state, { organisationId, offerId }, message.trim());
  } catch (error) {
    return fail(giveAwayRefusal(error), error instanceof ApiError ? error.status : 400);
  }
  return redirectWithCookies(`/organisations/${organisationId}/lending/give-aways`, [serializeNoticeCookie('give_away_claimed')]);
}

// Kierrätys: what the region's organisations give away for good; a coordinator claims it for theirs.
export default function GiveAways() {
  const { t, language } = useI18n();
  const viewer = useRootData()?.viewer ?? null;
  const { offers } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const organisations = claimingOrganisations(viewer);
  return (
    <>
      <PageTitle title={t('giveAway.title')} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to="/lending">{t('lending.title')}</Link>
      </p>
      <h1>{t('giveAway.title')}</h1>
      <p className="lead">{t('giveAway.intro')}</p>
      {viewer ? null : (
        <p className="panel panel--info">
          <Link to="/sign-in?redirectTo=%2Flending%2Fgive-aways">{t('giveAway.signInToClaim')}</Link>
        </p>
      )}
      {offers.length === 0 ? <p>{t('giveAway.none')}</p> : null}
      {offers.map((offer) => {
        const eligible = organisations.filter((organisation) => organisation.id !== offer.owner.id);
        const errors = failure?.offerId === offer.id ? failure.errors : undefined;
        const values = failure?.offerId === offer.id ? failure.values : {};
        const prefix = `claim-${offer.id}`;
        const name = localised(offer.item.name, language);
        return (
          <GiveAwayCard key={offer.id} offer={offer}>
            {offer.state === 'offered' && eligible.length > 0 ? (
              <Form method="post" className="give-away__claim" noValidate>
                <ErrorSummary
                  errors={errors}
                  labels={{ organisationId: t('giveAway.claim.organisation'), message: t('giveAway.claim.message') }}
                  idPrefix={prefix}
                />
                <input type="hidden" name="offerId" value={offer.id} />
                {eligible.length === 1 ? (
                  <input type="hidden" name="organisationId" value={eligible[0]!.id} />
                ) : (
                  <SelectField
                    name="organisationId"
                    idPrefix={prefix}
                    label={t('giveAway.claim.organisation')}
                    options={eligible.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
                    placeholder={t('giveAway.claim.choose')}
                    defaultValue={values.organisationId}
                    error={errors?.organisationId ? t(errors.organisationId) : undefined}
                  />
                )}
                <TextAreaField
                  name="message"
                  idPrefix={prefix}
                  label={t('giveAway.claim.message')}
                  hint={t('giveAway.claim.messageHint')}
                  defaultValue={values.message}
                  error={errors?.message ? t(errors.message) : undefined}
                />
                <div className="loan-actions">
                  <button type="submit" className="button">
                    {eligible.length === 1
                      ? t('giveAway.claim.submitFor', { name: eligible[0]!.name })
                      : t('giveAway.claim.submit')}
                    <span className="visually-hidden">: {name}</span>
                  </button>
                </div>
              </Form>
            ) : null}
          </GiveAwayCard>
        );
      })}
    </>
  );
}
