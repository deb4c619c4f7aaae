import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation, User } from '@talkoot/identity';
import { type GiveAwayState, giveAwayStates } from './give-away.schemas.js';
import { Item } from './item.entity.js';
import { announceContentChanges } from '@talkoot/platform';

// Units of an item offered for good to another organisation of the region (kierrätys). While
// offered or claimed the offer holds its units like a loan with no end; confirming moves them to
// the claimer's own new item (ADR 021).
@Entity({ tableName: 'give_away_offers', triggers: [announceContentChanges('lending')] })
@Check({ name: 'give_away_offers_units_check', expression: 'units >= 1' })
@Index({ properties: ['item', 'state'] })
@Index({ properties: ['state', 'createdAt'] })
export class GiveAwayOffer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Item, { deleteRule: 'restrict' })
  item!: Item;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict', index: true })
  owner!: Organisation;

  @Property({ type: 'integer' })
  units!: number;

  @Property({ type: 'text' })
  note: Opt<string> = '';

  @Enum({ items: () => [...giveAwayStates], nativeEnumName: 'give_away_state' })
  state: Opt<GiveAwayState> = 'offered';

  @ManyToOne(() => Organisation, { deleteRule: 'restrict', nullable: true, index: true })
  claimer: Organisation | null = null;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  claimedBy: User | null = null;

  @Property({ type: 'text' })
  claimMessage: Opt<string> = '';

  // The owner's words when it last declined a claim (the offer is open again).
  @Property({ type: 'text', nullable: true })
  declineReason: string | null = null;

  // The claimer's new item, made when the owner confirms.
  @ManyToOne(() => Item, { deleteRule: 'set null', nullable: true })
  receivedItem: Item | null = null;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  createdBy: User | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  claimedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  givenAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;
}
