import { Form, useLoaderData } from 'react-router';
import { formatDay } from '@talkoot/platform/time';
import type { Route } from './+types/my-loans';
import { changeLoanState, loadMyLoanRequests } from '../../components/lending/lending-api.server';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { LoanCard } from '../../components/lending/loan-card';
import { PageTitle } from '../../components/page-title';
import { readFormValues } from '../../lib/forms';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, serializeNoticeCookie } from '../../lib/session.server';

// venues.css for the shared list and facts styles (plain-list, space-rules, photos).
export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  return { requests: await loadMyLoanRequests(state) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const { loanId = '' } = readFormValues(await request.formData());
  await changeLoanState(state, { loanId, organisationId: null }, 'cancel');
  return redirectWithCookies('/loans', [serializeNoticeCookie('loan_cancelled')]);
}

const cancellable = new Set(['requested', 'approved']);

// The borrower's loans, grouped by the request they came from; each owner's part has its own state.
export default function MyLoans() {
  const { t, language } = useI18n();
  const { requests } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t('loans.title')} />
      <h1>{t('loans.title')}</h1>
      <p className="lead">{t('loans.intro')}</p>
      {requests.length === 0 ? <p>{t('loans.empty')}</p> : null}
      {requests.map((request) => (
        <section key={request.id} className="section" aria-labelledby={`request-${request.id}`}>
          <h2 id={`request-${request.id}`}>{t('loans.requestOf', { date: formatDay(request.createdAt, language) })}</h2>
          {request.loans.map((loan) => (
            <LoanCard key={loan.id} loan={loan} heading={<h3>{t('lending.sent.loanFrom', { owner: loan.owner.name })}</h3>}>
              {cancellable.has(loan.state) ? (
                <Form method="post">
                  <input type="hidden" name="loanId" value={loan.id} />
                  <button type="submit" className="button button--secondary">
                    {t('loans.cancel')}
                  </button>
                </Form>
              ) : null}
            </LoanCard>
          ))}
        </section>
      ))}
    </>
  );
}
