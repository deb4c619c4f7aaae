// Browser-safe: bookings of a space (requests, confirmations, residents' bookings) and their quotes.
import { instantSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { bookingTimeReasons } from './venues.errors.js';

// `offered`: a waiting-list offer that holds a freed slot for its first-in-line for 48 hours.
export const bookingStatuses = ['requested', 'approved', 'denied', 'cancelled', 'expired', 'offered'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
// Statuses that hold the slot: a pending request or an open offer blocks others as much as a confirmed booking.
export const blockingStatuses: readonly BookingStatus[] = ['requested', 'approved', 'offered'];
export const priceTiers = ['members', 'region', 'private'] as const;

const instant = instantSchema;

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
  .refine((booking) => booking.endsAt > booking.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  });

export const assistedBookingCreateSchema = z
  .strictObject({
    spaceId: z.uuid(),
    startsAt: instant('start'),
    endsAt: instant('end'),
    title: z.string().trim().min(2, 'Say what the booking is for').max(200),
    guestName: z.string().trim().min(2, "Enter the resident's name").max(160),
    guestPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,40}$/, 'Enter a phone number, e.g. 040 123 4567'),
    guestEmail: z
      .union([z.literal(''), z.email('Enter an email address or leave it empty')])
      .optional()
      .transform((value) => value || null),
    consent: z.literal(true, { error: 'The resident must agree that their details are stored for the booking' }),
  })
  .refine((booking) => booking.endsAt > booking.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  });

export const paymentMarkSchema = z.strictObject({ paid: z.boolean() });

export const quoteQuerySchema = z
  .object({
    startsAt: instant('start'),
    endsAt: instant('end'),
    organisationId: z.uuid().optional(),
    isFreeEvent: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
  })
  .refine((quote) => quote.endsAt > quote.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  });

export const quoteSchema = z.object({
  priceTier: z.enum(priceTiers),
  priceCents: z.number(),
  depositCents: z.number(),
  isApprovalRequired: z.boolean(),
  freeCancellationUntil: z.iso.datetime(),
  cancellationFeeCents: z.number(),
  // Why the time cannot be booked (window, opening hours, length), or null when it can.
  problem: z.string().nullable(),
  // The same as a reason (bookingTimeErrors), for a client to say in its own words.
  problemReason: z.enum(bookingTimeReasons).nullable(),
});

export type QuoteView = z.infer<typeof quoteSchema>;

export const bookingDecisionSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });

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
