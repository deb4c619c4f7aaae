import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { generateToken, hashToken, type SignedInUser, User } from '@talkoot/identity';
import { APP_CONFIG, type AppConfig, DomainError, notFound, RateLimitedError } from '@talkoot/platform';
import type { Language } from '@talkoot/platform/schemas';
import { VolunteerClaim, VolunteerToken } from './claim.entity.js';
import { firstFreePlace, isInsideCutoff, missingRequirements, normaliseEmail, UNCONFIRMED_HOLD_MS } from './claim.rules.js';
import type { BehalfClaimInput, ClaimOrigin, ClaimPerson, ClaimView, GuestClaimInput, TokenPurpose } from './claim.schemas.js';
import { mailCoordinators, mailVolunteer } from './mail/volunteer-notifications.js';
import { EXISTING_CLAIM_SQL, type LockedShift, lockShift, takenPlaces } from './shift-lock.js';
import type { RequirementCode } from './task.schemas.js';
import { VolunteerShift } from './task.entity.js';
import { claimErrors } from './volunteering.errors.js';
import { loadClaim, loadClaimPerson, toClaimView } from './views.js';

export interface Person {
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language;
  confirmedRequirements: RequirementCode[];
  origin: ClaimOrigin;
  enteredBy: string | null;
  // A guest's claim by email waits for the link; everyone else's is confirmed at once.
  isConfirmed: boolean;
}

interface ClaimRow {
  id: string;
  shift_id: string;
  state: string;
  place_no: number | null;
  user_id: string | null;
  name: string;
  email: string | null;
  email_normalised: string | null;
  language: Language;
}

// Claims without an account mail the address given: at most this many per address an hour.
export const GUEST_CLAIMS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

const CLAIM_COLUMNS = 'id, shift_id, state, place_no, user_id, name, email, email_normalised, language';

export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; sqlState?: string; cause?: { code?: string } };
  return candidate.code === '23505' || candidate.sqlState === '23505' || candidate.cause?.code === '23505';
}

// Claiming, withdrawing and the waiting list (ADR 022): each change takes the shift's row lock,
// counts the placed claims and gives the lowest free place number; the unique index and the
// capacity trigger refuse anything else.
@Injectable()
export class ClaimService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get origin(): string {
    return this.config.publicOrigin;
  }

  async claimAsUser(
    shiftId: string,
    input: { confirmedRequirements: RequirementCode[]; waitIfFull: boolean },
    user: SignedInUser,
  ): Promise<ClaimView> {
    return this.orm.em.fork().transactional(async (em) => {
      const shift = await this.openShift(em, shiftId);
      const id = await this.place(
        em,
        shift,
        {
          userId: user.id,
          name: user.name,
          email: user.email,
          phone: null,
          language: user.language,
          confirmedRequirements: input.confirmedRequirements,
          origin: 'self',
          enteredBy: null,
          isConfirmed: true,
        },
        input.waitIfFull,
      );
      const claim = await loadClaim(em, id);
      mailVolunteer(em, shift, claim.state === 'waiting' ? 'waiting' : 'placed', user, {
        link: `${this.origin}/me/volunteering`,
      });
      return claim;
    });
  }

  async claimAsGuest(
    shiftId: string,
    input: GuestClaimInput,
  ): Promise<{ status: 'confirmation-sent' | 'held'; claim: ClaimView }> {
    return this.orm.em.fork().transactional(async (em) => {
      if (input.email) await this.limitGuestMails(em, normaliseEmail(input.email));
      const shift = await this.openShift(em, shiftId);
      const id = await this.place(
        em,
        shift,
        {
          userId: null,
          name: input.name,
          email: input.email,
          phone: input.phone,
          language: input.language,
          confirmedRequirements: input.confirmedRequirements,
          origin: 'guest',
          enteredBy: null,
          isConfirmed: false,
        },
        input.waitIfFull,
      );
      if (input.email) {
        const token = await this.issueToken(em, id, 'confirm', new Date(Date.now() + UNCONFIRMED_HOLD_MS));
        mailVolunteer(
          em,
          shift,
          'confirmEmail',
          { email: input.email, name: input.name, language: input.language },
          {
            link: this.tokenLink(token),
          },
        );
      }
      return { status: input.email ? ('confirmation-sent' as const) : ('held' as const), claim: await loadClaim(em, id) };
    });
  }

  async claimOnBehalf(
    organisationId: string,
    shiftId: string,
    input: BehalfClaimInput,
    coordinator: SignedInUser,
  ): Promise<ClaimPerson> {
    return this.orm.em.fork().transactional(async (em) => {
      const shift = await this.openShift(em, shiftId, organisationId);
      const id = await this.place(
        em,
        shift,
        {
          userId: null,
          name: input.name,
          email: input.email,
          phone: input.phone,
          language: input.language,
          // The coordinator asked: the task's requirements count as confirmed.
          confirmedRequirements: shift.requirements,
          origin: 'behalf',
          enteredBy: coordinator.id,
          isConfirmed: true,
        },
        false,
      );
      if (input.email) await this.mailPlaced(em, shift, id);
      return loadClaimPerson(em, id);
    });
  }

  // Serialised per address, so parallel requests cannot slip past the count.
  private async limitGuestMails(em: EntityManager, email: string): Promise<void> {
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`volunteer-guest:${email}`]);
    const recent = await em.execute<{ created_at: Date }[]>(
      `select created_at from volunteer_claims where email_normalised = ? and origin = 'guest' and created_at > ?
        order by created_at desc limit ?`,
      [email, new Date(Date.now() - HOUR_MS), GUEST_CLAIMS_PER_HOUR],
    );
    if (recent.length < GUEST_CLAIMS_PER_HOUR) return;
    const opensAt = new Date(recent[recent.length - 1]!.created_at).getTime() + HOUR_MS;
    throw new RateLimitedError(
      'Too many places asked for this address in an hour. Try again later.',
      Math.max(1, Math.ceil((opensAt - Date.now()) / 1000)),
      claimErrors.guest_claims_limited,
    );
  }

  // Gives the volunteer's place up (or their turn in line); the next in line gets the place.
  async withdrawOwn(claimId: string, user: SignedInUser): Promise<ClaimView> {
    return this.orm.em.fork().transactional(async (em) => {
      const claim = await this.readClaim(em, claimId);
      if (!claim) throw notFound('The claim');
      const isMine =
        claim.user_id === user.id || (claim.email_normalised !== null && claim.email_normalised === normaliseEmail(user.email));
      if (!isMine) throw new DomainError(claimErrors.not_yours, 'This place is not yours');
      const { shift, wasPlaced } = await this.release(em, claimId, 'withdrawn');
      if (wasPlaced && isInsideCutoff(new Date(shift.starts_at), shift.withdrawal_cutoff_hours, new Date()))
        await mailCoordinators(em, shift, 'lateWithdrawal', { publicOrigin: this.origin, volunteerName: claim.name });
      return loadClaim(em, claimId);
    });
  }

  async removeByCoordinator(organisationId: string, claimId: string): Promise<ClaimPerson> {
    return this.orm.em.fork().transactional(async (em) => {
      const [row] = await em.execute<{ organisation_id: string }[]>(
        `select t.organisation_id from volunteer_claims c join volunteer_shifts s on s.id = c.shift_id
           join volunteer_tasks t on t.id = s.task_id where c.id = ?`,
        [claimId],
      );
      if (!row || row.organisation_id !== organisationId) throw notFound('The claim');
      await this.release(em, claimId, 'withdrawn');
      return loadClaimPerson(em, claimId);
    });
  }

  async previewToken(token: string): Promise<{ purpose: TokenPurpose; claim: ClaimView; isUsed: boolean }> {
    const em = this.orm.em.fork();
    const [row] = await em.execute<{ claim_id: string; purpose: TokenPurpose; used_at: Date | null }[]>(
      `select claim_id, purpose, used_at from volunteer_tokens where token_hash = ? and expires_at > ?`,
      [hashToken(token), new Date()],
    );
    if (!row) throw invalidToken();
    return { purpose: row.purpose, claim: await loadClaim(em, row.claim_id), isUsed: row.used_at !== null };
  }

  // The links in mails work without signing in: the token is good for one purpose, once.
  async useToken(token: string): Promise<{ purpose: TokenPurpose; claim: ClaimView }> {
    return this.orm.em.fork().transactional(async (em) => {
      const now = new Date();
      const [used] = await em.execute<{ claim_id: string; purpose: TokenPurpose }[]>(
        `update volunteer_tokens set used_at = ? where token_hash = ? and used_at is null and expires_at > ? returning claim_id, purpose`,
        [now, hashToken(token), now],
      );
      if (!used) {
        const [known] = await em.execute<{ used_at: Date | null }[]>(
          `select used_at from volunteer_tokens where token_hash = ? and expires_at > ?`,
          [hashToken(token), now],
        );
        if (known?.used_at) throw new DomainError(claimErrors.token_used, 'This link was used already');
        throw invalidToken();
      }
      const claim = await this.readClaim(em, used.claim_id);
      if (!claim) throw invalidToken();
      if (used.purpose === 'confirm') {
        const changed = await em.execute<{ id: string }[]>(
          `update volunteer_claims set confirmed_at = ?, hold_expires_at = null
            where id = ? and state in ('placed', 'waiting') returning id`,
          [now, claim.id],
        );
        if (changed.length === 0) throw wrongState('The place is no longer held: it was let go or withdrawn');
      } else if (used.purpose === 'coming') {
        const changed = await em.execute<{ id: string }[]>(
          `update volunteer_claims set coming_confirmed_at = ? where id = ? and state = 'placed' returning id`,
          [now, claim.id],
        );
        if (changed.length === 0) throw wrongState('The place is no longer yours');
      } else {
        const { shift, wasPlaced } = await this.release(em, claim.id, 'withdrawn');
        if (wasPlaced) await mailCoordinators(em, shift, 'cannotCome', { publicOrigin: this.origin, volunteerName: claim.name });
      }
      return { purpose: used.purpose, claim: await loadClaim(em, claim.id) };
    });
  }

  // ---- the core, used by every way in ----

  // The shift, locked, if it is open for claims (its task not cancelled, not started). With an
  // organisation: the shift must be that organisation's (another's is not found).
  async openShift(em: EntityManager, shiftId: string, organisationId?: string): Promise<LockedShift> {
    const shift = await lockShift(em, shiftId);
    if (!shift || shift.cancelled_at || (organisationId && shift.organisation_id !== organisationId)) throw notFound('The shift');
    if (new Date(shift.starts_at).getTime() <= Date.now())
      throw new DomainError(claimErrors.shift_started, 'The shift has already started');
    return shift;
  }

  // Under the shift's row lock: one person once per shift, every requirement confirmed, the lowest
  // free place number, or the waiting line when asked and full.
  async place(em: EntityManager, shift: LockedShift, person: Person, waitIfFull: boolean, now = new Date()): Promise<string> {
    const missing = missingRequirements(shift.requirements, person.confirmedRequirements);
    if (missing.length)
      throw new DomainError(
        claimErrors.requirements_not_confirmed,
        'Confirm every requirement of the task',
        { confirmedRequirements: `Confirm: ${missing.join(', ')}` },
        { missing },
      );
    const email = person.email ? normaliseEmail(person.email) : null;
    if (person.userId || email) {
      const [existing] = await em.execute<{ id: string }[]>(EXISTING_CLAIM_SQL, [shift.id, person.userId, email]);
      if (existing) throw alreadyClaimed();
    }
    const placeNo = firstFreePlace(await takenPlaces(em, shift.id), shift.capacity);
    if (placeNo === null && !waitIfFull)
      throw new DomainError(
        claimErrors.shift_full,
        'Every place of the shift is taken; you may join the waiting list',
        undefined,
        {
          free: 0,
          shiftId: shift.id,
        },
      );
    const claim = em.create(
      VolunteerClaim,
      {
        id: randomUUID(),
        shift: em.getReference(VolunteerShift, shift.id),
        state: placeNo === null ? 'waiting' : 'placed',
        origin: person.origin,
        placeNo,
        user: person.userId ? em.getReference(User, person.userId) : null,
        name: person.name,
        email: person.email,
        emailNormalised: email,
        phone: person.phone,
        language: person.language,
        confirmedRequirements: person.confirmedRequirements,
        enteredBy: person.enteredBy ? em.getReference(User, person.enteredBy) : null,
        confirmedAt: person.isConfirmed ? now : null,
        // Unconfirmed by email: held 48 hours. Unconfirmed with a phone only: held until the coordinator acts.
        holdExpiresAt: !person.isConfirmed && email ? new Date(now.getTime() + UNCONFIRMED_HOLD_MS) : null,
        createdAt: now,
      },
      { persist: false },
    );
    try {
      await em.insert(claim);
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyClaimed();
      throw error;
    }
    return claim.id;
  }

  // Lets a claim go (withdrawn, expired, handed over) under the shift's lock; when it held a place,
  // the first in line gets that place and a mail.
  async release(
    em: EntityManager,
    claimId: string,
    to: 'withdrawn' | 'expired' | 'handedOver',
    now = new Date(),
  ): Promise<{ shift: LockedShift; wasPlaced: boolean; placeNo: number | null; promotedId: string | null }> {
    const before = await this.readClaim(em, claimId);
    if (!before) throw notFound('The claim');
    const shift = await lockShift(em, before.shift_id);
    if (!shift) throw notFound('The shift');
    const [released] = await em.execute<{ place_no: number | null; state: string }[]>(
      `update volunteer_claims c set state = ?, place_no = null, ended_at = ?
         from (select id, state, place_no from volunteer_claims where id = ?) prior
        where c.id = prior.id and c.state in ('placed', 'waiting')
          -- An expiry lets go only of a hold still unconfirmed and past its time (a confirmation may have come in between).
          and (? <> 'expired' or (c.confirmed_at is null and c.hold_expires_at <= ?))
        returning prior.place_no, prior.state`,
      [to, now, claimId, to, now],
    );
    if (!released) throw wrongState('The place was already given up');
    const wasPlaced = released.state === 'placed';
    let promotedId: string | null = null;
    if (wasPlaced && to !== 'handedOver' && new Date(shift.starts_at).getTime() > now.getTime()) {
      promotedId = await this.promote(em, shift, released.place_no!, now);
    }
    return { shift, wasPlaced, placeNo: released.place_no, promotedId };
  }

  // The first in line takes the freed place (the shift is locked by the caller).
  private async promote(em: EntityManager, shift: LockedShift, placeNo: number, now: Date): Promise<string | null> {
    const [promoted] = await em.execute<{ id: string }[]>(
      `update volunteer_claims set state = 'placed', place_no = ?,
              -- An unconfirmed guest gets a fresh hold from now, with the new link.
              hold_expires_at = case when confirmed_at is null and email_normalised is not null then ? else hold_expires_at end
        where id = (select id from volunteer_claims where shift_id = ? and state = 'waiting' order by created_at, id limit 1)
        returning id`,
      [placeNo, new Date(now.getTime() + UNCONFIRMED_HOLD_MS), shift.id],
    );
    if (!promoted) return null;
    const claim = await this.readClaim(em, promoted.id);
    if (claim?.email) {
      const [confirmedRow] = await em.execute<{ confirmed_at: Date | null }[]>(
        `select confirmed_at from volunteer_claims where id = ?`,
        [claim.id],
      );
      const link = confirmedRow?.confirmed_at
        ? claim.user_id
          ? `${this.origin}/me/volunteering`
          : this.tokenLink(await this.issueToken(em, claim.id, 'cannotCome', new Date(shift.ends_at)))
        : this.tokenLink(await this.issueToken(em, claim.id, 'confirm', new Date(now.getTime() + UNCONFIRMED_HOLD_MS)));
      mailVolunteer(em, shift, 'promoted', { email: claim.email, name: claim.name, language: claim.language }, { link });
    }
    return promoted.id;
  }

  async mailPlaced(em: EntityManager, shift: LockedShift, claimId: string): Promise<void> {
    const claim = await this.readClaim(em, claimId);
    if (!claim?.email) return;
    const link = claim.user_id
      ? `${this.origin}/me/volunteering`
      : this.tokenLink(await this.issueToken(em, claimId, 'cannotCome', new Date(shift.ends_at)));
    mailVolunteer(
      em,
      shift,
      claim.state === 'waiting' ? 'waiting' : 'placed',
      { email: claim.email, name: claim.name, language: claim.language },
      { link },
    );
  }

  async readClaim(em: EntityManager, claimId: string): Promise<ClaimRow | null> {
    const [row] = await em.execute<ClaimRow[]>(`select ${CLAIM_COLUMNS} from volunteer_claims where id = ?`, [claimId]);
    return row ?? null;
  }

  // A link token, stored as its sha256 only, good for one purpose on one claim.
  async issueToken(em: EntityManager, claimId: string, purpose: TokenPurpose, expiresAt: Date): Promise<string> {
    const token = generateToken();
    await em.insert(
      em.create(
        VolunteerToken,
        { id: randomUUID(), claim: em.getReference(VolunteerClaim, claimId), purpose, tokenHash: hashToken(token), expiresAt },
        { persist: false },
      ),
    );
    return token;
  }

  tokenLink(token: string): string {
    return `${this.origin}/volunteering/link?token=${encodeURIComponent(token)}`;
  }
}

export function alreadyClaimed(): DomainError {
  return new DomainError(claimErrors.already_claimed, 'You already have a place on this shift, or are in its line');
}

export function wrongState(message: string): DomainError {
  return new DomainError(claimErrors.wrong_state, message);
}

function invalidToken(): DomainError {
  return new DomainError(claimErrors.token_invalid, 'This link is not valid: it may have expired');
}

export { toClaimView };
