// Browser-safe: giving away (kierrätys): an owner offers units of an item for good, another
// organisation of the region claims them, the owner confirms and they move to the claimer (ADR 021).
import { localizedTextSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { itemCategories } from './item.schemas.js';

// offered → claimed → given; a declined claim goes back to offered; the owner may withdraw until given.
export const giveAwayStates = ['offered', 'claimed', 'given', 'withdrawn'] as const;
export type GiveAwayState = (typeof giveAwayStates)[number];

// The states in which an offer holds its units (the stock rule counts them, ADR 021).
export const openGiveAwayStates = ['offered', 'claimed'] as const satisfies readonly GiveAwayState[];

export const giveAwayInputSchema = z.strictObject({
  units: z.number({ error: 'Give the number of units' }).int('Give whole units').min(1, 'At least 1 unit').max(100_000),
  note: z.string().trim().max(1000, 'At most 1000 characters').default(''),
});
export type GiveAwayInput = z.output<typeof giveAwayInputSchema>;

export const giveAwayClaimInputSchema = z.strictObject({
  message: z.string().trim().max(1000, 'At most 1000 characters').default(''),
});

export const giveAwayDeclineInputSchema = z.strictObject({
  reason: z.string().trim().max(1000, 'At most 1000 characters').default(''),
});

export const giveAwayListQuerySchema = z.strictObject({
  municipalityId: z.uuid().optional(),
});

const namedSchema = z.object({ id: z.uuid(), name: z.string() });

export const giveAwayOfferSchema = z.object({
  id: z.uuid(),
  state: z.enum(giveAwayStates),
  units: z.number(),
  note: z.string(),
  item: z.object({
    id: z.uuid(),
    name: localizedTextSchema,
    description: localizedTextSchema,
    category: z.enum(itemCategories),
    // What the owner has left of it now (0 once given away whole).
    quantity: z.number(),
  }),
  owner: namedSchema,
  // Where the units are now: the item's village and municipality, and its address if it has one.
  village: namedSchema,
  municipality: namedSchema,
  address: z.string(),
  claimer: namedSchema.nullable(),
  claimMessage: z.string(),
  declineReason: z.string().nullable(),
  // The claimer's new item, once the owner confirmed.
  receivedItemId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  claimedAt: z.iso.datetime().nullable(),
  givenAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
});
export type GiveAwayOfferView = z.infer<typeof giveAwayOfferSchema>;
