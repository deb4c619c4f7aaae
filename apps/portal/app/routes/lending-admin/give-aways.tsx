import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/give-aways';
import { ErrorSummary } from '../../components/error-summary';
import { TextAreaField } from '../../components/form-fields';
import {
  answerGiveAway,
  type GiveAwayAnswer,
  giveAwayRefusal,
  loadOrganisationGiveAways,
} from '../../components/lending/give-away-api.server';
import { GiveAwayCard } from '../../components/lending/give-away-card';
import { localised } from '../../components/lending/lending-labels';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api.server';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { Notice } from '../../lib/notices';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

export const handle = { hydrate: false };

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  const { offers, claims } = await loadOrganisationGiveAways(state, params.id);
  return { organisationId: params.id, organisationName, offers, claims };
}

const answers: Record<string, { answer: GiveAwayAnswer; notice: Notice }> = {
  confirm: { answer: 'confirm', notice: 'give_away_confirmed' },
  decline: { answer: 'decline', notice: 'give_away_declined' },
  withdraw: { answer: 'withdraw', notice: 'give_away_withdrawn' },
};

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireLendingOwner(state, params.id);
  const { intent = '', offerId = '', reason = '' } = readFormValues(await request.formData());
  const chosen = answers[intent];
  const fail = (errors: FieldErrors, status = 400) =>
    data<{ offerId: string; errors: FieldErrors }>({ offerId, errors }, { status });
  if (!chosen) return fail({ form: 'validation.checkField' });
  if (reason.length > 1000) return fail({ reason: 'validation.tooLong' });
  try {
    await answerGiveAway(state, { organisationId: params.id, offerId }, chosen.answer, reason.trim());
  } catch (error) {
    return fail(giveAwayRefusal(error), error instanceof ApiError ? error.status : 400);
  }
  return redirectWithCookies(`/organisations/${params.id}/lending/give-aways`, [serializeNoticeCookie(chosen.notice)]);
}

// The owner's give-aways: claims to answer, open offers to withdraw, what it received, and history.
export default function OwnerGiveAways() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, offers, claims } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const claimed = offers.filter((offer) => offer.state === 'claimed');
  const open = offers.filter((offer) => offer.state === 'offered');
  const done = offers.filter((offer) => offer.state === 'given' || offer.state === 'withdrawn');
  const errorsOf = (offerId: string) => (failure?.offerId === offerId ? failure.errors : undefined);
  const title = t('giveAway.ownerTitle', { name: organisationName });
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/lending`}>{t('lendingAdmin.title', { name: organisationName })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('giveAway.ownerIntro')}</p>
      <p>
        <Link to="/lending/give-aways">{t('giveAway.regionLink')}</Link>
      </p>

      <section className="section" aria-labelledby="give-away-claims">
        <h2 id="give-away-claims">{t('giveAway.toAnswer')}</h2>
        {claimed.length === 0 ? <p>{t('giveAway.toAnswerNone')}</p> : null}
        {claimed.map((offer) => {
          const errors = errorsOf(offer.id);
          const name = localised(offer.item.name, language);
          return (
            <GiveAwayCard key={offer.id} offer={offer} headingLevel={3}>
              {offer.claimMessage ? (
                <p>
                  <strong>{t('giveAway.claimMessage')}:</strong> {offer.claimMessage}
                </p>
              ) : null}
              <ErrorSummary errors={errors} labels={{ reason: t('giveAway.declineReason') }} idPrefix={`decline-${offer.id}`} />
              <Form method="post" className="loan-actions">
                <input type="hidden" name="offerId" value={offer.id} />
                <button type="submit" name="intent" value="confirm" className="button">
                  {t('giveAway.confirm', { name: offer.claimer?.name ?? '' })}
                  <span className="visually-hidden">: {name}</span>
                </button>
              </Form>
              <Form method="post" className="loan-deny">
                <input type="hidden" name="offerId" value={offer.id} />
                <TextAreaField
                  name="reason"
                  idPrefix={`decline-${offer.id}`}
                  label={t('giveAway.declineReason')}
                  hint={t('giveAway.declineHint')}
                  error={errors?.reason ? t(errors.reason) : undefined}
                />
                <button type="submit" name="intent" value="decline" className="button button--secondary">
                  {t('giveAway.decline')}
                  <span className="visually-hidden">: {name}</span>
                </button>
              </Form>
            </GiveAwayCard>
          );
        })}
      </section>

      <section className="section" aria-labelledby="give-away-open">
        <h2 id="give-away-open">{t('giveAway.open')}</h2>
        {open.length === 0 ? <p>{t('giveAway.openNone')}</p> : null}
        {open.map((offer) => (
          <GiveAwayCard key={offer.id} offer={offer} headingLevel={3}>
            <ErrorSummary errors={errorsOf(offer.id)} labels={{}} idPrefix={`withdraw-${offer.id}`} />
            <Form method="post" className="actions">
              <input type="hidden" name="offerId" value={offer.id} />
              <button type="submit" name="intent" value="withdraw" className="button button--secondary">
                {t('giveAway.withdraw')}
                <span className="visually-hidden">: {localised(offer.item.name, language)}</span>
              </button>
            </Form>
          </GiveAwayCard>
        ))}
      </section>

      <section className="section" aria-labelledby="give-away-received">
        <h2 id="give-away-received">{t('giveAway.received')}</h2>
        {claims.length === 0 ? <p>{t('giveAway.receivedNone')}</p> : null}
        {claims.map((offer) => (
          <GiveAwayCard key={offer.id} offer={offer} headingLevel={3}>
            {offer.state === 'claimed' ? <p>{t('giveAway.waitingForGiver')}</p> : null}
            {offer.receivedItemId ? (
              <p>
                <Link to={`/lending/items/${offer.receivedItemId}`}>{t('giveAway.receivedItem')}</Link>
                {' · '}
                <Link to={`/organisations/${organisationId}/lending/items/${offer.receivedItemId}`}>
                  {t('giveAway.completePlace')}
                </Link>
              </p>
            ) : null}
          </GiveAwayCard>
        ))}
      </section>

      {done.length > 0 ? (
        <section className="section" aria-labelledby="give-away-done">
          <h2 id="give-away-done">{t('giveAway.history')}</h2>
          {done.map((offer) => (
            <GiveAwayCard key={offer.id} offer={offer} headingLevel={3} />
          ))}
        </section>
      ) : null}
    </>
  );
}
