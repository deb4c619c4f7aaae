import { isValidIban } from '@talkoot/platform/money';
import { calendarDateSchema, instantSchema, localizedTextSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { closedDatesSchema, openingPeriodSchema } from './opening-hours.js';
import { seriesRuleSchema } from './recurrence.js';

export const facilities = ['kitchen', 'sauna', 'stage', 'projector', 'wifi'] as const;
export const accessibilityFacts = ['step_free_entrance', 'accessible_toilet', 'hearing_loop', 'parking'] as const;
export const bookableByOptions = ['members', 'region', 'anyone'] as const;
// `offered`: a waiting-list offer that holds a freed slot for its first-in-line for 48 hours.
export const bookingStatuses = ['requested', 'approved', 'denied', 'cancelled', 'expired', 'offered'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
// Statuses that hold the slot: a pending request or an open offer blocks others as much as a confirmed booking.
export const blockingStatuses: readonly BookingStatus[] = ['requested', 'approved', 'offered'];
export const priceUnits = ['free', 'hour', 'day', 'fixed'] as const;
export const priceTiers = ['members', 'region', 'private'] as const;
export const waitlistStatuses = ['waiting', 'offered', 'booked', 'lapsed', 'withdrawn'] as const;
export type WaitlistStatus = (typeof waitlistStatuses)[number];

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

const instant = instantSchema;

const minutes = (label: string, max: number) => z.number({ error: `${label} is a number of minutes` }).int().min(0).max(max);
const cents = (label: string) => z.number({ error: `${label} is an amount in cents` }).int(`${label} is in whole cents`).min(0, `${label} cannot be negative`).max(10_000_000);

// Booking window, opening hours, prices and cancellation terms of a space.
const spaceRuleFields = {
  minNoticeHours: z.number({ error: 'Notice is a number of hours' }).int().min(0).max(24 * 90),
  maxDaysAhead: z.number({ error: 'How far ahead is a number of days' }).int().min(1).max(3 * 365),
  openingHours: z.array(openingPeriodSchema).max(21).nullable(),
  closedDates: z.array(closedDatesSchema).max(100),
  priceUnit: z.enum(priceUnits),
  priceMembersCents: cents('The price for members'),
  priceRegionCents: cents('The price for organisations'),
  pricePrivateCents: cents('The price for private persons'),
  depositCents: cents('The deposit'),
  freeCancellationHours: z.number({ error: 'Free cancellation is a number of hours' }).int().min(0).max(24 * 90),
  cancellationFeePercent: z.number({ error: 'The cancellation fee is a percentage' }).int().min(0).max(100, 'The cancellation fee is at most 100 %'),
};

// Defaults for a new space; an update leaves out what it doesn't change (no defaults there).
const spaceRuleDefaults = {
  minNoticeHours: spaceRuleFields.minNoticeHours.default(24),
  maxDaysAhead: spaceRuleFields.maxDaysAhead.default(365),
  openingHours: spaceRuleFields.openingHours.default(null),
  closedDates: spaceRuleFields.closedDates.default([]),
  priceUnit: spaceRuleFields.priceUnit.default('free'),
  priceMembersCents: spaceRuleFields.priceMembersCents.default(0),
  priceRegionCents: spaceRuleFields.priceRegionCents.default(0),
  pricePrivateCents: spaceRuleFields.pricePrivateCents.default(0),
  depositCents: spaceRuleFields.depositCents.default(0),
  freeCancellationHours: spaceRuleFields.freeCancellationHours.default(48),
  cancellationFeePercent: spaceRuleFields.cancellationFeePercent.default(0),
};

const optionalText = (max: number) => z.string().trim().max(max).nullable().transform((value) => value || null);

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
    contactEmail: z.union([z.literal(''), z.email('Enter an email address')]).nullable().transform((value) => value || null),
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
  venueUpdateSchema.pick({ keyInstructions: true, contactName: true, contactPhone: true, contactEmail: true, paymentIban: true }).shape,
);

export const spaceCreateSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Enter the name of the space').max(120),
    parentId: z.uuid().nullable().default(null),
    capacity: z.number().int().min(1).max(100_000).nullable().default(null),
    isApprovalRequired: z.boolean().default(true),
    bookableBy: z.enum(bookableByOptions).default('region'),
    minMinutes: minutes('The shortest booking', 7 * 24 * 60).default(60),
    maxMinutes: minutes('The longest booking', 30 * 24 * 60).default(24 * 60),
    bufferBeforeMinutes: minutes('Cleaning time before', 24 * 60).default(0),
    bufferAfterMinutes: minutes('Cleaning time after', 24 * 60).default(0),
    ...spaceRuleDefaults,
  })
  .refine((space) => space.minMinutes <= space.maxMinutes, { path: ['maxMinutes'], message: 'The longest booking must be at least the shortest', ...whenFieldsValid });

// Every rule of a space is optional in an update; only the given ones change.
export const spaceUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Enter the name of the space').max(120),
    capacity: z.number().int().min(1).max(100_000).nullable(),
    isApprovalRequired: z.boolean(),
    bookableBy: z.enum(bookableByOptions),
    minMinutes: minutes('The shortest booking', 7 * 24 * 60),
    maxMinutes: minutes('The longest booking', 30 * 24 * 60),
    bufferBeforeMinutes: minutes('Cleaning time before', 24 * 60),
    bufferAfterMinutes: minutes('Cleaning time after', 24 * 60),
    ...spaceRuleFields,
  })
  .partial()
  .refine((space) => space.minMinutes === undefined || space.maxMinutes === undefined || space.minMinutes <= space.maxMinutes, {
    path: ['maxMinutes'],
    message: 'The longest booking must be at least the shortest',
    ...whenFieldsValid,
  });

export const bookingCreateSchema = z
  .strictObject({
    spaceId: z.uuid(),
    startsAt: instant('start'),
    endsAt: instant('end'),
    title: z.string().trim().min(2, 'Say what the booking is for').max(200),
    organisationId: z.uuid().nullable().default(null),
    // An open public event asks for the space free of charge; the owner decides.
    isFreeEvent: z.boolean().default(false),
  })
  .refine((booking) => booking.endsAt > booking.startsAt, { path: ['endsAt'], message: 'The end must be after the start', ...whenFieldsValid });

export { seriesRuleSchema };

export const seriesCreateSchema = z
  .strictObject({
    spaceId: z.uuid(),
    startsAt: instant('first start'),
    endsAt: instant('first end'),
    title: z.string().trim().min(2, 'Say what the booking is for').max(200),
    organisationId: z.uuid().nullable().default(null),
    rule: seriesRuleSchema,
  })
  .refine((series) => series.endsAt > series.startsAt, { path: ['endsAt'], message: 'The end must be after the start', ...whenFieldsValid });

export const assistedBookingCreateSchema = z
  .strictObject({
    spaceId: z.uuid(),
    startsAt: instant('start'),
    endsAt: instant('end'),
    title: z.string().trim().min(2, 'Say what the booking is for').max(200),
    guestName: z.string().trim().min(2, "Enter the resident's name").max(160),
    guestPhone: z.string().trim().regex(/^\+?[0-9 ()-]{5,40}$/, 'Enter a phone number, e.g. 040 123 4567'),
    guestEmail: z.union([z.literal(''), z.email('Enter an email address or leave it empty')]).optional().transform((value) => value || null),
    consent: z.literal(true, { error: 'The resident must agree that their details are stored for the booking' }),
  })
  .refine((booking) => booking.endsAt > booking.startsAt, { path: ['endsAt'], message: 'The end must be after the start', ...whenFieldsValid });

export const waitlistCreateSchema = z
  .strictObject({
    spaceId: z.uuid(),
    startsAt: instant('start'),
    endsAt: instant('end'),
    title: z.string().trim().min(2, 'Say what the booking is for').max(200),
    organisationId: z.uuid().nullable().default(null),
  })
  .refine((entry) => entry.endsAt > entry.startsAt, { path: ['endsAt'], message: 'The end must be after the start', ...whenFieldsValid });

export const paymentMarkSchema = z.strictObject({ paid: z.boolean() });

export const quoteQuerySchema = z
  .object({
    startsAt: instant('start'),
    endsAt: instant('end'),
    organisationId: z.uuid().optional(),
    isFreeEvent: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
  })
  .refine((quote) => quote.endsAt > quote.startsAt, { path: ['endsAt'], message: 'The end must be after the start', ...whenFieldsValid });

export const quoteSchema = z.object({
  priceTier: z.enum(priceTiers),
  priceCents: z.number(),
  depositCents: z.number(),
  isApprovalRequired: z.boolean(),
  freeCancellationUntil: z.iso.datetime(),
  cancellationFeeCents: z.number(),
  // Why the time cannot be booked (window, opening hours, length), or null when it can.
  problem: z.string().nullable(),
});
export type QuoteView = z.infer<typeof quoteSchema>;

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
      venue: z.object({ id: z.uuid(), name: z.string(), address: z.string(), village: z.object({ id: z.uuid(), name: z.string() }), municipality: z.object({ id: z.uuid(), name: z.string() }) }),
      space: z.object({ id: z.uuid(), name: z.string(), capacity: z.number().nullable(), isApprovalRequired: z.boolean(), priceUnit: z.enum(priceUnits), priceRegionCents: z.number(), pricePrivateCents: z.number() }),
    }),
  ),
});

export const bookingDecisionSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });

export const availabilityQuerySchema = z
  .object({
    from: instant('start of the period'),
    to: instant('end of the period'),
  })
  .refine((range) => range.to > range.from && range.to.getTime() - range.from.getTime() <= 62 * 86_400_000, {
    path: ['to'],
    message: 'Ask for at most two months, ending after the start',
    ...whenFieldsValid,
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
  photos: z.array(z.object({ id: z.uuid(), altText: z.string(), width: z.number(), height: z.number(), url: z.string(), thumbnailUrl: z.string() })),
  spaces: z.array(
    z.object({
      id: z.uuid(),
      parentId: z.uuid().nullable(),
      name: z.string(),
      capacity: z.number().nullable(),
      isApprovalRequired: z.boolean(),
      bookableBy: z.enum(bookableByOptions),
      minMinutes: z.number(),
      maxMinutes: z.number(),
      bufferBeforeMinutes: z.number(),
      bufferAfterMinutes: z.number(),
      minNoticeHours: z.number(),
      maxDaysAhead: z.number(),
      openingHours: z.array(openingPeriodSchema).nullable(),
      closedDates: z.array(closedDatesSchema),
      priceUnit: z.enum(priceUnits),
      priceMembersCents: z.number(),
      priceRegionCents: z.number(),
      pricePrivateCents: z.number(),
      depositCents: z.number(),
      freeCancellationHours: z.number(),
      cancellationFeePercent: z.number(),
    }),
  ),
});
export type VenueView = z.infer<typeof venueSchema>;

export const bookingSchema = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  title: z.string(),
  status: z.enum(bookingStatuses),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  decisionReason: z.string().nullable(),
  seriesId: z.uuid().nullable(),
  isFreeEvent: z.boolean(),
  priceTier: z.enum(priceTiers).nullable(),
  priceCents: z.number(),
  depositCents: z.number(),
  referenceNumber: z.string().nullable(),
  paidAt: z.iso.datetime().nullable(),
  cancellationFeeCents: z.number(),
  // Open waiting-list offers lapse at this time.
  expiresAt: z.iso.datetime().nullable(),
  guest: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable() }).nullable(),
});
export type BookingView = z.infer<typeof bookingSchema>;

export const availabilitySchema = z.object({
  spaceId: z.uuid(),
  busy: z.array(z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), status: z.enum(['requested', 'approved', 'offered']) })),
});

export const bookingListItemSchema = bookingSchema.extend({
  space: z.object({ id: z.uuid(), name: z.string() }),
  venue: z.object({ id: z.uuid(), name: z.string(), address: z.string(), paymentIban: z.string().nullable() }),
  // Where the key is: only on confirmed bookings, for the booker and the owner.
  keyInstructions: z.string().nullable(),
  requester: z.object({ name: z.string(), email: z.string() }).nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type BookingListItem = z.infer<typeof bookingListItemSchema>;

export const bookingListQuerySchema = z.object({ status: z.enum(bookingStatuses).optional() });

export const seriesResultSchema = z.object({
  series: z.object({ id: z.uuid(), title: z.string(), rule: seriesRuleSchema }),
  booked: z.array(bookingSchema),
  // Occurrences that could not be booked, and why (taken, closed, outside the booking window).
  conflicts: z.array(z.object({ date: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), reason: z.string() })),
});

export const waitlistEntrySchema = z.object({
  id: z.uuid(),
  space: z.object({ id: z.uuid(), name: z.string() }),
  venue: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: z.enum(waitlistStatuses),
  // The booking that holds the freed slot while the offer is open.
  offer: z.object({ bookingId: z.uuid(), expiresAt: z.iso.datetime().nullable() }).nullable(),
  position: z.number().nullable(),
});
export type WaitlistEntryView = z.infer<typeof waitlistEntrySchema>;

// The owners' view of a venue: everything public plus the key instructions and the secret feed.
export const venueManageSchema = venueSchema.extend({ keyInstructions: z.string().nullable(), privateFeedUrl: z.string() });
