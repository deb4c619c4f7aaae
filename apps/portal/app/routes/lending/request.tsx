import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/request';
import { loadLoanRequest } from '../../components/lending/lending-api.server';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { LoanCard } from '../../components/lending/loan-card';
import { PageTitle } from '../../components/page-title';
import { useI18n } from '../../lib/root-data';
import { getRequestState, requireViewer } from '../../lib/session.server';

// venues.css for the shared list and facts styles (plain-list, space-rules, photos).
export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  return { request: await loadLoanRequest(state, params.requestId) };
}

// After one request to several owners: every owner's loan together, each with its own state.
export default function LoanRequestSent() {
  const { t } = useI18n();
  const { request } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t('lending.sent.title')} />
      <h1>{t('lending.sent.title')}</h1>
      <p className="lead">{t('lending.sent.intro', { count: request.loans.length })}</p>
      {request.loans.map((loan) => (
        <LoanCard key={loan.id} loan={loan} heading={<h2>{t('lending.sent.loanFrom', { owner: loan.owner.name })}</h2>} />
      ))}
      <p>
        <Link to="/loans" className="button">
          {t('lending.sent.allLoans')}
        </Link>
      </p>
    </>
  );
}
