import { z } from 'zod';

export const roles = ['admin', 'coordinator', 'member'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const memberUpdateSchema = z.strictObject({ role: roleSchema });
export const memberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });
