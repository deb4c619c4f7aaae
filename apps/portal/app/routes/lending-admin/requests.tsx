import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/requests';
import { TextAreaField } from '../../components/form-fields';
import { changeLoanState, loadOwnerLoans } from '../../components/lending/lending-api.server';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { LoanCard } from '../../components/lending/loan-card';
import { PageTitle } from '../../components/page-title';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

// venues.css for the shared list and facts styles (plain-list, space-rules, photos).
export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  return { organisationId: params.id, organisationName, loans: await loadOwnerLoans(state, params.id, { state: 'requested' }) };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireLendingOwner(state, params.id);
  const { intent, loanId = '', reason = '' } = readFormValues(await request.formData());
  if (intent === 'deny' && !reason.trim())
    return data<{ loanId: string; errors: FieldErrors }>(
      { loanId, errors: { reason: 'lendingAdmin.denyReasonRequired' } },
      { status: 400 },
    );
  await changeLoanState(state, { loanId, organisationId: params.id }, intent === 'deny' ? 'deny' : 'approve', reason.trim());
  return redirectWithCookies(`/organisations/${params.id}/lending/requests`, [
    serializeNoticeCookie(intent === 'deny' ? 'loan_denied' : 'loan_approved'),
  ]);
}

// Each owner decides its own part of a request, under its own rules; a denial says why.
export default function LendingRequests() {
  const { t } = useI18n();
  const { organisationId, organisationName, loans } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <PageTitle title={`${t('lendingAdmin.requests')}: ${organisationName}`} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/lending`}>{t('lendingAdmin.title', { name: organisationName })}</Link>
      </p>
      <h1>{t('lendingAdmin.requests')}</h1>
      {loans.length === 0 ? <p>{t('lendingAdmin.requestsEmpty')}</p> : null}
      {loans.map((loan) => {
        const error = failure?.loanId === loan.id ? failure.errors.reason : undefined;
        return (
          <LoanCard key={loan.id} forOwner loan={loan} heading={<h2>{t('lending.item.borrower', { name: loan.borrower })}</h2>}>
            <p>
              {t('lending.request.collector')}: {loan.collector}
              <br />
              {t('lending.request.transport')}:{' '}
              {t(loan.isTransportNeeded ? 'lending.request.transportYes' : 'lending.request.transportNo')}
            </p>
            <p>
              <Link to={`/organisations/${organisationId}/lending/loans/${loan.id}`}>
                {t(loan.isTransportNeeded ? 'lendingAdmin.transport.openLoan' : 'lendingAdmin.openLoan')}
                <span className="visually-hidden">: {loan.borrower}</span>
              </Link>
            </p>
            <Form method="post" className="actions">
              <input type="hidden" name="loanId" value={loan.id} />
              <button type="submit" name="intent" value="approve" className="button">
                {t('lendingAdmin.approve')}
              </button>
            </Form>
            <Form method="post" className="loan-deny">
              <input type="hidden" name="loanId" value={loan.id} />
              <TextAreaField
                name="reason"
                idPrefix={`deny-${loan.id}`}
                label={t('lendingAdmin.denyReason')}
                error={error ? t(error as MessageKey) : undefined}
              />
              <button type="submit" name="intent" value="deny" className="button button--secondary">
                {t('lendingAdmin.deny')}
              </button>
            </Form>
          </LoanCard>
        );
      })}
    </>
  );
}
