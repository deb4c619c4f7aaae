import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Organisation, User, type SignedInUser } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound } from '@talkoot/platform';
import { GiveAwayOffer } from './give-away.entity.js';
import { afterGiving, offerableUnits, receivedItemDefaults } from './give-away.rules.js';
import { type GiveAwayInput, type GiveAwayOfferView, type GiveAwayState, openGiveAwayStates } from './give-away.schemas.js';
import { offerPopulate, toOfferView } from './give-away-view.js';
import { Item } from './item.entity.js';
import { giveAwayErrors } from './lending.errors.js';
import { notifyGiveAway } from './mail/give-away-notifications.js';
import { notifyLoansById } from './mail/loan-notifications.js';
import { flagLoansBeyondStock } from './stock-flags.js';
import { lockItems, peakUsage } from './stock.sql.js';

// A give-away has no end: the stock rule's sum runs to this instant (the same as `OPEN_END`).
const NO_END = new Date('9999-12-31T00:00:00.000Z');

// Giving away (kierrätys, ADR 021): the owner offers units for good, a coordinator of another
// organisation of the region claims them, the owner confirms (the units move to the claimer's own
// new item) or declines (the offer is open again), or withdraws the offer.
@Injectable()
export class GiveAwayService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Open offers of the region, newest first: what anyone may see and a coordinator may claim.
  async listOpen(query: { municipalityId?: string | undefined }): Promise<GiveAwayOfferView[]> {
    const em = this.orm.em.fork();
    const offers = await em.find(
      GiveAwayOffer,
      {
        state: { $in: [...openGiveAwayStates] },
        ...(query.municipalityId ? { item: { village: { municipality: query.municipalityId } } } : {}),
      },
      { populate: offerPopulate, orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 },
    );
    return offers.map(toOfferView);
  }

  // What the organisation gives away (every state) and what it claimed or received.
  async listForOrganisation(organisationId: string): Promise<{ offers: GiveAwayOfferView[]; claims: GiveAwayOfferView[] }> {
    const em = this.orm.em.fork();
    const [offers, claims] = await Promise.all([
      em.find(GiveAwayOffer, { owner: organisationId }, { populate: offerPopulate, orderBy: { createdAt: 'desc' }, limit: 200 }),
      em
        .fork()
        .find(
          GiveAwayOffer,
          { claimer: organisationId, state: { $in: ['claimed', 'given'] } },
          { populate: offerPopulate, orderBy: { createdAt: 'desc' }, limit: 200 },
        ),
    ]);
    return { offers: offers.map(toOfferView), claims: claims.map(toOfferView) };
  }

  // Under the item's row lock (ADR 017): the units may not exceed what is free from now on, with no end.
  async offer(ownerId: string, itemId: string, input: GiveAwayInput, userId: string): Promise<GiveAwayOfferView> {
    return this.orm.em.fork().transactional(async (em) => {
      const [locked] = await lockItems(em, [itemId]);
      const item = locked && (await em.findOne(Item, { id: itemId, organisation: ownerId }));
      if (!item) throw notFound('The item');
      if (item.retiredAt) throw new DomainError(giveAwayErrors.item_given_away, 'The item was already given away');
      if (item.isKit)
        throw new DomainError(giveAwayErrors.kit, 'Give away the parts of a kit, not the kit', { units: 'Choose a part' });
      const now = new Date();
      const peak = (await peakUsage(em, [item.id], now, NO_END, now)).get(item.id) ?? 0;
      const free = offerableUnits(item.quantity, peak);
      if (input.units > free)
        throw new DomainError(
          giveAwayErrors.not_enough_free,
          `At most ${free} units are free from now on: loans, repairs and other offers hold the rest`,
          { units: `At most ${free}` },
          { free },
        );
      const offer = em.create(
        GiveAwayOffer,
        {
          id: randomUUID(),
          item,
          owner: em.getReference(Organisation, ownerId),
          units: input.units,
          note: input.note,
          state: 'offered',
          createdBy: em.getReference(User, userId),
          createdAt: now,
        },
        { persist: false },
      );
      await em.insert(offer);
      return this.view(em, offer.id);
    });
  }

  // One conditional update: of two claims at once, the first wins and the second hears who was first.
  async claim(claimerId: string, offerId: string, message: string, user: SignedInUser): Promise<GiveAwayOfferView> {
    return this.orm.em.fork().transactional(async (em) => {
      const offer = await em.findOne(
        GiveAwayOffer,
        { id: offerId },
        { populate: [...offerPopulate, 'owner.village.municipality'] },
      );
      if (!offer) throw notFound('The offer');
      if (offer.owner.id === claimerId)
        throw new DomainError(giveAwayErrors.own_offer, 'You cannot claim what your own organisation gives away');
      const claimer = await em.findOne(Organisation, { id: claimerId }, { populate: ['village.municipality'] });
      if (!claimer) throw notFound('The organisation');
      if (claimer.village.municipality.region.id !== offer.owner.village.municipality.region.id)
        throw new DomainError(giveAwayErrors.other_region, 'Offers go to the organisations of the same region');
      const now = new Date();
      const changed = await em.nativeUpdate(
        GiveAwayOffer,
        { id: offerId, state: 'offered' },
        {
          state: 'claimed',
          claimer: claimerId,
          claimedBy: user.id,
          claimMessage: message,
          claimedAt: now,
          declineReason: null,
        },
      );
      if (changed === 0) {
        const current = await em.findOneOrFail(GiveAwayOffer, { id: offerId }, { refresh: true });
        if (current.state === 'claimed' || current.state === 'given')
          throw new DomainError(giveAwayErrors.already_claimed, 'Another organisation claimed it first');
        throw wrongState(current.state);
      }
      await notifyGiveAway(em, offer, 'claimed', {
        publicOrigin: this.config.publicOrigin,
        claimer: { id: claimer.id, name: claimer.name },
        claimedByName: user.name,
        claimMessage: message,
      });
      return this.view(em, offerId);
    });
  }

  // The units move: the owner's item shrinks (retired when none are left; loans that no longer fit
  // are flagged) and the claimer gets a new item of its own. Under the item's row lock (ADR 017).
  async confirm(
    ownerId: string,
    offerId: string,
  ): Promise<{ offer: GiveAwayOfferView; receivedItemId: string; flaggedLoanIds: string[] }> {
    return this.orm.em.fork().transactional(async (em) => {
      const offer = await em.findOne(GiveAwayOffer, { id: offerId, owner: ownerId }, { populate: offerPopulate });
      if (!offer) throw notFound('The offer');
      await lockItems(em, [offer.item.id]);
      const now = new Date();
      const changed = await em.nativeUpdate(GiveAwayOffer, { id: offerId, state: 'claimed' }, { state: 'given', givenAt: now });
      if (changed === 0) throw wrongState((await em.findOneOrFail(GiveAwayOffer, { id: offerId }, { refresh: true })).state);
      const claimed = await em.findOneOrFail(
        GiveAwayOffer,
        { id: offerId },
        { populate: ['claimer', 'claimedBy'], refresh: true },
      );
      const claimer = claimed.claimer!;
      const source = await em.findOneOrFail(Item, { id: offer.item.id }, { refresh: true });
      const left = afterGiving(source.quantity, offer.units);
      await em.nativeUpdate(Item, { id: source.id }, { quantity: left.quantity, retiredAt: left.isRetired ? now : null });
      const received = em.create(
        Item,
        {
          ...receivedItemDefaults,
          borrowers: [...receivedItemDefaults.borrowers],
          id: randomUUID(),
          organisation: claimer,
          name: source.name,
          description: source.description,
          category: source.category,
          quantity: offer.units,
          village: claimer.village,
          conditionNotes: source.conditionNotes,
          createdAt: now,
        },
        { persist: false },
      );
      await em.insert(received);
      await em.nativeUpdate(GiveAwayOffer, { id: offerId }, { receivedItem: received.id });
      const flaggedLoanIds = await flagLoansBeyondStock(em, source.id, left.quantity, now);
      await notifyLoansById(em, flaggedLoanIds, 'flagged', { publicOrigin: this.config.publicOrigin });
      await notifyGiveAway(em, offer, 'confirmed', {
        publicOrigin: this.config.publicOrigin,
        claimer: { id: claimer.id, name: claimer.name },
        claimedByName: claimed.claimedBy?.name ?? '',
        claimMessage: claimed.claimMessage,
      });
      return { offer: await this.view(em, offerId), receivedItemId: received.id, flaggedLoanIds };
    });
  }

  // The claim is declined: the offer is open again for others, and the claimer hears why.
  async decline(ownerId: string, offerId: string, reason: string): Promise<GiveAwayOfferView> {
    return this.release(ownerId, offerId, ['claimed'], 'declined', reason);
  }

  // The owner keeps the units after all; a claimer already waiting hears of it.
  async withdraw(ownerId: string, offerId: string): Promise<GiveAwayOfferView> {
    return this.release(ownerId, offerId, ['offered', 'claimed'], 'withdrawn', '');
  }

  private async release(
    ownerId: string,
    offerId: string,
    from: readonly GiveAwayState[],
    change: 'declined' | 'withdrawn',
    reason: string,
  ): Promise<GiveAwayOfferView> {
    return this.orm.em.fork().transactional(async (em) => {
      const offer = await em.findOne(
        GiveAwayOffer,
        { id: offerId, owner: ownerId },
        { populate: [...offerPopulate, 'claimedBy'] },
      );
      if (!offer) throw notFound('The offer');
      const claimer = offer.claimer;
      const now = new Date();
      // Conditional on the claimer read above, so a claim made in between is never answered unread.
      const changed = await em.nativeUpdate(
        GiveAwayOffer,
        { id: offerId, state: { $in: [...from] }, claimer: claimer?.id ?? null },
        change === 'declined'
          ? { state: 'offered', claimer: null, claimedBy: null, claimedAt: null, claimMessage: '', declineReason: reason || null }
          : { state: 'withdrawn', withdrawnAt: now },
      );
      if (changed === 0) throw wrongState((await em.findOneOrFail(GiveAwayOffer, { id: offerId }, { refresh: true })).state);
      if (claimer && offer.state === 'claimed')
        await notifyGiveAway(em, offer, change, {
          publicOrigin: this.config.publicOrigin,
          claimer: { id: claimer.id, name: claimer.name },
          claimedByName: offer.claimedBy?.name ?? '',
          claimMessage: offer.claimMessage,
          reason: reason || null,
        });
      return this.view(em, offerId);
    });
  }

  private async view(em: EntityManager, offerId: string): Promise<GiveAwayOfferView> {
    const offer = await em.findOneOrFail(GiveAwayOffer, { id: offerId }, { populate: offerPopulate, refresh: true });
    return toOfferView(offer);
  }
}

function wrongState(state: GiveAwayState): DomainError {
  return new DomainError(giveAwayErrors.wrong_state, `The offer is ${state}: this does not apply to it`);
}
