import { languageSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { roleSchema } from './membership.schemas.js';
import { organisationKindSchema } from './organisation.schemas.js';

export const emailSchema = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .max(254, 'The email address is too long')
  .pipe(z.email('Enter a valid email address, like name@example.fi'));

export const personNameSchema = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(120, 'The name is too long (at most 120 characters)');

// Finnish and international numbers: digits, spaces, +, -, parentheses.
export const phoneSchema = z
  .string()
  .trim()
  .max(30, 'The phone number is too long')
  .regex(/^\+?[0-9 ()-]{5,}$/, 'Enter a phone number, like 040 123 4567');

export const userSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  language: languageSchema,
  isPlatformAdmin: z.boolean(),
});
export type UserView = z.infer<typeof userSchema>;

export const meSchema = z.object({
  user: userSchema,
  memberships: z.array(
    z.object({
      organisation: z.object({ id: z.uuid(), name: z.string(), kind: organisationKindSchema }),
      role: roleSchema,
    }),
  ),
});
export type Me = z.infer<typeof meSchema>;

export const profileUpdateSchema = z.strictObject({
  name: personNameSchema.optional(),
  phone: z.union([phoneSchema, z.literal('').transform(() => null), z.null()]).optional(),
  language: languageSchema.optional(),
});
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;
