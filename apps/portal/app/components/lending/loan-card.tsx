import type { ReactNode } from 'react';
import { whenText } from '../bookings/booking-format';
import { useI18n } from '../../lib/root-data';
import { loanStateKeys, localised } from './lending-labels';
import type { LoanView } from './lending-view';

// One owner's loan within a request: its state in words, what and when, and any actions below.
// `forOwner`: the owner's pages, which warn when the loan no longer fits the stock.
export function LoanCard({
  loan,
  heading,
  children,
  forOwner = false,
}: {
  loan: LoanView;
  heading: ReactNode;
  children?: ReactNode;
  forOwner?: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <article className="loan-group">
      {heading}
      <p>
        <span className="loan-state">{t(loanStateKeys[loan.state])}</span>
      </p>
      {forOwner && loan.isFlagged && (loan.state === 'requested' || loan.state === 'approved') ? (
        <p className="panel panel--warning">
          <strong>{t('lending.flagged.title')}</strong> {t('lending.flagged.decide')}
        </p>
      ) : null}
      {loan.denyReason ? <p>{t('loans.deniedReason', { reason: loan.denyReason })}</p> : null}
      <p>{t('loans.period', { period: whenText(loan.startsAt, loan.endsAt, language) })}</p>
      <ul>
        {loan.lines.map((line) => (
          <li key={line.itemId}>
            {line.quantity} × {localised(line.name, language)}
          </li>
        ))}
      </ul>
      {children}
    </article>
  );
}
