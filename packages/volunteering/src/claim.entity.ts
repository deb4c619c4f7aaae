import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { User } from '@talkoot/identity';
import { announceContentChanges } from '@talkoot/platform';
import type { Language } from '@talkoot/platform/schemas';
import {
  type Attendance,
  attendanceValues,
  type ClaimOrigin,
  type ClaimState,
  claimOrigins,
  claimStates,
  type SwapState,
  swapStates,
  type TokenPurpose,
  tokenPurposes,
} from './claim.schemas.js';
import type { RequirementCode } from './task.schemas.js';
import { VolunteerShift } from './task.entity.js';

// A person's place on a shift, or their turn in its waiting line (ADR 022). A placed claim holds
// a numbered place 1…capacity: the unique index refuses two claims on one number, the trigger a
// number beyond the shift's capacity, so the database never holds more people than places.
@Entity({
  tableName: 'volunteer_claims',
  triggers: [
    announceContentChanges('volunteering'),
    {
      name: 'place_within_capacity',
      timing: 'before',
      events: ['insert', 'update'],
      forEach: 'row',
      body: `if new.state = 'placed' and new.place_no > (select capacity from volunteer_shifts where id = new.shift_id) then
  raise exception 'place % is beyond the capacity of shift %', new.place_no, new.shift_id
    using errcode = '23514', constraint = 'volunteer_claims_place_within_capacity';
end if;
return new;`,
    },
  ],
})
@Check({
  name: 'volunteer_claims_place_check',
  expression: "(state = 'placed') = (place_no is not null) and (place_no is null or place_no >= 1)",
})
@Index({
  name: 'volunteer_claims_place_unique',
  expression:
    'create unique index "volunteer_claims_place_unique" on "volunteer_claims" ("shift_id", "place_no") where "state" = \'placed\'',
})
@Index({
  name: 'volunteer_claims_user_unique',
  expression:
    'create unique index "volunteer_claims_user_unique" on "volunteer_claims" ("shift_id", "user_id") where "state" in (\'placed\', \'waiting\') and "user_id" is not null',
})
@Index({
  name: 'volunteer_claims_email_unique',
  expression:
    'create unique index "volunteer_claims_email_unique" on "volunteer_claims" ("shift_id", "email_normalised") where "state" in (\'placed\', \'waiting\') and "email_normalised" is not null',
})
@Index({ properties: ['shift', 'state', 'createdAt'] })
@Index({ properties: ['user'] })
@Index({ properties: ['emailNormalised'] })
@Index({ properties: ['state', 'holdExpiresAt'] })
export class VolunteerClaim {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => VolunteerShift, { deleteRule: 'cascade' })
  shift!: VolunteerShift;

  @Enum({ items: () => [...claimStates], nativeEnumName: 'volunteer_claim_state' })
  state!: ClaimState;

  @Enum({ items: () => [...claimOrigins], nativeEnumName: 'volunteer_claim_origin' })
  origin!: ClaimOrigin;

  @Property({ type: 'integer', nullable: true })
  placeNo: number | null = null;

  // The volunteer's account, when they have one (a guest's claims are linked by email at sign-in).
  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  user: User | null = null;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  // Lower-case, trimmed: how a later sign-in with the same address finds the claim.
  @Property({ type: 'text', nullable: true })
  emailNormalised: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text' })
  language!: Language;

  @Property({ type: 'jsonb' })
  confirmedRequirements: Opt<RequirementCode[]> = [];

  // The coordinator who entered it (on someone's behalf or from the paper sheet).
  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  enteredBy: User | null = null;

  // A guest's claim by email is unconfirmed until the link is followed; it holds its place until holdExpiresAt.
  @Property({ type: 'datetime', nullable: true })
  confirmedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  holdExpiresAt: Date | null = null;

  @Enum({ items: () => [...attendanceValues], nativeEnumName: 'volunteer_attendance', nullable: true })
  attendance: Attendance | null = null;

  // The volunteer answered "I'm coming" to a reminder.
  @Property({ type: 'datetime', nullable: true })
  comingConfirmedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  // When it left its place or the line (withdrawn, expired, handed over).
  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;
}

// A link from a mail, good for one purpose and one claim: only its sha256 is stored.
@Entity({ tableName: 'volunteer_tokens' })
@Index({ properties: ['claim'] })
export class VolunteerToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => VolunteerClaim, { deleteRule: 'cascade' })
  claim!: VolunteerClaim;

  @Enum({ items: () => [...tokenPurposes], nativeEnumName: 'volunteer_token_purpose' })
  purpose!: TokenPurpose;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}

// A reminder sent: at most one per claim and kind, however often the job runs.
@Entity({ tableName: 'volunteer_reminders' })
@Unique({ properties: ['claim', 'kind'] })
export class VolunteerReminder {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => VolunteerClaim, { deleteRule: 'cascade' })
  claim!: VolunteerClaim;

  // 'threeDays' | 'oneDay'
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'datetime' })
  sentAt: Opt<Date> = new Date();
}

// A place offered to a named email or to anyone; the first to accept takes it.
@Entity({ tableName: 'volunteer_swaps' })
@Index({
  name: 'volunteer_swaps_open_unique',
  expression: 'create unique index "volunteer_swaps_open_unique" on "volunteer_swaps" ("claim_id") where "state" = \'open\'',
})
@Index({ properties: ['toEmail', 'state'] })
export class VolunteerSwap {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => VolunteerClaim, { deleteRule: 'cascade' })
  claim!: VolunteerClaim;

  @Property({ type: 'text', nullable: true })
  toEmail: string | null = null;

  @Enum({ items: () => [...swapStates], nativeEnumName: 'volunteer_swap_state' })
  state: Opt<SwapState> = 'open';

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  offeredBy!: User;

  // The new claim of whoever took the place.
  @ManyToOne(() => VolunteerClaim, { deleteRule: 'set null', nullable: true })
  takenClaim: VolunteerClaim | null = null;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;
}
