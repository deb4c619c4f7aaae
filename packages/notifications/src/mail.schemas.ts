import { languageSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';

export const mailTemplateNames = ['sign-in', 'invitation', 'no-account', 'booking-update'] as const;
export const mailTemplateNameSchema = z.enum(mailTemplateNames);
export type MailTemplateName = z.infer<typeof mailTemplateNameSchema>;

// The payload of a `mail.send` outbox row.
export const mailRequestSchema = z.object({
  to: z.string(),
  toName: z.string().optional(),
  language: languageSchema,
  template: mailTemplateNameSchema,
  data: z.record(z.string(), z.unknown()),
  // Small text attachments, such as a booking's .ics.
  attachments: z
    .array(z.object({ filename: z.string().min(1).max(100), contentType: z.string().min(1).max(100), content: z.string().max(200_000) }))
    .max(3)
    .optional(),
});
export type MailRequest = z.infer<typeof mailRequestSchema>;

// Links in mail are followed by people who trust us: only http(s), never javascript: or data:.
const mailLinkSchema = z.url({ protocol: /^https?$/ });

// The `data` each template needs. Producers (identity) build it; the worker validates it again
// before rendering, and a row that does not match fails for good instead of retrying.
export const signInMailDataSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  link: mailLinkSchema,
  code: z.string().regex(/^\d{6}$/),
  minutes: z.number().int().min(1).max(24 * 60).default(10),
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

export const bookingUpdateKinds = ['requested', 'approved', 'denied', 'cancelled', 'expired'] as const;

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
});
export type BookingUpdateMailData = z.input<typeof bookingUpdateMailDataSchema>;

export const mailDataSchemas = {
  'sign-in': signInMailDataSchema,
  invitation: invitationMailDataSchema,
  'no-account': noAccountMailDataSchema,
  'booking-update': bookingUpdateMailDataSchema,
} as const satisfies Record<MailTemplateName, z.ZodType>;

export type MailDataFor<T extends MailTemplateName> = z.input<(typeof mailDataSchemas)[T]>;
