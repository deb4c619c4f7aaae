import { z } from 'zod';
import { roleSchema } from './membership.schemas.js';
import { emailSchema, personNameSchema } from './user.schemas.js';

export const invitationCreateSchema = z.strictObject({ email: emailSchema, role: roleSchema });

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});

export const invitationPreviewSchema = z.object({
  invitation: z.object({
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    role: roleSchema,
    email: z.string(),
    needsName: z.boolean(),
  }),
});

export const invitationTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });
export const invitationAcceptSchema = z.strictObject({ name: personNameSchema.optional() });
