import { languageSchema } from '@talkoot/platform/schemas';
import { z } from 'zod';

export const mailTemplateNames = ['sign-in', 'invitation', 'no-account'] as const;
export const mailTemplateNameSchema = z.enum(mailTemplateNames);
export type MailTemplateName = z.infer<typeof mailTemplateNameSchema>;

// The payload of a `mail.send` outbox row.
export const mailRequestSchema = z.object({
  to: z.string(),
  toName: z.string().optional(),
  language: languageSchema,
  template: mailTemplateNameSchema,
  data: z.record(z.string(), z.unknown()),
});
export type MailRequest = z.infer<typeof mailRequestSchema>;
