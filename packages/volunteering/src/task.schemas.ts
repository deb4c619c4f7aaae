// Browser-safe: volunteer tasks (talkootyöt) and their shifts, the public lists, templates.
import { emailSchema, personNameSchema, phoneSchema } from '@talkoot/identity/schemas';
import { calendarDateSchema, instantSchema, localizedTextSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';

// The fixed set of requirements a task may have; the volunteer sees and confirms them when claiming.
export const requirementCodes = ['hygienePassport', 'drivingLicence', 'adult'] as const;
export type RequirementCode = (typeof requirementCodes)[number];
export const requirementSchema = z.enum(requirementCodes);

// Where a transport task comes from: a loan (lending) or a booking (venues), referred to by id only.
export const taskSourceKinds = ['loan', 'booking'] as const;
export type TaskSourceKind = (typeof taskSourceKinds)[number];

const shortText = (max: number, message: string) => z.string().trim().max(max, message);

// A title in at least one of the three languages.
export const taskTitleSchema = localizedTextSchema
  .extend({
    fi: shortText(200, 'At most 200 characters').optional(),
    sv: shortText(200, 'At most 200 characters').optional(),
    en: shortText(200, 'At most 200 characters').optional(),
  })
  .refine((title) => Boolean(title.fi || title.sv || title.en), {
    message: 'Give a title in at least one language',
    path: ['fi'],
  });

export const shiftInputSchema = z
  .strictObject({
    // Present when changing an existing shift; left out for a new one.
    id: z.uuid().optional(),
    startsAt: instantSchema('start'),
    endsAt: instantSchema('end'),
    capacity: z.number({ error: 'Give the number of people' }).int('Give whole people').min(1, 'At least 1 person').max(500),
  })
  .refine((shift) => shift.endsAt.getTime() > shift.startsAt.getTime(), {
    message: 'The shift must end after it starts',
    path: ['endsAt'],
    when: (payload) => payload.issues.length === 0,
  });
export type ShiftInput = z.output<typeof shiftInputSchema>;

export const contactSchema = z.strictObject({
  name: personNameSchema,
  phone: phoneSchema.nullable().default(null),
  email: emailSchema.nullable().default(null),
});

export const taskInputSchema = z.strictObject({
  // The event the task helps (plain id of the events domain); null for standing work.
  eventId: z.uuid().nullable().default(null),
  title: taskTitleSchema,
  description: localizedTextSchema.default({}),
  place: shortText(300, 'At most 300 characters').default(''),
  contact: contactSchema,
  requirements: z.array(requirementSchema).max(requirementCodes.length).default([]),
  // Withdrawing later than this many hours before the shift tells the coordinator at once.
  withdrawalCutoffHours: z
    .number()
    .int('Give whole hours')
    .min(0)
    .max(24 * 14)
    .default(24),
  // Standing work (no event): done by this day.
  deadline: calendarDateSchema().nullable().default(null),
  shifts: z.array(shiftInputSchema).min(1, 'Give at least one shift').max(100),
});
export type TaskInput = z.output<typeof taskInputSchema>;

export const transportTaskInputSchema = z.strictObject({
  sourceKind: z.enum(taskSourceKinds),
  sourceId: z.uuid(),
  eventId: z.uuid().nullable().default(null),
  title: taskTitleSchema,
  description: localizedTextSchema.default({}),
  place: shortText(300, 'At most 300 characters').default(''),
  contact: contactSchema,
  requirements: z.array(requirementSchema).max(requirementCodes.length).default(['drivingLicence']),
  startsAt: instantSchema('start'),
  endsAt: instantSchema('end'),
  capacity: z.number().int().min(1).max(50).default(1),
});
export type TransportTaskInput = z.output<typeof transportTaskInputSchema>;

export const shiftViewSchema = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  capacity: z.number(),
  taken: z.number(),
  free: z.number(),
  waiting: z.number(),
});
export type ShiftView = z.infer<typeof shiftViewSchema>;

export const taskViewSchema = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  eventId: z.uuid().nullable(),
  title: localizedTextSchema,
  description: localizedTextSchema,
  place: z.string(),
  contact: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  requirements: z.array(requirementSchema),
  withdrawalCutoffHours: z.number(),
  deadline: z.string().nullable(),
  source: z.object({ kind: z.enum(taskSourceKinds), id: z.uuid() }).nullable(),
  shifts: z.array(shiftViewSchema),
  createdAt: z.iso.datetime(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskListQuerySchema = z.strictObject({
  eventId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  // Standing work only (tasks with no event).
  standing: z.enum(['true', 'false']).optional(),
});

// "Help wanted: 3 places free" on the calendar's event pages.
export const freePlacesQuerySchema = z.strictObject({
  eventIds: z.union([z.uuid(), z.array(z.uuid()).max(200)]).transform((ids) => (Array.isArray(ids) ? ids : [ids])),
});
export const freePlacesSchema = z.object({
  events: z.array(z.object({ eventId: z.uuid(), tasks: z.number(), places: z.number(), free: z.number() })),
});

// Templates: built-in ones by key, an organisation's own by id.
export const builtInTemplateKeys = ['summer-market', 'talkoot-day', 'village-party'] as const;
export type BuiltInTemplateKey = (typeof builtInTemplateKeys)[number];

// A shift relative to the event's day: minutes after its midnight (Helsinki), and a day offset.
export const templateShiftSchema = z.object({
  dayOffset: z.number().int().min(-7).max(7),
  startMinutes: z.number().int().min(0).max(1440),
  endMinutes: z.number().int().min(0).max(1440),
  capacity: z.number().int().min(1).max(500),
});
export type TemplateShift = z.infer<typeof templateShiftSchema>;

export const templateTaskSchema = z.object({
  title: localizedTextSchema,
  description: localizedTextSchema,
  requirements: z.array(requirementSchema),
  shifts: z.array(templateShiftSchema),
});
export type TemplateTask = z.infer<typeof templateTaskSchema>;

export const templateViewSchema = z.object({
  // A built-in key or the id of the organisation's own template.
  key: z.string(),
  isBuiltIn: z.boolean(),
  name: localizedTextSchema,
  tasks: z.array(templateTaskSchema),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

export const applyTemplateInputSchema = z.strictObject({
  eventId: z.uuid(),
  // The event's day in Helsinki; the template's shift times are wall-clock times on it.
  eventDate: calendarDateSchema(),
  place: shortText(300, 'At most 300 characters').default(''),
  contact: contactSchema,
});

export const saveTemplateInputSchema = z.strictObject({
  // The event whose tasks (of this organisation) become the template; times relative to eventDate.
  eventId: z.uuid(),
  eventDate: calendarDateSchema(),
  name: taskTitleSchema,
});
