// Browser-safe: hours volunteered, my tasks, the personal calendar feed.
import { calendarDateSchema, languageSchema, localizedTextSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { claimViewSchema, swapViewSchema } from './claim.schemas.js';

// shift: from a shift the coordinator marked as attended; standing: logged by the volunteer.
export const hoursKinds = ['shift', 'standing'] as const;
export type HoursKind = (typeof hoursKinds)[number];
export const hoursStates = ['pending', 'approved', 'rejected'] as const;
export type HoursState = (typeof hoursStates)[number];

export const logHoursInputSchema = z.strictObject({
  taskId: z.uuid(),
  date: calendarDateSchema(),
  hours: z.number({ error: 'Give the hours' }).min(0.25, 'At least a quarter of an hour').max(24, 'At most 24 hours a day'),
  note: z.string().trim().max(1000, 'At most 1000 characters').default(''),
});

export const hoursEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(hoursKinds),
  state: z.enum(hoursStates),
  hours: z.number(),
  date: z.string(),
  note: z.string(),
  volunteerName: z.string(),
  task: z.object({ id: z.uuid(), title: localizedTextSchema }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
});
export type HoursEntry = z.infer<typeof hoursEntrySchema>;

export const hoursApprovalInputSchema = z.strictObject({ approve: z.boolean() });

export const hoursSummarySchema = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  totalHours: z.number(),
  volunteers: z.array(z.object({ name: z.string(), email: z.string().nullable(), hours: z.number(), shifts: z.number() })),
  tasks: z.array(z.object({ id: z.uuid(), title: localizedTextSchema, hours: z.number() })),
  pending: z.array(hoursEntrySchema),
});
export type HoursSummary = z.infer<typeof hoursSummarySchema>;

export const hoursQuerySchema = z.strictObject({
  from: calendarDateSchema().optional(),
  to: calendarDateSchema().optional(),
  // The CSV's header and task titles in this language (Finnish by default).
  language: languageSchema.optional(),
});

export const myVolunteeringSchema = z.object({
  claims: z.array(claimViewSchema),
  hours: z.array(hoursEntrySchema),
  hoursByOrganisation: z.array(z.object({ organisation: z.object({ id: z.uuid(), name: z.string() }), hours: z.number() })),
  totalHours: z.number(),
  // Swaps offered to my email (or to anyone) that I may take.
  swapsForMe: z.array(swapViewSchema),
});
export type MyVolunteering = z.infer<typeof myVolunteeringSchema>;

// The personal feed's secret address: shown once when made or rotated; null when there is none.
export const personalFeedSchema = z.object({ url: z.string().nullable(), createdAt: z.iso.datetime().nullable() });
