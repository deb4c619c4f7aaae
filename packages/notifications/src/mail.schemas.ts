import { mailLinkSchema } from '@talkoot/outbox/mail';
import { z } from 'zod';

export const mailTemplateNames = [
  'sign-in',
  'invitation',
  'no-account',
  'booking-update',
  'booking-series-update',
  'digest-confirm',
  'event-digest',
] as const;
export const mailTemplateNameSchema = z.enum(mailTemplateNames);
export type MailTemplateName = z.infer<typeof mailTemplateNameSchema>;

// The payload of a `mail.send` outbox row is declared with the message in @talkoot/outbox/mail.
export { type MailRequest, mailLinkSchema, mailRequestSchema } from '@talkoot/outbox/mail';

// The `data` each template needs. Producers (identity) build it; the worker validates it again
// before rendering, and a row that does not match fails for good instead of retrying.
export const signInMailDataSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  link: mailLinkSchema,
  code: z.string().regex(/^\d{6}$/),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
});
export type SignInMailData = z.input<typeof signInMailDataSchema>;

export const invitationMailDataSchema = z.object({
  organisationName: z.string().trim().min(1).max(300),
  inviterName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(['admin', 'coordinator', 'member']),
  link: mailLinkSchema,
  days: z.number().int().min(1).max(365),
});
export type InvitationMailData = z.input<typeof invitationMailDataSchema>;

export const noAccountMailDataSchema = z.object({});
export type NoAccountMailData = z.input<typeof noAccountMailDataSchema>;

// `offered`: a waiting-list offer that holds the slot until `offerExpiresAt`; `reminder`: two days
// before; `assisted`: a coordinator booked for a resident without an account.
export const bookingUpdateKinds = [
  'requested',
  'approved',
  'denied',
  'cancelled',
  'expired',
  'offered',
  'reminder',
  'assisted',
] as const;

// What to pay and how: a bank transfer with the Finnish reference number (viitenumero).
const paymentSchema = z.object({
  priceCents: z.number().int().min(0),
  depositCents: z.number().int().min(0),
  iban: z.string().max(40).nullable(),
  referenceNumber: z.string().max(30).nullable(),
  recipient: z.string().max(300),
});

// A booking changed: `requested` goes to the owner's coordinators, the rest to the requester.
export const bookingUpdateMailDataSchema = z.object({
  kind: z.enum(bookingUpdateKinds),
  venueName: z.string().trim().min(1).max(300),
  spaceName: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1).max(300),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reason: z.string().trim().max(1000).optional(),
  link: mailLinkSchema,
  payment: paymentSchema.optional(),
  // Shown on confirmations and reminders only: where the key is, how the door opens.
  keyInstructions: z.string().max(2000).optional(),
  contact: z.string().max(400).optional(),
  // Cancellation terms: free until this time; later the fee applies.
  freeCancellationUntil: z.iso.datetime().optional(),
  cancellationFeeCents: z.number().int().min(0).optional(),
  offerExpiresAt: z.iso.datetime().optional(),
});
export type BookingUpdateMailData = z.input<typeof bookingUpdateMailDataSchema>;

export const bookingSeriesKinds = ['requested', 'approved', 'denied', 'cancelled'] as const;

// One mail for a whole recurring series, never one per occurrence.
export const bookingSeriesMailDataSchema = z.object({
  kind: z.enum(bookingSeriesKinds),
  venueName: z.string().trim().min(1).max(300),
  spaceName: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1).max(300),
  occurrences: z.array(z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() })).max(200),
  // Dates of the series that could not be booked (taken, or refused by the space's rules).
  conflicts: z
    .array(z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }))
    .max(200)
    .default([]),
  reason: z.string().trim().max(1000).optional(),
  link: mailLinkSchema,
  // For a series: the total of all its dates, one reference number for them all.
  payment: paymentSchema.optional(),
});
export type BookingSeriesMailData = z.input<typeof bookingSeriesMailDataSchema>;

// A resident asked for the event digest; the link confirms it (double opt-in).
export const digestConfirmMailDataSchema = z.object({
  link: mailLinkSchema,
  frequency: z.enum(['weekly', 'monthly']),
  // The chosen filter in words, e.g. "Rautalampi · seniors".
  filterText: z.string().trim().max(500),
});
export type DigestConfirmMailData = z.input<typeof digestConfirmMailDataSchema>;

// The weekly or monthly digest: what is on, and what changed or was cancelled since the last one.
const digestItemSchema = z.object({
  title: z.string().trim().min(1).max(300),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  isAllDay: z.boolean(),
  place: z.string().max(400),
  organisers: z.string().max(400),
  link: mailLinkSchema,
  isCancelled: z.boolean(),
  isChanged: z.boolean(),
});
export const eventDigestMailDataSchema = z.object({
  frequency: z.enum(['weekly', 'monthly']),
  periodStart: z.iso.datetime(),
  periodEnd: z.iso.datetime(),
  filterText: z.string().trim().max(500),
  items: z.array(digestItemSchema).max(300),
  calendarLink: mailLinkSchema,
  unsubscribeLink: mailLinkSchema,
});
export type EventDigestMailData = z.input<typeof eventDigestMailDataSchema>;

export const mailDataSchemas = {
  'sign-in': signInMailDataSchema,
  invitation: invitationMailDataSchema,
  'no-account': noAccountMailDataSchema,
  'booking-update': bookingUpdateMailDataSchema,
  'booking-series-update': bookingSeriesMailDataSchema,
  'digest-confirm': digestConfirmMailDataSchema,
  'event-digest': eventDigestMailDataSchema,
} as const satisfies Record<MailTemplateName, z.ZodType>;

export type MailDataFor<T extends MailTemplateName> = z.input<(typeof mailDataSchemas)[T]>;
