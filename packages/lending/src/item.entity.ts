import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Organisation, User, Village } from '@talkoot/identity';
import type { LocalizedText } from '@talkoot/platform/schemas';
import { type BorrowerKind, type ItemCategory, itemCategories } from './item.schemas.js';
import { announceContentChanges } from '@talkoot/platform';

// Equipment an organisation lends: 50 chairs are one item of quantity 50; the sound system is an
// item of quantity 1. The row is also the lock every change of its stock takes (ADR 017).
@Entity({ tableName: 'items', triggers: [announceContentChanges('lending')] })
// An item given away whole keeps its row (past loans keep their lines) with no units left (ADR 021).
@Check({ name: 'items_quantity_check', expression: 'quantity >= 1 or (quantity = 0 and retired_at is not null)' })
@Check({
  name: 'items_fees_check',
  expression:
    'fee_members_cents >= 0 and fee_organisations_cents >= 0 and fee_private_cents >= 0 and coalesce(deposit_cents, 0) >= 0',
})
export class Item {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'restrict', index: true })
  organisation!: Organisation;

  @Property({ type: 'jsonb' })
  name!: LocalizedText;

  @Property({ type: 'jsonb' })
  description: Opt<LocalizedText> = {};

  @Enum({ items: () => [...itemCategories], nativeEnumName: 'item_category' })
  category!: ItemCategory;

  @Property({ type: 'integer' })
  quantity!: number;

  // A kit (tent + 4 tables + 30 chairs) is lent as its parts, all or none (kit_parts).
  @Property({ type: 'boolean' })
  isKit: Opt<boolean> = false;

  // Kept at a Talkoot venue (an id of the venues domain, no foreign key across domains), or at an address.
  @Property({ type: 'uuid', nullable: true })
  venueId: string | null = null;

  @Property({ type: 'text' })
  address: Opt<string> = '';

  // Where it is kept, for "nearest first": the given village, else the owner's.
  @ManyToOne(() => Village, { deleteRule: 'restrict', index: true })
  village!: Village;

  @Property({ type: 'text' })
  pickUpInstructions: Opt<string> = '';

  @Property({ type: 'jsonb' })
  borrowers!: BorrowerKind[];

  @Property({ type: 'boolean' })
  isApprovalRequired: Opt<boolean> = true;

  // Fees per unit for one loan, by tier; zero is free.
  @Property({ type: 'integer' })
  feeMembersCents: Opt<number> = 0;

  @Property({ type: 'integer' })
  feeOrganisationsCents: Opt<number> = 0;

  @Property({ type: 'integer' })
  feePrivateCents: Opt<number> = 0;

  // One deposit per loan of the item, whatever the quantity.
  @Property({ type: 'integer', nullable: true })
  depositCents: number | null = null;

  @Property({ type: 'integer', nullable: true })
  maxDays: number | null = null;

  @Property({ type: 'integer', nullable: true })
  noticeDays: number | null = null;

  @Property({ type: 'text' })
  conditionNotes: Opt<string> = '';

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  // Given away whole (ADR 021): out of the catalogue and the search, never lent again.
  @Property({ type: 'datetime', nullable: true })
  retiredAt: Date | null = null;
}

// A part of a kit: `quantity` units of `part` go out with each kit.
@Entity({ tableName: 'kit_parts', triggers: [announceContentChanges('lending')] })
@Unique({ properties: ['kit', 'part'] })
@Check({ name: 'kit_parts_quantity_check', expression: 'quantity >= 1' })
export class KitPart {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Item, { deleteRule: 'cascade' })
  kit!: Item;

  @ManyToOne(() => Item, { deleteRule: 'restrict', index: true })
  part!: Item;

  @Property({ type: 'integer' })
  quantity!: number;
}

// Units that cannot be lent for a while (repair, lost): they shrink the stock over the period.
@Entity({ tableName: 'out_of_service_periods', triggers: [announceContentChanges('lending')] })
@Check({ name: 'out_of_service_periods_ends_after_start_check', expression: 'ends_at > starts_at' })
@Check({ name: 'out_of_service_periods_units_check', expression: 'units >= 1' })
@Index({ properties: ['item', 'startsAt'] })
export class OutOfServicePeriod {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Item, { deleteRule: 'cascade' })
  item!: Item;

  @Property({ type: 'integer' })
  units!: number;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  createdBy: User | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
