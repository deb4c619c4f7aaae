// Browser-safe: venues (village halls, huts, lean-tos), their details and the search for free spaces.
import { isValidIban } from '@talkoot/platform/money';
import { calendarDateSchema, localizedTextSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { priceUnits, spaceViewSchema } from './space.schemas.js';

export const facilities = ['kitchen', 'sauna', 'stage', 'projector', 'wifi'] as const;
export const accessibilityFacts = ['step_free_entrance', 'accessible_toilet', 'hearing_loop', 'parking'] as const;

const venueBaseSchema = z.strictObject({
  organisationId: z.uuid(),
  villageId: z.uuid('Choose a village'),
  name: z.string().trim().min(2, 'Enter the name (at least 2 characters)').max(160),
  address: z.string().trim().min(3, 'Enter the street address').max(300),
  description: localizedTextSchema.optional(),
  capacity: z.number().int().min(1, 'Capacity is at least 1').max(100_000),
  facilities: z.array(z.enum(facilities)).max(facilities.length).default([]),
  accessibility: z.array(z.enum(accessibilityFacts)).max(accessibilityFacts.length).default([]),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((value) => value || null);

export const venueUpdateSchema = z
  .strictObject({
    villageId: z.uuid('Choose a village'),
    name: z.string().trim().min(2, 'Enter the name (at least 2 characters)').max(160),
    address: z.string().trim().min(3, 'Enter the street address').max(300),
    description: localizedTextSchema,
    capacity: z.number().int().min(1, 'Capacity is at least 1').max(100_000),
    facilities: z.array(z.enum(facilities)).max(facilities.length),
    accessibility: z.array(z.enum(accessibilityFacts)).max(accessibilityFacts.length),
    keyInstructions: optionalText(2000),
    contactName: optionalText(160),
    contactPhone: z
      .string()
      .trim()
      .max(40)
      .regex(/^$|^\+?[0-9 ()-]{5,}$/, 'Enter a phone number, e.g. 040 123 4567')
      .nullable()
      .transform((value) => value || null),
    contactEmail: z
      .union([z.literal(''), z.email('Enter an email address')])
      .nullable()
      .transform((value) => value || null),
    paymentIban: z
      .string()
      .trim()
      .refine((value) => value === '' || isValidIban(value), 'Enter a valid IBAN, e.g. FI21 1234 5600 0007 85')
      .nullable()
      .transform((value) => (value ? value.replace(/\s+/g, '').toUpperCase() : null)),
  })
  .partial();

// A new venue: the basics are required, contact, key instructions and the account optional.
export const venueCreateSchema = venueBaseSchema.extend(
  venueUpdateSchema.pick({ keyInstructions: true, contactName: true, contactPhone: true, contactEmail: true, paymentIban: true })
    .shape,
);

export const venueSearchQuerySchema = z
  .object({
    municipalityId: z.uuid().optional(),
    villageId: z.uuid().optional(),
    date: calendarDateSchema('Give the date as YYYY-MM-DD'),
    from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the start as HH:MM'),
    to: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'Give the end as HH:MM'),
    people: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .refine((query) => query.to > query.from, { path: ['to'], message: 'The end must be after the start', ...whenFieldsValid });

export const venueSearchResultSchema = z.object({
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  results: z.array(
    z.object({
      venue: z.object({
        id: z.uuid(),
        name: z.string(),
        address: z.string(),
        village: z.object({ id: z.uuid(), name: z.string() }),
        municipality: z.object({ id: z.uuid(), name: z.string() }),
      }),
      space: z.object({
        id: z.uuid(),
        name: z.string(),
        capacity: z.number().nullable(),
        isApprovalRequired: z.boolean(),
        priceUnit: z.enum(priceUnits),
        priceRegionCents: z.number(),
        pricePrivateCents: z.number(),
      }),
    }),
  ),
});

export const venueSchema = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  village: z.object({ id: z.uuid(), name: z.string() }),
  name: z.string(),
  address: z.string(),
  description: localizedTextSchema,
  capacity: z.number(),
  facilities: z.array(z.string()),
  accessibility: z.array(z.string()),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  paymentIban: z.string().nullable(),
  photos: z.array(
    z.object({
      id: z.uuid(),
      altText: z.string(),
      width: z.number(),
      height: z.number(),
      url: z.string(),
      thumbnailUrl: z.string(),
    }),
  ),
  spaces: z.array(spaceViewSchema),
});

export type VenueView = z.infer<typeof venueSchema>;

// The owners' view of a venue: everything public plus the key instructions and the secret feed.
export const venueManageSchema = venueSchema.extend({ keyInstructions: z.string().nullable(), privateFeedUrl: z.string() });
