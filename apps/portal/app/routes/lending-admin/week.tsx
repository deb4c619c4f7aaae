import { Link, useLoaderData } from 'react-router';
import { addDays, helsinkiDayOf, helsinkiToday, mondayOf } from '@talkoot/platform/time';
import type { Route } from './+types/week';
import { PrintButton } from '../../components/bookings/print-button';
import { momentText } from '../../components/bookings/booking-format';
import { loadOwnerLoans } from '../../components/lending/lending-api.server';
import { localised } from '../../components/lending/lending-labels';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import type { LoanView } from '../../components/lending/lending-view';
import { PageTitle } from '../../components/page-title';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: lendingStyles }];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  const monday = mondayOf(helsinkiToday());
  const nextMonday = addDays(monday, 7);
  const loans = await loadOwnerLoans(state, params.id, {
    from: monday,
    to: addDays(monday, 6),
  });
  const inWeek = (instant: string) => helsinkiDayOf(instant) >= monday && helsinkiDayOf(instant) < nextMonday;
  const moves = [
    ...loans
      .filter((loan) => loan.state === 'approved' && inWeek(loan.startsAt))
      .map((loan) => ({ loan, at: loan.startsAt, isOut: true })),
    ...loans
      .filter((loan) => (loan.state === 'pickedUp' || loan.state === 'overdue') && inWeek(loan.endsAt))
      .map((loan) => ({ loan, at: loan.endsAt, isOut: false })),
  ].toSorted((a, b) => a.at.localeCompare(b.at));
  return { organisationId: params.id, organisationName, moves };
}

function whatText(loan: LoanView, language: Parameters<typeof localised>[1]): string {
  return loan.lines.map((line) => `${line.quantity} × ${localised(line.name, language)}`).join(', ');
}

// What goes out and comes back this week, in time order: a list to print and pin in the storeroom.
export default function LendingWeek() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, moves } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={`${t('lendingAdmin.week')}: ${organisationName}`} />
      <div className="no-print">
        <p className="breadcrumb">
          <Link to={`/organisations/${organisationId}/lending`}>{t('lendingAdmin.title', { name: organisationName })}</Link>
        </p>
      </div>
      <h1>{t('lendingAdmin.week')}</h1>
      <p className="lead">{organisationName}</p>
      <div className="no-print">
        <PrintButton />
      </div>
      {moves.length === 0 ? (
        <p>{t('lendingAdmin.weekEmpty')}</p>
      ) : (
        <table className="week-list">
          <thead>
            <tr>
              <th scope="col">{t('lending.search.when')}</th>
              <th scope="col">{t('lendingAdmin.loan')}</th>
              <th scope="col">{t('lending.search.what')}</th>
              <th scope="col">{t('lending.request.collector')}</th>
            </tr>
          </thead>
          <tbody>
            {moves.map(({ loan, at, isOut }) => (
              <tr key={`${loan.id}-${isOut}`}>
                <td data-label={t('lending.search.when')}>{momentText(at, language)}</td>
                <td data-label={t('lendingAdmin.loan')}>
                  <strong>{t(isOut ? 'lendingAdmin.weekOut' : 'lendingAdmin.weekIn')}</strong>
                  <br />
                  <Link to={`/organisations/${organisationId}/lending/loans/${loan.id}`}>{loan.borrower}</Link>
                  {loan.isFlagged && (loan.state === 'requested' || loan.state === 'approved') ? (
                    <span className="loan-flagged">
                      {t('lending.flagged.title')} {t('lending.flagged.decide')}
                    </span>
                  ) : null}
                </td>
                <td data-label={t('lending.search.what')}>{whatText(loan, language)}</td>
                <td data-label={t('lending.request.collector')}>
                  {loan.collector}
                  {loan.isTransportNeeded ? (
                    <>
                      <br />
                      {t('lending.request.transportYes')}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
