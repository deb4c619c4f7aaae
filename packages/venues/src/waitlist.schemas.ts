// Browser-safe: the waiting list for a taken time, and its offers.
import { instantSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';

export const waitlistStatuses = ['waiting', 'offered', 'booked', 'lapsed', 'withdrawn'] as const;
export type WaitlistStatus = (typeof waitlistStatuses)[number];

const instant = instantSchema;

export const waitlistCreateSchema = z
  .strictObject({
    spaceId: z.uuid(),
    startsAt: instant('start'),
    endsAt: instant('end'),
    title: z.string().trim().min(2, 'Say what the booking is for').max(200),
    organisationId: z.uuid().nullable().default(null),
  })
  .refine((entry) => entry.endsAt > entry.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
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
