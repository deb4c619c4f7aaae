// Browser-safe: claiming a place on a shift, the waiting list, tokens from mails, swaps, the paper
// sheet and entering its results.
import { emailSchema, personNameSchema, phoneSchema } from '@talkoot/identity/schemas';
import { languageSchema, localizedTextSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { requirementSchema } from './task.schemas.js';

// placed: holds a numbered place (an unconfirmed guest's place is held until holdExpiresAt);
// waiting: in line for the next free place; withdrawn / expired / handedOver (swapped away): no place.
export const claimStates = ['placed', 'waiting', 'withdrawn', 'expired', 'handedOver'] as const;
export type ClaimState = (typeof claimStates)[number];

// How the claim was made: by the volunteer signed in, without an account, by a coordinator on
// someone's behalf, from the paper sheet, or by taking over a swapped place.
export const claimOrigins = ['self', 'guest', 'behalf', 'sheet', 'swap'] as const;
export type ClaimOrigin = (typeof claimOrigins)[number];

export const attendanceValues = ['came', 'noShow'] as const;
export type Attendance = (typeof attendanceValues)[number];

export const claimInputSchema = z.strictObject({
  // Every requirement of the task, confirmed by the volunteer (the list must match the task's).
  confirmedRequirements: z.array(requirementSchema).max(10).default([]),
  // When the shift is full: join the waiting list instead of being refused.
  waitIfFull: z.boolean().default(false),
});

// Without an account: a name and an email (confirmed by a link) or a phone the coordinator calls.
export const guestClaimInputSchema = z
  .strictObject({
    name: personNameSchema,
    email: emailSchema.nullable().default(null),
    phone: phoneSchema.nullable().default(null),
    language: languageSchema.default('fi'),
    confirmedRequirements: z.array(requirementSchema).max(10).default([]),
    waitIfFull: z.boolean().default(false),
  })
  .refine((input) => Boolean(input.email || input.phone), {
    message: 'Give an email address or a phone number',
    path: ['email'],
    when: (payload) => payload.issues.length === 0,
  });
export type GuestClaimInput = z.output<typeof guestClaimInputSchema>;

// A coordinator fills a place for someone (on their behalf); the person gets the mails if an email is given.
export const behalfClaimInputSchema = z
  .strictObject({
    name: personNameSchema,
    email: emailSchema.nullable().default(null),
    phone: phoneSchema.nullable().default(null),
    language: languageSchema.default('fi'),
  })
  .refine((input) => Boolean(input.email || input.phone), {
    message: 'Give an email address or a phone number',
    path: ['email'],
    when: (payload) => payload.issues.length === 0,
  });
export type BehalfClaimInput = z.output<typeof behalfClaimInputSchema>;

export const claimViewSchema = z.object({
  id: z.uuid(),
  shiftId: z.uuid(),
  taskId: z.uuid(),
  state: z.enum(claimStates),
  origin: z.enum(claimOrigins),
  // The numbered place (1…capacity) while placed.
  placeNo: z.number().nullable(),
  // Place in the waiting line (1 = next) while waiting.
  waitingPosition: z.number().nullable(),
  name: z.string(),
  isConfirmed: z.boolean(),
  holdExpiresAt: z.iso.datetime().nullable(),
  attendance: z.enum(attendanceValues).nullable(),
  task: z.object({ id: z.uuid(), title: localizedTextSchema, organisation: z.object({ id: z.uuid(), name: z.string() }) }),
  shift: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }),
  createdAt: z.iso.datetime(),
});
export type ClaimView = z.infer<typeof claimViewSchema>;

// What a coordinator sees of a claim: contact details too.
export const claimPersonSchema = claimViewSchema.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: languageSchema,
  userId: z.uuid().nullable(),
});
export type ClaimPerson = z.infer<typeof claimPersonSchema>;

export const guestClaimAnswerSchema = z.object({
  // 'confirmation-sent': a link went to the email; 'held': no email, the coordinator calls.
  status: z.enum(['confirmation-sent', 'held']),
  claim: claimViewSchema,
});

// The links in mails, each for one purpose only: confirm a claim, "I'm coming", "I can't come after all".
export const tokenPurposes = ['confirm', 'coming', 'cannotCome'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];
export const tokenInputSchema = z.strictObject({ token: z.string().trim().min(20).max(200) });
export const tokenPreviewSchema = z.object({ purpose: z.enum(tokenPurposes), claim: claimViewSchema, isUsed: z.boolean() });
export const tokenUseAnswerSchema = z.object({ purpose: z.enum(tokenPurposes), claim: claimViewSchema });

// Shift swap: offer one's place to a named email or to anyone; whoever accepts first takes it.
export const swapStates = ['open', 'taken', 'cancelled'] as const;
export type SwapState = (typeof swapStates)[number];
export const swapInputSchema = z.strictObject({ toEmail: emailSchema.nullable().default(null) });
export const swapViewSchema = z.object({
  id: z.uuid(),
  state: z.enum(swapStates),
  toEmail: z.string().nullable(),
  claim: claimViewSchema,
  offeredByName: z.string(),
  createdAt: z.iso.datetime(),
});
export type SwapView = z.infer<typeof swapViewSchema>;

// The printable A4 sheet of an event: the organisation's tasks, shifts and every place numbered.
export const sheetSchema = z.object({
  eventId: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  tasks: z.array(
    z.object({
      id: z.uuid(),
      title: localizedTextSchema,
      place: z.string(),
      requirements: z.array(requirementSchema),
      contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
      shifts: z.array(
        z.object({
          id: z.uuid(),
          startsAt: z.iso.datetime(),
          endsAt: z.iso.datetime(),
          capacity: z.number(),
          places: z.array(z.object({ placeNo: z.number(), name: z.string().nullable(), phone: z.string().nullable() })),
        }),
      ),
    }),
  ),
});
export type SheetView = z.infer<typeof sheetSchema>;

// The sheet back from the wall: many names for many places at once, all or nothing.
export const sheetResultsInputSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        shiftId: z.uuid(),
        name: personNameSchema,
        phone: phoneSchema.nullable().default(null),
        email: emailSchema.nullable().default(null),
        language: languageSchema.default('fi'),
      }),
    )
    .min(1, 'Enter at least one name')
    .max(500),
});
export const sheetResultsAnswerSchema = z.object({ claims: z.array(claimPersonSchema) });

// After the shift: who came (the rest are recorded as no-shows, quietly).
export const attendanceInputSchema = z.strictObject({
  came: z.array(z.uuid()).max(500).default([]),
  noShow: z.array(z.uuid()).max(500).default([]),
});
