import { localizedTextSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { isValidBusinessId, normaliseBusinessId } from './business-id.rules.js';

export const organisationKinds = ['association', 'parish', 'municipality', 'company', 'informal_group'] as const;
export const organisationKindSchema = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const businessIdSchema = z
  .string()
  .transform(normaliseBusinessId)
  .refine(isValidBusinessId, 'Enter a valid business id (Y-tunnus), like 1234567-1');

const organisationFields = {
  name: z.string().trim().min(2, 'Enter the name (at least 2 characters)').max(160, 'The name is too long'),
  kind: organisationKindSchema,
  businessId: z.union([businessIdSchema, z.literal('').transform(() => null), z.null()]).optional(),
  villageId: z.uuid('Choose a village'),
  contactEmail: z
    .union([
      z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address')),
      z.literal('').transform(() => null),
      z.null(),
    ])
    .optional(),
  contactPhone: optionalText(30),
  description: localizedTextSchema.optional(),
};

export const organisationCreateSchema = z.strictObject(organisationFields);
export type OrganisationCreate = z.infer<typeof organisationCreateSchema>;

export const organisationUpdateSchema = z.strictObject(organisationFields).partial();
export type OrganisationUpdate = z.infer<typeof organisationUpdateSchema>;

export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: organisationKindSchema,
  businessId: z.string().nullable(),
  village: z.object({
    id: z.uuid(),
    name: z.string(),
    municipality: z.object({ id: z.uuid(), name: z.string() }),
  }),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  description: localizedTextSchema,
});
export type OrganisationView = z.infer<typeof organisationSchema>;

export const idParamsSchema = z.object({ id: z.uuid() });
