import { localizedTextSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';

export const facilities = ['kitchen', 'sauna', 'stage', 'projector', 'wifi'] as const;
export const accessibilityFacts = ['step_free_entrance', 'accessible_toilet', 'hearing_loop', 'parking'] as const;
export const bookableByOptions = ['members', 'region', 'anyone'] as const;
export const bookingStatuses = ['requested', 'approved', 'denied', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
// Statuses that hold the slot: a pending request blocks others as much as a confirmed booking.
export const blockingStatuses: readonly BookingStatus[] = ['requested', 'approved'];

export const venueCreateSchema = z.strictObject({
  organisationId: z.uuid(),
  villageId: z.uuid('Choose a village'),
  name: z.string().trim().min(2, 'Enter the name (at least 2 characters)').max(160),
  address: z.string().trim().min(3, 'Enter the street address').max(300),
  description: localizedTextSchema.optional(),
  capacity: z.number().int().min(1, 'Capacity is at least 1').max(100_000),
  facilities: z.array(z.enum(facilities)).max(facilities.length).default([]),
  accessibility: z.array(z.enum(accessibilityFacts)).max(accessibilityFacts.length).default([]),
});

const minutes = (label: string, max: number) => z.number({ error: `${label} is a number of minutes` }).int().min(0).max(max);

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
  })
  .refine((space) => space.minMinutes <= space.maxMinutes, { path: ['maxMinutes'], message: 'The longest booking must be at least the shortest' });

export const bookingCreateSchema = z
  .strictObject({
    spaceId: z.uuid(),
    startsAt: z.iso.datetime({ offset: true, error: 'Give the start as a date and time' }).transform((value) => new Date(value)),
    endsAt: z.iso.datetime({ offset: true, error: 'Give the end as a date and time' }).transform((value) => new Date(value)),
    title: z.string().trim().min(2, 'Say what the booking is for').max(200),
    organisationId: z.uuid().nullable().default(null),
  })
  .refine((booking) => booking.endsAt > booking.startsAt, { path: ['endsAt'], message: 'The end must be after the start' });

export const bookingDecisionSchema = z.strictObject({ reason: z.string().trim().max(1000).optional() });

export const availabilityQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
    to: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  })
  .refine((range) => range.to > range.from && range.to.getTime() - range.from.getTime() <= 62 * 86_400_000, {
    path: ['to'],
    message: 'Ask for at most two months, ending after the start',
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
});
export type BookingView = z.infer<typeof bookingSchema>;

export const availabilitySchema = z.object({
  spaceId: z.uuid(),
  busy: z.array(z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), status: z.enum(['requested', 'approved']) })),
});

export const bookingListItemSchema = bookingSchema.extend({
  space: z.object({ id: z.uuid(), name: z.string() }),
  venue: z.object({ id: z.uuid(), name: z.string() }),
  requester: z.object({ name: z.string(), email: z.string() }).nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type BookingListItem = z.infer<typeof bookingListItemSchema>;

export const bookingListQuerySchema = z.object({ status: z.enum(bookingStatuses).optional() });
