// Browser-safe: lendable items (an organisation's equipment), kits, units out of service.
import { instantSchema, localizedTextSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';

// The categories, in the order a person scans them.
export const itemCategories = [
  'furniture',
  'tents',
  'kitchen',
  'soundLight',
  'sportOutdoor',
  'tools',
  'children',
  'other',
] as const;
export type ItemCategory = (typeof itemCategories)[number];

// Who may borrow: the owner's own members, other organisations of the region, private residents.
export const borrowerKinds = ['members', 'region', 'residents'] as const;
export type BorrowerKind = (typeof borrowerKinds)[number];

// The fee tier a loan is priced at, the same three as venues' price tiers.
export const feeTiers = ['members', 'region', 'private'] as const;
export type FeeTier = (typeof feeTiers)[number];

const cents = (label: string) =>
  z
    .number({ error: `Give the ${label} in cents` })
    .int(`Give the ${label} in whole cents`)
    .min(0, `The ${label} cannot be negative`)
    .max(10_000_000, `The ${label} is too large`);

const days = (label: string) =>
  z
    .number({ error: `Give the ${label} in days` })
    .int(`Give the ${label} in whole days`)
    .min(0, `The ${label} cannot be negative`)
    .max(365, `The ${label} is at most 365 days`)
    .nullable()
    .default(null);

const atLeastOneName = (text: { fi?: string | undefined; sv?: string | undefined; en?: string | undefined }) =>
  Boolean(text.fi || text.sv || text.en);

export const kitPartInputSchema = z.strictObject({
  itemId: z.uuid(),
  quantity: z.number().int().min(1, 'A part is at least 1').max(10_000),
});

// A new item or its full replacement (the form sends every field).
export const itemInputSchema = z
  .strictObject({
    name: localizedTextSchema.refine(atLeastOneName, 'Enter the name in at least one language'),
    description: localizedTextSchema.default({}),
    category: z.enum(itemCategories, { error: 'Choose a category' }),
    // For a kit the api sets it to how many whole kits the parts make; the parts' stock decides what is free.
    quantity: z.number({ error: 'Give the number of units' }).int().min(1, 'An item has at least 1 unit').max(100_000),
    venueId: z.uuid().nullable().default(null),
    address: z.string().trim().max(300).default(''),
    villageId: z.uuid().nullable().default(null),
    pickUpInstructions: z.string().trim().max(2000).default(''),
    borrowers: z
      .array(z.enum(borrowerKinds))
      .min(1, 'Choose who may borrow')
      .max(borrowerKinds.length)
      .refine((list) => new Set(list).size === list.length, 'Choose each group once'),
    isApprovalRequired: z.boolean().default(true),
    feeMembersCents: cents('fee for members').default(0),
    feeOrganisationsCents: cents('fee for other organisations').default(0),
    feePrivateCents: cents('fee for private persons').default(0),
    depositCents: cents('deposit').nullable().default(null),
    maxDays: days('longest loan'),
    noticeDays: days('notice'),
    conditionNotes: z.string().trim().max(2000).default(''),
    // Empty for a plain item; the parts of a kit (tent + 4 tables + 30 chairs) otherwise.
    kitParts: z.array(kitPartInputSchema).max(20).default([]),
  })
  .refine((item) => item.venueId !== null || (item.address !== '' && item.villageId !== null), {
    path: ['address'],
    message: 'Choose the venue where it is kept, or give an address and a village',
    ...whenFieldsValid,
  });

export type ItemInput = z.output<typeof itemInputSchema>;

const ownerSchema = z.object({ id: z.uuid(), name: z.string() });
const placeSchema = z.object({ id: z.uuid(), name: z.string() });

export const itemSummarySchema = z.object({
  id: z.uuid(),
  name: localizedTextSchema,
  category: z.enum(itemCategories),
  quantity: z.number(),
  isKit: z.boolean(),
  owner: ownerSchema,
  village: placeSchema.nullable(),
  municipality: placeSchema.nullable(),
  isApprovalRequired: z.boolean(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const outOfServiceSchema = z.object({
  id: z.uuid(),
  units: z.number(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reason: z.string(),
});

export const itemSchema = itemSummarySchema.extend({
  description: localizedTextSchema,
  venueId: z.uuid().nullable(),
  address: z.string(),
  villageId: z.uuid().nullable(),
  pickUpInstructions: z.string(),
  borrowers: z.array(z.enum(borrowerKinds)),
  feeMembersCents: z.number(),
  feeOrganisationsCents: z.number(),
  feePrivateCents: z.number(),
  depositCents: z.number().nullable(),
  maxDays: z.number().nullable(),
  noticeDays: z.number().nullable(),
  conditionNotes: z.string(),
  kitParts: z.array(z.object({ itemId: z.uuid(), name: localizedTextSchema, quantity: z.number() })),
  photos: z.array(
    z.object({
      id: z.uuid(),
      url: z.string(),
      thumbnailUrl: z.string(),
      altText: z.string(),
      width: z.number().int(),
      height: z.number().int(),
    }),
  ),
  outOfService: z.array(outOfServiceSchema),
  // When the item was given away whole (ADR 021); null while the owner has it.
  retiredAt: z.iso.datetime().nullable(),
});
export type ItemView = z.infer<typeof itemSchema>;

export const outOfServiceInputSchema = z
  .strictObject({
    units: z.number({ error: 'Give the number of units' }).int().min(1, 'At least 1 unit').max(100_000),
    startsAt: instantSchema('start'),
    endsAt: instantSchema('end'),
    reason: z.string().trim().min(2, 'Say why (repair, lost, …)').max(500),
  })
  .refine((period) => period.endsAt > period.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  });
