import { languageSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { emailSchema, userSchema } from './user.schemas.js';

export const signInRequestSchema = z.strictObject({
  email: emailSchema,
  language: languageSchema.optional(),
});

export const signInCodeSchema = z
  .string({ error: 'Enter the code from the email' })
  .trim()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'The code has 6 digits'));

export const sessionCreateSchema = z.union([
  z.strictObject({ token: z.string().min(20).max(200) }),
  z.strictObject({ email: emailSchema, code: signInCodeSchema }),
]);
export type SessionCreate = z.infer<typeof sessionCreateSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: userSchema,
});
export type SessionView = z.infer<typeof sessionSchema>;

export const signInRequestAnswerSchema = z.object({ status: z.literal('sent') });
