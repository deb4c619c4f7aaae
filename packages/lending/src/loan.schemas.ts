// Browser-safe: loans (one per owner of a request), their requests, returns and the search.
import { calendarDateSchema, instantSchema, localizedTextSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { feeTiers, itemCategories, itemSummarySchema } from './item.schemas.js';

export const loanStates = ['requested', 'approved', 'denied', 'pickedUp', 'returned', 'cancelled', 'expired'] as const;
export type LoanState = (typeof loanStates)[number];
// States that hold units: a pending request holds them as much as an approved loan (like bookings).
export const blockingLoanStates: readonly LoanState[] = ['requested', 'approved', 'pickedUp'];

// One day of an item's availability: the fewest units free at any moment of that Helsinki day.
export const dayAvailabilitySchema = z.object({ date: z.string(), free: z.number(), total: z.number() });
export type DayAvailability = z.infer<typeof dayAvailabilitySchema>;

const longestRangeDays = 62;

export const availabilityQuerySchema = z
  .object({
    from: calendarDateSchema(),
    to: calendarDateSchema(),
  })
  .refine((range) => range.to >= range.from, {
    path: ['to'],
    message: 'The last day must not be before the first',
    ...whenFieldsValid,
  })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= longestRangeDays * 86_400_000, {
    path: ['to'],
    message: `Ask for at most ${longestRangeDays} days at a time`,
    ...whenFieldsValid,
  });

export const availabilitySchema = z.object({
  itemId: z.uuid(),
  total: z.number(),
  days: z.array(dayAvailabilitySchema),
});

const period = { startsAt: instantSchema('start'), endsAt: instantSchema('end') };
const endAfterStart = {
  path: ['endsAt'],
  message: 'The end must be after the start',
  ...whenFieldsValid,
};

// "30 chairs and a tent in Rautalampi on Saturday 10–18": every owner's free stock, nearest first.
export const searchQuerySchema = z
  .object({
    text: z.string().trim().max(200).optional(),
    category: z.enum(itemCategories).optional(),
    quantity: z.coerce.number().int().min(1).max(100_000).optional(),
    municipalityId: z.uuid().optional(),
    villageId: z.uuid().optional(),
    ...period,
  })
  .refine((query) => query.endsAt > query.startsAt, endAfterStart)
  .refine((query) => query.endsAt.getTime() - query.startsAt.getTime() <= longestRangeDays * 86_400_000, {
    path: ['endsAt'],
    message: `Search at most ${longestRangeDays} days at a time`,
    ...whenFieldsValid,
  });

export const searchHitSchema = z.object({
  item: itemSummarySchema,
  // Units free over the whole period (the fewest free at any instant of it).
  free: z.number(),
  // Per Helsinki day of the period, for the grid.
  days: z.array(dayAvailabilitySchema),
  // 'village' (the searched village), 'municipality' (same municipality), 'region' (further away).
  distance: z.enum(['village', 'municipality', 'region']),
});

export const searchResultSchema = z.object({
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  hits: z.array(searchHitSchema),
});

export const loanLineInputSchema = z.strictObject({
  itemId: z.uuid(),
  quantity: z.number({ error: 'Give the number of units' }).int().min(1, 'At least 1').max(100_000),
});

// One request to several owners: it becomes one loan per owner, all or nothing.
export const loanRequestInputSchema = z
  .strictObject({
    lines: z.array(loanLineInputSchema).min(1, 'Choose at least one item').max(50),
    ...period,
    // Borrowing for an organisation (the requester is its member), or as a private person.
    organisationId: z.uuid().nullable().default(null),
    // Who collects ("Matti, 040 123 4567"), and when they would like to.
    collectorName: z.string().trim().min(2, 'Say who collects').max(200),
    collectAt: instantSchema('collection time').nullable().default(null),
    isTransportNeeded: z.boolean().default(false),
    // The event the equipment serves, when there is one (an id of the events domain).
    eventId: z.uuid().nullable().default(null),
    message: z.string().trim().max(2000).default(''),
  })
  .refine((request) => request.endsAt > request.startsAt, endAfterStart);
export type LoanRequestInput = z.output<typeof loanRequestInputSchema>;

export const loanLineSchema = z.object({
  itemId: z.uuid(),
  name: localizedTextSchema,
  quantity: z.number(),
  // The kit this line was taken for, when it is a part of one.
  kitItemId: z.uuid().nullable(),
  returnedFine: z.number(),
  returnedDamaged: z.number(),
  returnedMissing: z.number(),
  returnNotes: z.string(),
});

export const loanSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  state: z.enum(loanStates),
  // Picked up and not all back after its end.
  isOverdue: z.boolean(),
  // Units went out of service (or the stock shrank) so this loan no longer fits: the owner decides.
  isFlagged: z.boolean(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  borrower: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  collectorName: z.string(),
  collectAt: z.iso.datetime().nullable(),
  // The time window the owner proposes for the hand-over.
  handOverStartsAt: z.iso.datetime().nullable(),
  handOverEndsAt: z.iso.datetime().nullable(),
  isTransportNeeded: z.boolean(),
  eventId: z.uuid().nullable(),
  message: z.string(),
  feeTier: z.enum(feeTiers),
  feeCents: z.number(),
  depositCents: z.number(),
  denyReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  pickedUpAt: z.iso.datetime().nullable(),
  returnedAt: z.iso.datetime().nullable(),
  lines: z.array(loanLineSchema),
});
export type LoanView = z.infer<typeof loanSchema>;

export const loanRequestSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  loans: z.array(loanSchema),
});
export type LoanRequestView = z.infer<typeof loanRequestSchema>;

export const approvalInputSchema = z
  .strictObject({
    handOverStartsAt: instantSchema('hand-over start').nullable().default(null),
    handOverEndsAt: instantSchema('hand-over end').nullable().default(null),
    message: z.string().trim().max(1000).default(''),
  })
  .refine((input) => (input.handOverStartsAt === null) === (input.handOverEndsAt === null), {
    path: ['handOverEndsAt'],
    message: 'Give both the start and the end of the hand-over, or neither',
    ...whenFieldsValid,
  })
  .refine((input) => !input.handOverStartsAt || !input.handOverEndsAt || input.handOverEndsAt > input.handOverStartsAt, {
    path: ['handOverEndsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  });

export const denialInputSchema = z.strictObject({
  reason: z.string().trim().min(2, 'Say why the request is denied').max(1000),
});

export const cancellationInputSchema = z.strictObject({ reason: z.string().trim().max(1000).default('') });

export const returnLineInputSchema = z.strictObject({
  itemId: z.uuid(),
  fine: z.number().int().min(0).max(100_000).default(0),
  damaged: z.number().int().min(0).max(100_000).default(0),
  missing: z.number().int().min(0).max(100_000).default(0),
  notes: z.string().trim().max(1000).default(''),
});

// Units counted back, per line; a partial return leaves the rest out.
export const returnInputSchema = z.strictObject({
  lines: z.array(returnLineInputSchema).min(1, 'Count at least one line').max(50),
});

export const ownerLoansQuerySchema = z
  .object({
    state: z.enum(loanStates).optional(),
    // Loans overlapping these Helsinki days (inclusive).
    from: calendarDateSchema().optional(),
    to: calendarDateSchema().optional(),
  })
  .refine((query) => !query.from || !query.to || query.to >= query.from, {
    path: ['to'],
    message: 'The last day must not be before the first',
    ...whenFieldsValid,
  });

export const weekQuerySchema = z.object({ date: calendarDateSchema().optional() });

export const weekSchema = z.object({
  from: z.string(),
  to: z.string(),
  // Loans to hand over in the week (approved, starting in it) and to take back (ending in it, or overdue).
  pickUps: z.array(loanSchema),
  returns: z.array(loanSchema),
});
