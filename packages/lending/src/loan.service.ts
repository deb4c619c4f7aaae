import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, LockMode, MikroORM } from '@mikro-orm/postgresql';
import { User } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound } from '@talkoot/platform';
import { addDays, helsinkiDayStart, helsinkiToday, mondayOf } from '@talkoot/platform/time';
import { loanErrors } from './lending.errors.js';
import { Loan, LoanLine, LoanRequest } from './loan.entity.js';
import { isFullyReturned, returnProblem } from './loan.rules.js';
import type { LoanRequestView, LoanState, LoanView } from './loan.schemas.js';
import { loanPopulate, viewLoans, viewRequests } from './loan-view.js';
import type { LoanUpdateKind } from './mail/loan-update.template.js';
import { notifyLoansById } from './mail/loan-notifications.js';
import { OutOfServicePeriod } from './item.entity.js';
import { flagLoansBeyondStock } from './stock-flags.js';
import { lockItems, OPEN_END_DATE } from './stock.sql.js';

type Change = { from: readonly LoanState[]; set: Partial<Loan>; mail?: { kind: LoanUpdateKind; reason?: string | null } };

// A loan from the owner's answer to its return, and the lists owners and borrowers read.
@Injectable()
export class LoanService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async approve(
    ownerId: string,
    loanId: string,
    input: { handOverStartsAt: Date | null; handOverEndsAt: Date | null; message: string },
    userId: string,
  ): Promise<LoanView> {
    return this.change({ id: loanId, owner: ownerId }, (em) => ({
      from: ['requested'],
      set: {
        state: 'approved',
        decidedAt: new Date(),
        decidedBy: em.getReference(User, userId),
        expiresAt: null,
        handOverStartsAt: input.handOverStartsAt,
        handOverEndsAt: input.handOverEndsAt,
      },
      mail: { kind: 'approved', reason: input.message || null },
    }));
  }

  async deny(ownerId: string, loanId: string, reason: string, userId: string): Promise<LoanView> {
    return this.change({ id: loanId, owner: ownerId }, (em) => ({
      from: ['requested'],
      set: {
        state: 'denied',
        decidedAt: new Date(),
        decidedBy: em.getReference(User, userId),
        denyReason: reason,
        expiresAt: null,
      },
      mail: { kind: 'denied', reason },
    }));
  }

  async pickUp(ownerId: string, loanId: string): Promise<LoanView> {
    return this.change({ id: loanId, owner: ownerId }, () => ({
      from: ['approved'],
      set: { state: 'pickedUp', pickedUpAt: new Date() },
    }));
  }

  async cancelByOwner(ownerId: string, loanId: string, reason: string): Promise<LoanView> {
    return this.change({ id: loanId, owner: ownerId }, () => ({
      from: ['requested', 'approved'],
      set: { state: 'cancelled', cancelledAt: new Date(), cancelReason: reason || null, expiresAt: null },
      mail: { kind: 'cancelledByOwner', reason: reason || null },
    }));
  }

  async cancelByBorrower(loanId: string, userId: string, reason: string): Promise<LoanView> {
    return this.change(
      { id: loanId },
      () => ({
        from: ['requested', 'approved'],
        set: { state: 'cancelled', cancelledAt: new Date(), cancelReason: reason || null, expiresAt: null },
        mail: { kind: 'cancelledByBorrower', reason: reason || null },
      }),
      userId,
    );
  }

  // Units counted back per line; the loan is returned when every unit is, otherwise the rest stays out.
  // Units counted damaged or missing go out of service from now until the owner ends the period
  // (repaired, found), so a broken chair is not lent again before someone looks at it.
  async returnLines(
    ownerId: string,
    loanId: string,
    counted: readonly { itemId: string; fine: number; damaged: number; missing: number; notes: string }[],
    userId: string | null = null,
  ): Promise<LoanView> {
    return this.orm.em.fork().transactional(async (em) => {
      // ADR 017's order: the rows of the items whose stock shrinks (in id order) before the loan's
      // row, as marking units out of service does (it locks the item, then flags loans).
      const broken = [...new Set(counted.filter((count) => count.damaged + count.missing > 0).map((count) => count.itemId))];
      const stock = new Map((await lockItems(em, broken)).map((row) => [row.id, row.quantity]));
      const loan = await em.findOne(Loan, { id: loanId, owner: ownerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!loan) throw notFound('The loan');
      if (loan.state !== 'pickedUp') throw wrongState(loan.state);
      const lines = await em.find(LoanLine, { loan: loan.id });
      const now = new Date();
      counted.forEach((count, index) => {
        const line = lines.find((candidate) => candidate.item.id === count.itemId);
        if (!line)
          throw new DomainError(loanErrors.item_unknown, 'The loan has no such item', {
            [`lines.${index}.itemId`]: 'Not in this loan',
          });
        const problem = returnProblem(line, count);
        if (problem) throw new DomainError(loanErrors.return_beyond_outstanding, problem, { [`lines.${index}.fine`]: problem });
        line.returnedFine += count.fine;
        line.returnedDamaged += count.damaged;
        line.returnedMissing += count.missing;
        if (count.notes) line.returnNotes = line.returnNotes ? `${line.returnNotes}\n${count.notes}` : count.notes;
        if (count.damaged + count.missing > 0)
          em.create(OutOfServicePeriod, {
            item: line.item,
            units: count.damaged + count.missing,
            startsAt: now,
            endsAt: OPEN_END_DATE,
            reason: count.notes.trim() || returnedReason(count),
            createdBy: userId ? em.getReference(User, userId) : null,
          });
      });
      if (isFullyReturned(lines)) {
        loan.state = 'returned';
        loan.returnedAt = now;
      }
      await em.flush();
      const flaggedLoanIds: string[] = [];
      for (const itemId of broken) flaggedLoanIds.push(...(await flagLoansBeyondStock(em, itemId, stock.get(itemId) ?? 0, now)));
      await notifyLoansById(em, flaggedLoanIds, 'flagged', {
        publicOrigin: this.config.publicOrigin,
        reason: counted.map((count) => count.notes.trim()).find(Boolean) ?? null,
      });
      return this.view(em, loan.id);
    });
  }

  async getForOwner(ownerId: string, loanId: string): Promise<LoanView> {
    const em = this.orm.em.fork();
    const loan = await em.findOne(Loan, { id: loanId, owner: ownerId }, { populate: loanPopulate });
    if (!loan) throw notFound('The loan');
    return (await viewLoans(em, [loan]))[0]!;
  }

  async listForOwner(
    ownerId: string,
    query: { state?: LoanState | undefined; from?: string | undefined; to?: string | undefined },
  ) {
    const em = this.orm.em.fork();
    const loans = await em.find(
      Loan,
      {
        owner: ownerId,
        ...(query.state ? { state: query.state } : {}),
        ...(query.to ? { startsAt: { $lt: helsinkiDayStart(addDays(query.to, 1)) } } : {}),
        ...(query.from ? { endsAt: { $gt: helsinkiDayStart(query.from) } } : {}),
      },
      { populate: loanPopulate, orderBy: { startsAt: 'asc' }, limit: 500 },
    );
    return viewLoans(em, loans);
  }

  // Monday to Sunday of the week (Helsinki): what goes out (approved, starting in it) and what comes
  // back (picked up and ending in it, or already overdue).
  async week(ownerId: string, date: string | undefined) {
    const from = mondayOf(date ?? helsinkiToday());
    const to = addDays(from, 6);
    const weekStart = helsinkiDayStart(from);
    const weekEnd = helsinkiDayStart(addDays(to, 1));
    const em = this.orm.em.fork();
    const pickUps = await em.find(
      Loan,
      { owner: ownerId, state: { $in: ['requested', 'approved'] }, startsAt: { $gte: weekStart, $lt: weekEnd } },
      { populate: loanPopulate, orderBy: { startsAt: 'asc' } },
    );
    const returns = await em.find(
      Loan,
      { owner: ownerId, state: 'pickedUp', endsAt: { $lt: weekEnd } },
      { populate: loanPopulate, orderBy: { endsAt: 'asc' } },
    );
    return { from, to, pickUps: await viewLoans(em, pickUps), returns: await viewLoans(em, returns) };
  }

  async listMine(userId: string): Promise<LoanRequestView[]> {
    const em = this.orm.em.fork();
    const requests = await em.find(LoanRequest, { borrower: userId }, { orderBy: { startsAt: 'desc' }, limit: 200 });
    return viewRequests(em, requests);
  }

  async getMine(requestId: string, userId: string): Promise<LoanRequestView> {
    const em = this.orm.em.fork();
    const request = await em.findOne(LoanRequest, { id: requestId, borrower: userId });
    if (!request) throw notFound('The request');
    return (await viewRequests(em, [request]))[0]!;
  }

  // A state change as one conditional update; when it changes nothing, say why (gone, or the wrong state).
  private async change(
    where: { id: string; owner?: string },
    describe: (em: EntityManager) => Change,
    borrowerId?: string,
  ): Promise<LoanView> {
    return this.orm.em.fork().transactional(async (em) => {
      const { from, set, mail } = describe(em);
      const changed = await em.nativeUpdate(
        Loan,
        { ...where, ...(borrowerId ? { borrower: borrowerId } : {}), state: { $in: [...from] } },
        set,
      );
      if (changed === 0) {
        const loan = await em.findOne(Loan, where);
        if (!loan) throw notFound('The loan');
        if (borrowerId && loan.borrower.id !== borrowerId)
          throw new DomainError(loanErrors.not_yours, 'Only the borrower can cancel this loan');
        throw wrongState(loan.state);
      }
      if (mail)
        await notifyLoansById(em, [where.id], mail.kind, { publicOrigin: this.config.publicOrigin, reason: mail.reason ?? null });
      return this.view(em, where.id);
    });
  }

  private async view(em: EntityManager, loanId: string): Promise<LoanView> {
    const loan = await em.findOneOrFail(Loan, { id: loanId }, { populate: loanPopulate, refresh: true });
    return (await viewLoans(em, [loan]))[0]!;
  }
}

// Said when the borrower's notes are empty: the owner reads it in the item's periods out of service.
function returnedReason(count: { damaged: number; missing: number }): string {
  const parts = [count.damaged ? `${count.damaged} damaged` : '', count.missing ? `${count.missing} missing` : ''];
  return `Counted back ${parts.filter(Boolean).join(' and ')}: check before lending again`;
}

function wrongState(state: LoanState): DomainError {
  return new DomainError(loanErrors.wrong_state, `The loan is ${state}: this does not apply to it`);
}
