import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Organisation, User, type SignedInUser } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError } from '@talkoot/platform';
import type { LocalizedText } from '@talkoot/platform/schemas';
import { Item, KitPart } from './item.entity.js';
import { type FeeTier } from './item.schemas.js';
import { loanErrors } from './lending.errors.js';
import { Loan, LoanLine, LoanRequest } from './loan.entity.js';
import { expandKit, feeTierFor, lineFee, mayBorrow, periodProblem, requestExpiry } from './loan.rules.js';
import type { LoanRequestInput, LoanRequestView, LoanState, LoanView } from './loan.schemas.js';
import { loanView } from './loan-view.js';
import {
  ownerCoordinators,
  type RequestedItem,
  requestedItems,
  type RequestOrganisation,
  requestOrganisations,
} from './lending.sql.js';
import { lockItems, peakUsage } from './stock.sql.js';
import { notifyLoan } from './mail/loan-notifications.js';

// An unanswered request lets go of the units after this many days (or when the loan would start).
export const LOAN_REQUEST_DAYS = 7;

// What the integer columns hold, with room to spare.
const MAX_CENTS = 2_000_000_000;

const sum = <K extends string>(rows: readonly Record<K, number>[], key: K) => rows.reduce((total, row) => total + row[key], 0);

type LineRow = { itemId: string; quantity: number; kitItemId: string | null };
// A line to insert, with its owner, the input line it came from and what the answer shows of its item.
type RequestLine = LineRow & {
  ownerId: string;
  index: number;
  shown: { name: LocalizedText; createdAt: Date };
};

// One request to several owners: every owner's loan or none, with the stock rule checked under the
// items' row locks (ADR 017).
@Injectable()
export class LoanRequestService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(input: LoanRequestInput, borrower: SignedInUser): Promise<LoanRequestView> {
    const duplicate = input.lines.findIndex(
      (line, index) => input.lines.findIndex((other) => other.itemId === line.itemId) !== index,
    );
    if (duplicate >= 0)
      throw new DomainError(loanErrors.duplicate_item, 'Name each item once', {
        [`lines.${duplicate}.itemId`]: 'Name each item once',
      });
    return this.orm.em.fork().transactional(async (em) => {
      const now = new Date();
      // Plain statements, no entities to hydrate or to compute change sets for at the commit (ADR 013).
      const items = await requestedItems(
        em,
        input.lines.map((line) => line.itemId),
      );
      const itemOf = (itemId: string, index: number) => {
        const item = items.find((candidate) => candidate.id === itemId);
        if (!item || item.retiredAt)
          throw new DomainError(loanErrors.item_unknown, 'No such item', {
            [`lines.${index}.itemId`]: 'Choose an item from the search',
          });
        return item;
      };
      const ordered = input.lines.map((line, index) => ({ ...line, index, item: itemOf(line.itemId, index) }));
      const ownerIds = [...new Set(ordered.map((line) => line.item.owner.id))];
      const organisations = await requestOrganisations(em, borrower.id, [
        ...new Set([...ownerIds, ...(input.organisationId ? [input.organisationId] : [])]),
      ]);
      const borrowing = input.organisationId ? (organisations.get(input.organisationId) ?? null) : null;
      const tiers = this.feeTiers(borrowing, input.organisationId, ownerIds, organisations, ordered[0]!.item);

      for (const line of ordered) {
        if (!mayBorrow(line.item.borrowers, tiers.get(line.item.owner.id)!))
          throw new DomainError(loanErrors.borrower_not_allowed, `${line.item.owner.name} does not lend this item to you`, {
            [`lines.${line.index}.itemId`]: 'The owner does not lend this to you',
          });
        const problem = periodProblem(input.startsAt, input.endsAt, line.item, now);
        if (problem) throw new DomainError(problem.reason, problem.message, { [problem.field]: problem.message });
      }

      const parts = await this.kitParts(
        em,
        ordered.filter((line) => line.item.isKit).map((line) => line.item.id),
      );
      const rows = ordered.flatMap((line): RequestLine[] =>
        line.item.isKit
          ? expandKit(
              line.item.id,
              line.quantity,
              parts
                .filter((part) => part.kit.id === line.item.id)
                .map((part) => ({ itemId: part.part.id, perKit: part.quantity })),
            ).map((row) => {
              const part = parts.find((candidate) => candidate.part.id === row.itemId)!.part;
              return {
                ...row,
                ownerId: line.item.owner.id,
                index: line.index,
                shown: { name: part.name, createdAt: part.createdAt },
              };
            })
          : [
              {
                itemId: line.item.id,
                quantity: line.quantity,
                kitItemId: null,
                ownerId: line.item.owner.id,
                index: line.index,
                shown: { name: line.item.name, createdAt: line.item.createdAt },
              },
            ],
      );
      await this.assertStock(em, rows, input.startsAt, input.endsAt, now);
      return this.insert(em, input, borrower, borrowing, ordered, rows, tiers, now);
    });
  }

  // Under the locks, in id order, the sum of what overlaps plus what is asked stays within the stock.
  private async assertStock(
    em: EntityManager,
    rows: readonly (LineRow & { index: number })[],
    startsAt: Date,
    endsAt: Date,
    now: Date,
  ): Promise<void> {
    const wanted = new Map<string, number>();
    for (const row of rows) wanted.set(row.itemId, (wanted.get(row.itemId) ?? 0) + row.quantity);
    const ids = [...wanted.keys()].sort();
    const stock = new Map((await lockItems(em, ids)).map((row) => [row.id, row.quantity]));
    const peaks = await peakUsage(em, ids, startsAt, endsAt, now);
    const short = ids
      .map((id) => ({ itemId: id, free: Math.max(0, (stock.get(id) ?? 0) - (peaks.get(id) ?? 0)) }))
      .filter((item) => item.free < wanted.get(item.itemId)!);
    if (short.length === 0) return;
    const fields = Object.fromEntries(
      rows
        .filter((row) => short.some((item) => item.itemId === row.itemId))
        .map((row) => [`lines.${row.index}.quantity`, 'Not that many are free any more']),
    );
    throw new DomainError(loanErrors.not_enough_free, 'Someone else just took some of these: fewer are free now', fields, {
      items: short,
    });
  }

  // The fee tier with each owner, from the organisations' statement (the borrowing organisation and every owner).
  private feeTiers(
    borrowing: RequestOrganisation | null,
    organisationId: string | null,
    ownerIds: readonly string[],
    organisations: ReadonlyMap<string, RequestOrganisation>,
    anyItem: RequestedItem,
  ): Map<string, FeeTier> {
    const isMemberOf = (id: string) => organisations.get(id)?.isMember ?? false;
    if (organisationId && !isMemberOf(organisationId))
      throw new DomainError(loanErrors.not_member_of_organisation, 'You can borrow for an organisation only as its member', {
        organisationId: 'You are not a member of this organisation',
      });
    // Organisations lend to the organisations of their own region.
    if (organisationId && !ownerIds.includes(organisationId)) {
      if (borrowing?.regionId !== anyItem.owner.regionId)
        throw new DomainError(loanErrors.borrower_not_allowed, 'Owners lend to organisations of their own region', {
          organisationId: 'This organisation is in another region',
        });
    }
    return new Map(
      ownerIds.map((ownerId) => [
        ownerId,
        feeTierFor({ borrowingOrganisationId: organisationId, ownerId, isOwnerMember: isMemberOf(ownerId) }),
      ]),
    );
  }

  private async kitParts(em: EntityManager, kitIds: readonly string[]): Promise<KitPart[]> {
    return kitIds.length ? em.find(KitPart, { kit: { $in: kitIds } }, { populate: ['part'], orderBy: { id: 'asc' } }) : [];
  }

  // Insert statements only (docs/adding-a-domain.md, the write path): the request, a loan per owner,
  // the lines, the mails; the answer is built from what is known, nothing is read back.
  private async insert(
    em: EntityManager,
    input: LoanRequestInput,
    borrower: SignedInUser,
    borrowing: RequestOrganisation | null,
    ordered: readonly { item: RequestedItem; quantity: number }[],
    rows: readonly RequestLine[],
    tiers: Map<string, FeeTier>,
    now: Date,
  ): Promise<LoanRequestView> {
    const organisation = borrowing ? em.getReference(Organisation, borrowing.id) : null;
    const request = em.create(
      LoanRequest,
      {
        id: randomUUID(),
        borrower: em.getReference(User, borrower.id),
        organisation,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdAt: now,
      },
      { persist: false },
    );
    await em.insert(request);
    const loans: Loan[] = [];
    const lines: LoanLine[] = [];
    const views: LoanView[] = [];
    for (const ownerId of [...tiers.keys()]) {
      const tier = tiers.get(ownerId)!;
      const own = ordered.filter((line) => line.item.owner.id === ownerId);
      const fees = own.map((line) => lineFee(line.item, tier, line.quantity));
      if (
        fees.some((fee) => fee.feeCents > MAX_CENTS) ||
        sum(fees, 'feeCents') > MAX_CENTS ||
        sum(fees, 'depositCents') > MAX_CENTS
      )
        throw new DomainError(loanErrors.fee_too_large, 'The fee of this loan is too large', { lines: 'Ask for fewer units' });
      const state: LoanState = own.some((line) => line.item.isApprovalRequired) ? 'requested' : 'approved';
      const loan = em.create(
        Loan,
        {
          id: randomUUID(),
          request,
          owner: em.getReference(Organisation, ownerId),
          borrower: em.getReference(User, borrower.id),
          organisation,
          state,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          collectorName: input.collectorName,
          collectAt: input.collectAt,
          isTransportNeeded: input.isTransportNeeded,
          eventId: input.eventId,
          message: input.message,
          feeTier: tier,
          feeCents: sum(fees, 'feeCents'),
          depositCents: sum(fees, 'depositCents'),
          createdAt: now,
          expiresAt: state === 'requested' ? requestExpiry(now, input.startsAt, LOAN_REQUEST_DAYS) : null,
          decidedAt: state === 'approved' ? now : null,
        },
        { persist: false },
      );
      loans.push(loan);
      const ownRows = rows
        .filter((candidate) => candidate.ownerId === ownerId)
        .map((row) => ({ ...row, id: randomUUID() }))
        // The order the loan's page lists them in (loan-view.ts): the items' age, then the line.
        .sort((a, b) => a.shown.createdAt.getTime() - b.shown.createdAt.getTime() || (a.id < b.id ? -1 : 1));
      for (const row of ownRows)
        lines.push(
          em.create(
            LoanLine,
            {
              id: row.id,
              loan,
              item: em.getReference(Item, row.itemId),
              quantity: row.quantity,
              kitItem: row.kitItemId ? em.getReference(Item, row.kitItemId) : null,
            },
            { persist: false },
          ),
        );
      views.push(
        loanView(
          loan,
          {
            owner: { id: ownerId, name: own[0]!.item.owner.name },
            borrower,
            organisation: borrowing,
            lines: ownRows.map((row) => ({
              itemId: row.itemId,
              name: row.shown.name,
              quantity: row.quantity,
              kitItemId: row.kitItemId,
              returnedFine: 0,
              returnedDamaged: 0,
              returnedMissing: 0,
              returnNotes: '',
            })),
          },
          now,
        ),
      );
    }
    await em.insertMany(loans);
    await em.insertMany(lines);
    // The mails go into the outbox in the same transaction, from what is already loaded.
    const coordinators = await ownerCoordinators(em, [...tiers.keys()]);
    for (const [index, loan] of loans.entries()) {
      const own = ordered.filter((line) => line.item.owner.id === views[index]!.owner.id);
      const notified = {
        id: loan.id,
        request,
        owner: views[index]!.owner,
        borrower,
        organisation: borrowing,
        startsAt: loan.startsAt,
        endsAt: loan.endsAt,
        collectorName: loan.collectorName,
        isTransportNeeded: loan.isTransportNeeded,
        handOverStartsAt: null,
        handOverEndsAt: null,
        feeCents: loan.feeCents,
        depositCents: loan.depositCents,
      };
      const to = { publicOrigin: this.config.publicOrigin, coordinators: coordinators.get(notified.owner.id) ?? [], borrower };
      if (loan.state === 'requested') notifyLoan(em, notified, own, 'requested', to);
      else {
        notifyLoan(em, notified, own, 'instant', to);
        notifyLoan(em, notified, own, 'approved', to);
      }
    }
    return {
      id: request.id,
      createdAt: request.createdAt.toISOString(),
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt.toISOString(),
      // As the request's page lists them: by owner name.
      loans: views.sort((a, b) => a.owner.name.localeCompare(b.owner.name, 'fi') || (a.id < b.id ? -1 : 1)),
    };
  }
}
