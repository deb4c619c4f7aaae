// Browser-safe: the spaces of a venue (a small tree: whole hall > rooms) and their rules.
import { instantSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { closedDatesSchema, openingPeriodSchema } from './opening-hours.js';

export const bookableByOptions = ['members', 'region', 'anyone'] as const;
export const priceUnits = ['free', 'hour', 'day', 'fixed'] as const;

const minutes = (label: string, max: number) =>
  z
    .number({ error: `${label} is a number of minutes` })
    .int()
    .min(0)
    .max(max);
const cents = (label: string) =>
  z
    .number({ error: `${label} is an amount in cents` })
    .int(`${label} is in whole cents`)
    .min(0, `${label} cannot be negative`)
    .max(10_000_000);

// Booking window, opening hours, prices and cancellation terms of a space.
const spaceRuleFields = {
  minNoticeHours: z
    .number({ error: 'Notice is a number of hours' })
    .int()
    .min(0)
    .max(24 * 90),
  maxDaysAhead: z
    .number({ error: 'How far ahead is a number of days' })
    .int()
    .min(1)
    .max(3 * 365),
  openingHours: z.array(openingPeriodSchema).max(21).nullable(),
  closedDates: z.array(closedDatesSchema).max(100),
  priceUnit: z.enum(priceUnits),
  priceMembersCents: cents('The price for members'),
  priceRegionCents: cents('The price for organisations'),
  pricePrivateCents: cents('The price for private persons'),
  depositCents: cents('The deposit'),
  freeCancellationHours: z
    .number({ error: 'Free cancellation is a number of hours' })
    .int()
    .min(0)
    .max(24 * 90),
  cancellationFeePercent: z
    .number({ error: 'The cancellation fee is a percentage' })
    .int()
    .min(0)
    .max(100, 'The cancellation fee is at most 100 %'),
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
  .refine((space) => space.minMinutes <= space.maxMinutes, {
    path: ['maxMinutes'],
    message: 'The longest booking must be at least the shortest',
    ...whenFieldsValid,
  });

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

// A space as the api shows it: its place in the venue, rules, opening hours and prices.
export const spaceViewSchema = z.object({
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
});
export type SpaceView = z.infer<typeof spaceViewSchema>;

export const availabilityQuerySchema = z
  .object({
    from: instantSchema('start of the period'),
    to: instantSchema('end of the period'),
  })
  .refine((range) => range.to > range.from && range.to.getTime() - range.from.getTime() <= 62 * 86_400_000, {
    path: ['to'],
    message: 'Ask for at most two months, ending after the start',
    ...whenFieldsValid,
  });

export const availabilitySchema = z.object({
  spaceId: z.uuid(),
  busy: z.array(
    z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), status: z.enum(['requested', 'approved', 'offered']) }),
  ),
});
