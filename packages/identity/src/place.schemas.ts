import { z } from 'zod';

export const placesSchema = z.object({
  regions: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      municipalities: z.array(
        z.object({ id: z.uuid(), name: z.string(), villages: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
      ),
    }),
  ),
});
export type Places = z.infer<typeof placesSchema>;
