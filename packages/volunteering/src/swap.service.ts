import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type SignedInUser, User } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound } from '@talkoot/platform';
import { VolunteerClaim, VolunteerSwap } from './claim.entity.js';
import { isUniqueViolation } from './claim.service.js';
import { ClaimService } from './claim.service.js';
import { missingRequirements, normaliseEmail } from './claim.rules.js';
import type { ClaimView, SwapView } from './claim.schemas.js';
import { mailCoordinators, mailVolunteer } from './mail/volunteer-notifications.js';
import { lockShift } from './shift-lock.js';
import type { RequirementCode } from './task.schemas.js';
import { claimErrors, swapErrors } from './volunteering.errors.js';
import { loadClaim } from './views.js';

interface SwapRow {
  id: string;
  state: SwapView['state'];
  to_email: string | null;
  claim_id: string;
  offered_by_id: string;
  offered_by_name: string;
  created_at: Date;
}

const SWAP_SELECT = `select w.id, w.state, w.to_email, w.claim_id, w.offered_by_id, u.name as offered_by_name, w.created_at
  from volunteer_swaps w join users u on u.id = w.offered_by_id`;

// Shift swap: a volunteer offers their place to a named email or to anyone; the first to accept
// takes it (one conditional update decides), and the coordinator and both volunteers hear of it.
@Injectable()
export class SwapService {
  constructor(
    private readonly orm: MikroORM,
    private readonly claims: ClaimService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async offer(claimId: string, toEmail: string | null, user: SignedInUser): Promise<SwapView> {
    return this.orm.em.fork().transactional(async (em) => {
      const claim = await this.claims.readClaim(em, claimId);
      if (!claim) throw notFound('The claim');
      if (claim.user_id !== user.id) throw new DomainError(claimErrors.not_yours, 'This place is not yours');
      if (claim.state !== 'placed') throw new DomainError(claimErrors.wrong_state, 'Only a place you hold can be offered');
      const shift = await lockShift(em, claim.shift_id);
      if (!shift || new Date(shift.starts_at).getTime() <= Date.now())
        throw new DomainError(claimErrors.shift_started, 'The shift has already started');
      const email = toEmail ? normaliseEmail(toEmail) : null;
      if (email && email === normaliseEmail(user.email))
        throw new DomainError(swapErrors.own_offer, 'Offer the place to someone else', {
          toEmail: 'Give another person’s address',
        });
      const swap = em.create(
        VolunteerSwap,
        {
          id: randomUUID(),
          claim: em.getReference(VolunteerClaim, claimId),
          toEmail: email,
          state: 'open',
          offeredBy: em.getReference(User, user.id),
          createdAt: new Date(),
        },
        { persist: false },
      );
      try {
        await em.insert(swap);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError(swapErrors.open_already, 'The place is already offered');
        throw error;
      }
      if (email)
        mailVolunteer(
          em,
          shift,
          'swapOffered',
          { email, name: '', language: user.language },
          {
            link: `${this.config.publicOrigin}/volunteering/swaps/${swap.id}`,
            volunteerName: user.name,
          },
        );
      return this.view(em, swap.id);
    });
  }

  async get(swapId: string): Promise<SwapView> {
    return this.view(this.orm.em.fork(), swapId);
  }

  async accept(
    swapId: string,
    confirmedRequirements: RequirementCode[],
    user: SignedInUser,
  ): Promise<{ swap: SwapView; claim: ClaimView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const [before] = await em.execute<SwapRow[]>(`${SWAP_SELECT} where w.id = ?`, [swapId]);
      if (!before) throw notFound('The offer');
      if (before.offered_by_id === user.id) throw new DomainError(swapErrors.own_offer, 'This is your own offer');
      if (before.to_email && before.to_email !== normaliseEmail(user.email))
        throw new DomainError(swapErrors.not_for_you, 'The place was offered to someone else');
      const now = new Date();
      // The race is decided here: of two acceptances at once, the second finds the offer taken.
      const [taken] = await em.execute<{ claim_id: string }[]>(
        `update volunteer_swaps set state = 'taken', ended_at = ? where id = ? and state = 'open' returning claim_id`,
        [now, swapId],
      );
      if (!taken) throw new DomainError(swapErrors.taken, 'Someone else took the place first, or the offer was taken back');
      const old = await this.claims.readClaim(em, taken.claim_id);
      if (!old) throw notFound('The claim');
      const shift = await lockShift(em, old.shift_id);
      if (!shift || shift.cancelled_at || new Date(shift.starts_at).getTime() <= now.getTime())
        throw new DomainError(claimErrors.shift_started, 'The shift has already started');
      const missing = missingRequirements(shift.requirements, confirmedRequirements);
      if (missing.length)
        throw new DomainError(claimErrors.requirements_not_confirmed, 'Confirm every requirement of the task', {
          confirmedRequirements: `Confirm: ${missing.join(', ')}`,
        });
      const { placeNo } = await this.claims.release(em, old.id, 'handedOver', now);
      const newId = await this.claims.place(
        em,
        shift,
        {
          userId: user.id,
          name: user.name,
          email: user.email,
          phone: null,
          language: user.language,
          confirmedRequirements,
          origin: 'swap',
          enteredBy: null,
          isConfirmed: true,
        },
        false,
        now,
      );
      // The taker holds the very place number the giver held.
      if (placeNo !== null) await em.execute(`update volunteer_claims set place_no = ? where id = ?`, [placeNo, newId]);
      await em.execute(`update volunteer_swaps set taken_claim_id = ? where id = ?`, [newId, swapId]);
      const link = `${this.config.publicOrigin}/me/volunteering`;
      if (old.email)
        mailVolunteer(
          em,
          shift,
          'swapTaken',
          { email: old.email, name: old.name, language: old.language },
          { link, otherName: user.name },
        );
      mailVolunteer(em, shift, 'swapHandedOver', user, { link, otherName: old.name });
      await mailCoordinators(em, shift, 'swapCoordinator', {
        publicOrigin: this.config.publicOrigin,
        volunteerName: old.name,
        otherName: user.name,
      });
      return { swap: await this.view(em, swapId), claim: await loadClaim(em, newId) };
    });
  }

  async cancel(swapId: string, user: SignedInUser): Promise<SwapView> {
    return this.orm.em.fork().transactional(async (em) => {
      const [row] = await em.execute<SwapRow[]>(`${SWAP_SELECT} where w.id = ?`, [swapId]);
      if (!row || row.offered_by_id !== user.id) throw notFound('The offer');
      const changed = await em.execute<{ id: string }[]>(
        `update volunteer_swaps set state = 'cancelled', ended_at = ? where id = ? and state = 'open' returning id`,
        [new Date(), swapId],
      );
      if (changed.length === 0) throw new DomainError(swapErrors.taken, 'The offer was already taken or taken back');
      return this.view(em, swapId);
    });
  }

  // Open offers to my address, or to anyone (not my own).
  async forUser(em: EntityManager, user: SignedInUser): Promise<SwapView[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select w.id from volunteer_swaps w join volunteer_claims c on c.id = w.claim_id join volunteer_shifts s on s.id = c.shift_id
        where w.state = 'open' and w.offered_by_id <> ? and (w.to_email = ? or w.to_email is null) and s.starts_at > ?
        order by s.starts_at limit 50`,
      [user.id, normaliseEmail(user.email), new Date()],
    );
    const views: SwapView[] = [];
    for (const row of rows) views.push(await this.view(em, row.id));
    return views;
  }

  private async view(em: EntityManager, swapId: string): Promise<SwapView> {
    const [row] = await em.execute<SwapRow[]>(`${SWAP_SELECT} where w.id = ?`, [swapId]);
    if (!row) throw notFound('The offer');
    return {
      id: row.id,
      state: row.state,
      toEmail: row.to_email,
      claim: await loadClaim(em, row.claim_id),
      offeredByName: row.offered_by_name,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
