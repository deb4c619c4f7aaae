// Browser-safe: recurring bookings (a series of dates booked at once).
import { instantSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { bookingSchema } from './booking.schemas.js';
import { seriesRuleSchema } from './recurrence.js';
import { bookingErrors, bookingTimeReasons } from './venues.errors.js';

const instant = instantSchema;

export { seriesRuleSchema };

export const seriesConflictReasonSchema = z.enum([...bookingTimeReasons, bookingErrors.slot_taken.reason]);

export const seriesCreateSchema = z
  .strictObject({
    spaceId: z.uuid(),
    startsAt: instant('first start'),
    endsAt: instant('first end'),
    title: z.string().trim().min(2, 'Say what the booking is for').max(200),
    organisationId: z.uuid().nullable().default(null),
    rule: seriesRuleSchema,
  })
  .refine((series) => series.endsAt > series.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  });

export const seriesResultSchema = z.object({
  series: z.object({ id: z.uuid(), title: z.string(), rule: seriesRuleSchema }),
  booked: z.array(bookingSchema),
  // Occurrences that could not be booked, and why (taken, closed, outside the booking window).
  // `problemReason` says the same as `reason` as a reason code (booking.slot_taken, booking.closed_date…).
  conflicts: z.array(
    z.object({
      date: z.string(),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      reason: z.string(),
      problemReason: seriesConflictReasonSchema,
    }),
  ),
});
