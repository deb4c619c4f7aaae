import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation, User } from '@talkoot/identity';
import { Item } from './item.entity.js';
import { type FeeTier, feeTiers } from './item.schemas.js';
import { type LoanState, loanStates } from './loan.schemas.js';
import { announceContentChanges } from '@talkoot/platform';

// What a borrower asked for in one go: it holds one loan per owner, each decided by its owner.
@Entity({ tableName: 'loan_requests' })
export class LoanRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  borrower!: User;

  @ManyToOne(() => Organisation, { deleteRule: 'set null', nullable: true })
  organisation: Organisation | null = null;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}

@Entity({ tableName: 'loans', triggers: [announceContentChanges('lending')] })
@Check({ name: 'loans_ends_after_start_check', expression: 'ends_at > starts_at' })
@Index({ properties: ['owner', 'startsAt'] })
@Index({ properties: ['state', 'endsAt'] })
export class Loan {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => LoanRequest, { deleteRule: 'cascade', index: true })
  request!: LoanRequest;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  owner!: Organisation;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  borrower!: User;

  // The organisation borrowing, when it is not a private person.
  @ManyToOne(() => Organisation, { deleteRule: 'set null', nullable: true })
  organisation: Organisation | null = null;

  @Enum({ items: () => [...loanStates], nativeEnumName: 'loan_state' })
  state!: LoanState;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'text' })
  collectorName!: string;

  @Property({ type: 'datetime', nullable: true })
  collectAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  handOverStartsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  handOverEndsAt: Date | null = null;

  @Property({ type: 'boolean' })
  isTransportNeeded: Opt<boolean> = false;

  // The event the loan serves (an id of the events domain: no foreign key across domains).
  @Property({ type: 'uuid', nullable: true })
  eventId: string | null = null;

  @Property({ type: 'text' })
  message: Opt<string> = '';

  @Enum({ items: () => [...feeTiers], nativeEnumName: 'loan_fee_tier' })
  feeTier!: FeeTier;

  // Fixed when the loan is asked for, so later fee changes don't alter it.
  @Property({ type: 'integer' })
  feeCents: Opt<number> = 0;

  @Property({ type: 'integer' })
  depositCents: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  denyReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  // A request nobody answers stops holding units at this time (loan-sweep.processor.ts).
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  decidedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  pickedUpAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  returnedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  // Out of service (or a smaller stock) left this loan without units: the owner decides, nothing is dropped.
  @Property({ type: 'datetime', nullable: true })
  flaggedAt: Date | null = null;

  // Each reminder and notice once per loan, however often the sweep runs (set in the same update that sends it).
  @Property({ type: 'datetime', nullable: true })
  pickUpRemindedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  returnRemindedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  overdueNotifiedAt: Date | null = null;
}

// Units of one item in a loan, and how they came back. While the loan blocks, the units not yet
// counted back hold stock (ADR 017).
@Entity({ tableName: 'loan_lines', triggers: [announceContentChanges('lending')] })
@Check({ name: 'loan_lines_quantity_check', expression: 'quantity >= 1' })
@Check({
  name: 'loan_lines_returned_check',
  expression:
    'returned_fine >= 0 and returned_damaged >= 0 and returned_missing >= 0 and returned_fine + returned_damaged + returned_missing <= quantity',
})
@Index({ properties: ['item'] })
@Index({ properties: ['loan'] })
export class LoanLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Loan, { deleteRule: 'cascade' })
  loan!: Loan;

  @ManyToOne(() => Item, { deleteRule: 'restrict' })
  item!: Item;

  @Property({ type: 'integer' })
  quantity!: number;

  // The kit this part went out with.
  @ManyToOne(() => Item, { deleteRule: 'restrict', nullable: true })
  kitItem: Item | null = null;

  @Property({ type: 'integer' })
  returnedFine: Opt<number> = 0;

  @Property({ type: 'integer' })
  returnedDamaged: Opt<number> = 0;

  @Property({ type: 'integer' })
  returnedMissing: Opt<number> = 0;

  @Property({ type: 'text' })
  returnNotes: Opt<string> = '';
}
