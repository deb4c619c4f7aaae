// Browser-safe: the portal validates and labels with the same shapes the api uses.
import { calendarDateSchema, instantSchema, localizedTextSchema, whenFieldsValid } from '@talkoot/platform/schemas';
import { z } from 'zod';

export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const eventCategories = [
  'culture',
  'sport',
  'talkoot',
  'meeting',
  'market',
  'church',
  'children',
  'seniors',
  'nature',
  'education',
  'party',
  'other',
] as const;
export type EventCategory = (typeof eventCategories)[number];
export const eventAudiences = ['everyone', 'children', 'youth', 'adults', 'seniors', 'families'] as const;
export const eventAccessibilityFacts = ['step_free', 'hearing_loop', 'sign_language', 'accessible_toilet'] as const;
export const coOrganiserStatuses = ['invited', 'accepted', 'declined'] as const;
export const digestFrequencies = ['weekly', 'monthly'] as const;

const localDate = calendarDateSchema('Give the date as YYYY-MM-DD, for example 2027-05-31');
const instant = instantSchema;

// Sane bounds, named in the errors: a longer happening is a recurring event, and dates beyond
// a few years or in the past are typos. "Now" is when the input is checked.
export const MAX_EVENT_DAYS = 31;
export const MAX_EVENT_YEARS_AHEAD = 3;
const DAY_MS = 86_400_000;
const isWithinLength = (startsAt: Date, endsAt: Date) => endsAt.getTime() - startsAt.getTime() <= MAX_EVENT_DAYS * DAY_MS;
const isNotPast = (startsAt: Date) => startsAt.getTime() >= Date.now() - DAY_MS;
const isNotTooFarAhead = (startsAt: Date) => startsAt.getTime() <= Date.now() + MAX_EVENT_YEARS_AHEAD * 366 * DAY_MS;
const lengthMessage = `An event lasts at most ${MAX_EVENT_DAYS} days; make a longer one repeat instead`;
const pastMessage = 'The start cannot be in the past';
const aheadMessage = `The start can be at most ${MAX_EVENT_YEARS_AHEAD} years from now`;
const someText = localizedTextSchema.refine(
  (text) => Boolean(text.fi || text.sv || text.en),
  'Write it in at least one language',
);

export const eventRecurrenceInputSchema = z.strictObject({
  frequency: z.enum(['weekly', 'monthly-weekday', 'monthly-date']),
  interval: z.number().int().min(1).max(12).default(1),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
  until: localDate
    .refine(
      (until) => until <= new Date(Date.now() + MAX_EVENT_YEARS_AHEAD * 366 * DAY_MS).toISOString().slice(0, 10),
      `The last date can be at most ${MAX_EVENT_YEARS_AHEAD} years from now`,
    )
    .nullable()
    .default(null),
  count: z.number().int().min(2, 'A recurring event happens at least twice').max(200).nullable().default(null),
  exceptions: z.array(localDate).max(200).default([]),
});

// Fields an organiser fills in; times in the event's first occurrence.
const eventFields = {
  title: someText,
  description: localizedTextSchema.default({}),
  startsAt: instant('start'),
  endsAt: instant('end'),
  isAllDay: z.boolean().default(false),
  venueId: z.uuid().nullable().default(null),
  placeName: z.string().trim().min(2, 'Name the place').max(200),
  address: z.string().trim().max(300).nullable().default(null),
  villageId: z.uuid('Choose a village'),
  category: z.enum(eventCategories, 'Choose a category'),
  audiences: z
    .array(z.enum(eventAudiences))
    .min(1, 'Choose at least one audience')
    .max(eventAudiences.length)
    .default(['everyone']),
  priceCents: z.number().int().min(0).max(1_000_000).nullable().default(null),
  accessibility: z.array(z.enum(eventAccessibilityFacts)).max(eventAccessibilityFacts.length).default([]),
  isRideSharingWelcome: z.boolean().default(false),
  infoUrl: z
    .url({ protocol: /^https?$/, error: 'Give a web address starting with https://' })
    .nullable()
    .default(null),
  imageAlt: z.string().trim().max(300).nullable().default(null),
  recurrence: eventRecurrenceInputSchema.nullable().default(null),
  coOrganiserIds: z.array(z.uuid()).max(10).default([]),
  publish: z.boolean().default(false),
};

export const eventCreateSchema = z
  .strictObject(eventFields)
  .refine((event) => event.endsAt > event.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  })
  .refine((event) => isWithinLength(event.startsAt, event.endsAt), {
    path: ['endsAt'],
    message: lengthMessage,
    ...whenFieldsValid,
  })
  .refine((event) => isNotPast(event.startsAt), { path: ['startsAt'], message: pastMessage, ...whenFieldsValid })
  .refine((event) => isNotTooFarAhead(event.startsAt), { path: ['startsAt'], message: aheadMessage, ...whenFieldsValid })
  .refine((event) => !event.recurrence || event.recurrence.until !== null || event.recurrence.count !== null, {
    path: ['recurrence', 'until'],
    message: 'Give the last date or the number of times',
    ...whenFieldsValid,
  });

// An edit of the whole event: the words, place and facts; times move with `startsAt`/`endsAt`
// only for a single event (a recurring event's times are changed per occurrence).
export const eventUpdateSchema = z
  .strictObject({
    title: someText,
    description: localizedTextSchema,
    startsAt: instant('start'),
    endsAt: instant('end'),
    isAllDay: z.boolean(),
    venueId: z.uuid().nullable(),
    placeName: z.string().trim().min(2, 'Name the place').max(200),
    address: z.string().trim().max(300).nullable(),
    villageId: z.uuid('Choose a village'),
    category: z.enum(eventCategories),
    audiences: z.array(z.enum(eventAudiences)).min(1).max(eventAudiences.length),
    priceCents: z.number().int().min(0).max(1_000_000).nullable(),
    accessibility: z.array(z.enum(eventAccessibilityFacts)).max(eventAccessibilityFacts.length),
    isRideSharingWelcome: z.boolean(),
    infoUrl: z.url({ protocol: /^https?$/ }).nullable(),
    imageAlt: z.string().trim().max(300).nullable(),
    // The village-hall booking made for the event (through the venues' own rules and routes).
    bookingId: z.uuid().nullable(),
  })
  .partial()
  .refine((event) => !event.startsAt || !event.endsAt || event.endsAt > event.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  })
  .refine((event) => !event.startsAt || !event.endsAt || isWithinLength(event.startsAt, event.endsAt), {
    path: ['endsAt'],
    message: lengthMessage,
    ...whenFieldsValid,
  })
  .refine((event) => !event.startsAt || isNotTooFarAhead(event.startsAt), {
    path: ['startsAt'],
    message: aheadMessage,
    ...whenFieldsValid,
  });

export const occurrenceUpdateSchema = z
  .strictObject({
    startsAt: instant('start').optional(),
    endsAt: instant('end').optional(),
    note: localizedTextSchema.nullable().optional(),
    isCancelled: z.boolean().optional(),
  })
  .refine((change) => !change.startsAt || !change.endsAt || change.endsAt > change.startsAt, {
    path: ['endsAt'],
    message: 'The end must be after the start',
    ...whenFieldsValid,
  })
  .refine((change) => !change.startsAt || !change.endsAt || isWithinLength(change.startsAt, change.endsAt), {
    path: ['endsAt'],
    message: lengthMessage,
    ...whenFieldsValid,
  })
  .refine((change) => !change.startsAt || isNotTooFarAhead(change.startsAt), {
    path: ['startsAt'],
    message: aheadMessage,
    ...whenFieldsValid,
  });

export const coOrganiserAnswerSchema = z.strictObject({ accept: z.boolean() });

const localizedOut = z.object({ fi: z.string().optional(), sv: z.string().optional(), en: z.string().optional() });

export const occurrenceViewSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  isCancelled: z.boolean(),
  note: localizedOut.nullable(),
  sequence: z.number(),
});

export const eventViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(eventStatuses),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  coOrganisers: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.enum(coOrganiserStatuses) })),
  title: localizedOut,
  description: localizedOut,
  isAllDay: z.boolean(),
  venueId: z.uuid().nullable(),
  bookingId: z.uuid().nullable(),
  placeName: z.string(),
  address: z.string().nullable(),
  village: z.object({ id: z.uuid(), name: z.string() }),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  category: z.enum(eventCategories),
  audiences: z.array(z.string()),
  priceCents: z.number().nullable(),
  accessibility: z.array(z.string()),
  isRideSharingWelcome: z.boolean(),
  infoUrl: z.string().nullable(),
  imageUrl: z.string().nullable(),
  imageAlt: z.string().nullable(),
  recurrence: eventRecurrenceInputSchema.nullable(),
  updatedAt: z.iso.datetime(),
  occurrences: z.array(occurrenceViewSchema),
});
export type EventView = z.infer<typeof eventViewSchema>;

// One line of the public calendar: an occurrence with what a reader needs to choose.
export const calendarItemSchema = occurrenceViewSchema.extend({
  title: localizedOut,
  status: z.enum(eventStatuses),
  isAllDay: z.boolean(),
  placeName: z.string(),
  village: z.object({ id: z.uuid(), name: z.string() }),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  organisers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  category: z.enum(eventCategories),
  audiences: z.array(z.string()),
  priceCents: z.number().nullable(),
  accessibility: z.array(z.string()),
  isRideSharingWelcome: z.boolean(),
});
export type CalendarItem = z.infer<typeof calendarItemSchema>;

export const calendarQuerySchema = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));

export const digestSubscribeSchema = z.strictObject({
  email: z.email('Enter an email address'),
  language: z.enum(['fi', 'sv', 'en']).default('fi'),
  frequency: z.enum(digestFrequencies),
  filter: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()])).default({}),
});
