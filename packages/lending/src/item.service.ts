import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Organisation, User, Village } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound } from '@talkoot/platform';
import { Item, KitPart, OutOfServicePeriod } from './item.entity.js';
import type { ItemInput, ItemView } from './item.schemas.js';
import { itemPopulate, viewItems } from './item-view.js';
import { itemErrors, kitErrors } from './lending.errors.js';
import { Loan, LoanLine } from './loan.entity.js';
import { viewLoans, loanPopulate } from './loan-view.js';
import type { LoanView } from './loan.schemas.js';
import { flagLoansBeyondStock } from './stock-flags.js';
import { lockItems } from './stock.sql.js';
import { notifyLoansById } from './mail/loan-notifications.js';

// The owner's catalogue: items and kits, their details, units out of service.
@Injectable()
export class ItemService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(itemId: string): Promise<ItemView> {
    const em = this.orm.em.fork();
    const item = await em.findOne(Item, { id: itemId }, { populate: itemPopulate });
    if (!item) throw notFound('The item');
    return (await viewItems(em, [item]))[0]!;
  }

  async listForOwner(organisationId: string): Promise<ItemView[]> {
    const em = this.orm.em.fork();
    const items = await em.find(
      Item,
      { organisation: organisationId, retiredAt: null },
      { populate: itemPopulate, orderBy: { createdAt: 'asc' } },
    );
    return viewItems(em, items);
  }

  async create(organisationId: string, input: ItemInput): Promise<ItemView> {
    return this.orm.em.fork().transactional(async (em) => {
      const owner = await em.findOne(Organisation, { id: organisationId });
      if (!owner) throw notFound('The organisation');
      const village = await this.findVillage(em, input.villageId, owner);
      const parts = await this.loadKitParts(em, organisationId, input.kitParts, null);
      const item = em.create(Item, {
        ...this.fields(input),
        organisation: owner,
        village,
        isKit: parts.length > 0,
        quantity: parts.length > 0 ? kitCount(parts) : input.quantity,
      });
      for (const part of parts) em.create(KitPart, { kit: item, part: part.item, quantity: part.quantity });
      await em.flush();
      return this.view(em, item.id);
    });
  }

  async update(organisationId: string, itemId: string, input: ItemInput): Promise<{ item: ItemView; flaggedLoanIds: string[] }> {
    return this.orm.em.fork().transactional(async (em) => {
      // The stock lock first: a smaller quantity must see every loan committed before it (ADR 017).
      if ((await lockItems(em, [itemId])).length === 0) throw notFound('The item');
      const item = await em.findOne(Item, { id: itemId, organisation: organisationId }, { populate: ['organisation'] });
      if (!item) throw notFound('The item');
      if (item.retiredAt) throw new DomainError(itemErrors.given_away, 'The item was given away', { quantity: 'Given away' });
      const offered = await offeredUnits(em, item.id);
      if (!item.isKit && input.quantity < offered)
        throw new DomainError(itemErrors.units_offered, `${offered} units are offered to give away: withdraw the offer first`, {
          quantity: `At least ${offered}`,
        });
      if (input.kitParts.length > 0 !== item.isKit)
        throw new DomainError(kitErrors.kind_fixed, 'An item cannot become a kit or stop being one: add a new item', {
          kitParts: item.isKit ? 'A kit needs its parts' : 'Add a new item for a kit',
        });
      const village = await this.findVillage(em, input.villageId, item.organisation);
      const parts = await this.loadKitParts(em, organisationId, input.kitParts, item.id);
      em.assign(item, { ...this.fields(input), village, quantity: item.isKit ? kitCount(parts) : input.quantity });
      if (item.isKit) {
        await em.nativeDelete(KitPart, { kit: item.id });
        for (const part of parts) em.create(KitPart, { kit: item, part: part.item, quantity: part.quantity });
      }
      await em.flush();
      const flaggedLoanIds = item.isKit ? [] : await flagLoansBeyondStock(em, item.id, item.quantity, new Date());
      await notifyLoansById(em, flaggedLoanIds, 'flagged', { publicOrigin: this.config.publicOrigin });
      return { item: await this.view(em, item.id), flaggedLoanIds };
    });
  }

  async markOutOfService(
    organisationId: string,
    itemId: string,
    input: { units: number; startsAt: Date; endsAt: Date; reason: string },
    userId: string,
  ) {
    return this.orm.em.fork().transactional(async (em) => {
      const [locked] = await lockItems(em, [itemId]);
      const item = locked && (await em.findOne(Item, { id: itemId, organisation: organisationId }));
      if (!item) throw notFound('The item');
      if (item.isKit)
        throw new DomainError(kitErrors.kind_fixed, 'Mark the parts of a kit out of service, not the kit', {
          units: 'Choose a part',
        });
      if (input.units > item.quantity)
        throw new DomainError(itemErrors.units_beyond_stock, `The item has ${item.quantity} units`, {
          units: `At most ${item.quantity}`,
        });
      const period = em.create(OutOfServicePeriod, { ...input, item, createdBy: em.getReference(User, userId) });
      await em.flush();
      const flaggedLoanIds = await flagLoansBeyondStock(em, item.id, item.quantity, new Date());
      await notifyLoansById(em, flaggedLoanIds, 'flagged', { publicOrigin: this.config.publicOrigin, reason: input.reason });
      return { period: periodView(period), flaggedLoanIds };
    });
  }

  // The units are back (repaired, found): the period ends now. One that has not begun yet is
  // removed (a period cannot end before it starts); one already over is left as it was.
  async endOutOfService(organisationId: string, itemId: string, periodId: string) {
    return this.orm.em.fork().transactional(async (em) => {
      // The item's row first, as every change of its stock takes it (ADR 017).
      if ((await lockItems(em, [itemId])).length === 0) throw notFound('The period');
      const period = await em.findOne(OutOfServicePeriod, {
        id: periodId,
        item: { id: itemId, organisation: organisationId },
      });
      if (!period) throw notFound('The period');
      const now = new Date();
      if (period.startsAt >= now) {
        const removed = { ...periodView(period), endsAt: period.startsAt.toISOString() };
        em.remove(period);
        await em.flush();
        return removed;
      }
      if (period.endsAt > now) {
        period.endsAt = now;
        await em.flush();
      }
      return periodView(period);
    });
  }

  // For the item's QR page: what is out now or goes out next, of the item or of a kit it is in.
  async currentLoans(organisationId: string, itemId: string): Promise<LoanView[]> {
    const em = this.orm.em.fork();
    if (!(await em.count(Item, { id: itemId, organisation: organisationId }))) throw notFound('The item');
    const now = new Date();
    const lines = await em.find(
      LoanLine,
      {
        $or: [{ item: itemId }, { kitItem: itemId }],
        loan: {
          owner: organisationId,
          $or: [{ state: 'pickedUp' }, { state: { $in: ['requested', 'approved'] }, endsAt: { $gt: now } }],
        },
      },
      { fields: ['loan'] },
    );
    const loanIds = [...new Set(lines.map((line) => line.loan.id))];
    const loans = loanIds.length
      ? await em.find(Loan, { id: { $in: loanIds } }, { populate: loanPopulate, orderBy: { startsAt: 'asc' }, limit: 20 })
      : [];
    return viewLoans(em, loans, now);
  }

  private fields(input: ItemInput) {
    return {
      name: input.name,
      description: input.description,
      category: input.category,
      venueId: input.venueId,
      address: input.address,
      pickUpInstructions: input.pickUpInstructions,
      borrowers: input.borrowers,
      isApprovalRequired: input.isApprovalRequired,
      feeMembersCents: input.feeMembersCents,
      feeOrganisationsCents: input.feeOrganisationsCents,
      feePrivateCents: input.feePrivateCents,
      depositCents: input.depositCents,
      maxDays: input.maxDays,
      noticeDays: input.noticeDays,
      conditionNotes: input.conditionNotes,
    };
  }

  // Kept in the given village, or (at a venue, whose village lending does not look up) the owner's.
  private async findVillage(em: EntityManager, villageId: string | null, owner: Organisation): Promise<Village> {
    if (villageId === null) return em.getReference(Village, owner.village.id);
    const village = await em.findOne(Village, { id: villageId });
    if (!village) throw new DomainError(itemErrors.village_unknown, 'No such village', { villageId: 'Choose a village' });
    return village;
  }

  private async loadKitParts(
    em: EntityManager,
    organisationId: string,
    wanted: readonly { itemId: string; quantity: number }[],
    kitId: string | null,
  ): Promise<{ item: Item; quantity: number }[]> {
    if (wanted.length === 0) return [];
    const items = await em.find(Item, { id: { $in: wanted.map((part) => part.itemId) }, organisation: organisationId });
    return wanted.map((part, index) => {
      const item = items.find((candidate) => candidate.id === part.itemId);
      if (!item || item.id === kitId)
        throw new DomainError(itemErrors.kit_part_unknown, "A kit's parts are other items of the same owner", {
          [`kitParts.${index}.itemId`]: 'Choose one of your items',
        });
      if (item.isKit)
        throw new DomainError(itemErrors.kit_part_is_kit, 'A kit cannot hold another kit', {
          [`kitParts.${index}.itemId`]: 'Choose a plain item',
        });
      if (wanted.findIndex((other) => other.itemId === part.itemId) !== index)
        throw new DomainError(itemErrors.kit_part_unknown, 'Name each part once', {
          [`kitParts.${index}.itemId`]: 'Name each part once',
        });
      return { item, quantity: part.quantity };
    });
  }

  private async view(em: EntityManager, itemId: string): Promise<ItemView> {
    const item = await em.findOneOrFail(Item, { id: itemId }, { populate: itemPopulate, refresh: true });
    return (await viewItems(em, [item]))[0]!;
  }
}

// Units held by the item's open give-away offers (ADR 021): the stock may not shrink below them.
async function offeredUnits(em: EntityManager, itemId: string): Promise<number> {
  const [row] = await em.execute<{ units: number }[]>(
    `select coalesce(sum(units), 0)::int as units from give_away_offers where item_id = ? and state in ('offered', 'claimed')`,
    [itemId],
  );
  return row?.units ?? 0;
}

function periodView(period: OutOfServicePeriod) {
  return {
    id: period.id,
    units: period.units,
    startsAt: period.startsAt.toISOString(),
    endsAt: period.endsAt.toISOString(),
    reason: period.reason,
  };
}

// How many whole kits the parts' stock makes (at least one: a kit is offered even when short).
function kitCount(parts: readonly { item: Item; quantity: number }[]): number {
  return Math.max(1, Math.min(...parts.map((part) => Math.floor(part.item.quantity / part.quantity))));
}
