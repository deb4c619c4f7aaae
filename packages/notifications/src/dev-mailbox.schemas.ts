// Browser-safe: the developer mail page of the portal reads the same shapes.
import { z } from 'zod';

// `<UTC time, ISO 8601 basic>-<key>`, e.g. 20261123T153026123Z-outbox-42. Nothing else is a
// mailbox id, so an id can never name a path outside the mailbox.
export const devMailIdSchema = z.string().regex(/^\d{8}T\d{9}Z-[a-z0-9][a-z0-9-]{0,79}$/);

export const devMailParamsSchema = z.object({ id: devMailIdSchema });

export const devMailSummarySchema = z.object({
  id: devMailIdSchema,
  to: z.string(),
  subject: z.string(),
  date: z.iso.datetime(),
});
export type DevMailSummary = z.infer<typeof devMailSummarySchema>;

export const devMailMessageSchema = devMailSummarySchema.extend({
  from: z.string(),
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()),
  // Text attachments (a booking's .ics), so a developer sees what the calendar app would get.
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })).default([]),
});
export type DevMailMessage = z.infer<typeof devMailMessageSchema>;

export const devMailListResponseSchema = z.object({ messages: z.array(devMailSummarySchema) });
export const devMailResponseSchema = z.object({ message: devMailMessageSchema });
