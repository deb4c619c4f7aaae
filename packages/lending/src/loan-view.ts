import type { EntityManager } from '@mikro-orm/postgresql';
import { Loan, LoanLine, LoanRequest } from './loan.entity.js';
import { isOverdue } from './loan.rules.js';
import type { LoanRequestView, LoanView } from './loan.schemas.js';

export const loanPopulate = ['owner', 'borrower', 'organisation'] as const;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toLoanView(loan: Loan, lines: readonly LoanLine[], now: Date): LoanView {
  return loanView(
    loan,
    {
      owner: loan.owner,
      borrower: loan.borrower,
      organisation: loan.organisation,
      lines: lines.map((line) => ({
        itemId: line.item.id,
        name: line.item.name,
        quantity: line.quantity,
        kitItemId: line.kitItem?.id ?? null,
        returnedFine: line.returnedFine,
        returnedDamaged: line.returnedDamaged,
        returnedMissing: line.returnedMissing,
        returnNotes: line.returnNotes,
      })),
    },
    now,
  );
}

// The view from a loan's own columns and what it relates to, loaded or just written (a new request).
export function loanView(
  loan: Omit<Loan, 'owner' | 'borrower' | 'organisation' | 'request'> & { request: { id: string } },
  related: {
    owner: { id: string; name: string };
    borrower: { id: string; name: string; email: string };
    organisation: { id: string; name: string } | null;
    lines: LoanView['lines'];
  },
  now: Date,
): LoanView {
  return {
    id: loan.id,
    requestId: loan.request.id,
    state: loan.state,
    isOverdue: isOverdue(loan, now),
    isFlagged: loan.flaggedAt !== null,
    owner: { id: related.owner.id, name: related.owner.name },
    borrower: { id: related.borrower.id, name: related.borrower.name, email: related.borrower.email },
    organisation: related.organisation ? { id: related.organisation.id, name: related.organisation.name } : null,
    startsAt: loan.startsAt.toISOString(),
    endsAt: loan.endsAt.toISOString(),
    collectorName: loan.collectorName,
    collectAt: iso(loan.collectAt),
    handOverStartsAt: iso(loan.handOverStartsAt),
    handOverEndsAt: iso(loan.handOverEndsAt),
    isTransportNeeded: loan.isTransportNeeded,
    eventId: loan.eventId,
    message: loan.message,
    feeTier: loan.feeTier,
    feeCents: loan.feeCents,
    depositCents: loan.depositCents,
    denyReason: loan.denyReason,
    cancelReason: loan.cancelReason,
    createdAt: loan.createdAt.toISOString(),
    expiresAt: iso(loan.expiresAt),
    pickedUpAt: iso(loan.pickedUpAt),
    returnedAt: iso(loan.returnedAt),
    lines: related.lines,
  };
}

// Views of loans already loaded with `loanPopulate`: their lines in one statement.
export async function viewLoans(em: EntityManager, loans: readonly Loan[], now = new Date()): Promise<LoanView[]> {
  if (loans.length === 0) return [];
  const lines = await em.find(
    LoanLine,
    { loan: { $in: loans.map((loan) => loan.id) } },
    { populate: ['item'], orderBy: { item: { createdAt: 'asc' }, id: 'asc' } },
  );
  const byLoan = new Map<string, LoanLine[]>();
  for (const line of lines) byLoan.set(line.loan.id, [...(byLoan.get(line.loan.id) ?? []), line]);
  return loans.map((loan) => toLoanView(loan, byLoan.get(loan.id) ?? [], now));
}

export async function viewRequests(
  em: EntityManager,
  requests: readonly LoanRequest[],
  now = new Date(),
): Promise<LoanRequestView[]> {
  if (requests.length === 0) return [];
  const loans = await em.find(
    Loan,
    { request: { $in: requests.map((request) => request.id) } },
    { populate: loanPopulate, orderBy: { owner: { name: 'asc' } } },
  );
  const views = await viewLoans(em, loans, now);
  return requests.map((request) => ({
    id: request.id,
    createdAt: request.createdAt.toISOString(),
    startsAt: request.startsAt.toISOString(),
    endsAt: request.endsAt.toISOString(),
    loans: views.filter((view) => view.requestId === request.id),
  }));
}
