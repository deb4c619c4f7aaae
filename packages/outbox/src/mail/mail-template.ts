import type { Language } from '@talkoot/platform/schemas';
import type { z } from 'zod';
import type { MailContent } from './mail-layout.js';

export interface MailTemplateContext {
  recipientName: string | undefined;
}

// One template: the shape of its data and its words in every language (fi, sv, en: all complete).
export interface MailTemplate<S extends z.ZodType> {
  schema: S;
  compose: Record<Language, (data: z.output<S>, context: MailTemplateContext) => MailContent>;
}
