import type { Language } from '@talkoot/platform/schemas';
import type { z } from 'zod';
import { type MailContent, type RenderedMail, renderMailContent } from './mail-layout.js';

export interface MailTemplateContext {
  recipientName: string | undefined;
}

// One template: the shape of its data and its words in every language (fi, sv, en: all complete).
export interface MailTemplate<S extends z.ZodType> {
  schema: S;
  compose: Record<Language, (data: z.output<S>, context: MailTemplateContext) => MailContent>;
}

// Data that does not fit its template can never render: the caller's bug, refused where it is made.
export class MailTemplateDataError extends Error {
  constructor(
    readonly template: string,
    readonly problems: string[],
  ) {
    super(`Mail data does not fit the ${template} template: ${problems.join('; ')}`);
    this.name = 'MailTemplateDataError';
  }
}

// A domain renders its own mail at enqueue (ADR 012): the data is checked against the template's
// schema and the words are taken in the recipient's language.
export function renderTemplate<S extends z.ZodType>(
  name: string,
  template: MailTemplate<S>,
  data: z.input<S>,
  language: Language,
  context: MailTemplateContext = { recipientName: undefined },
): RenderedMail {
  const parsed = template.schema.safeParse(data);
  if (!parsed.success)
    throw new MailTemplateDataError(
      name,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`),
    );
  return renderMailContent(template.compose[language](parsed.data as z.output<S>, context), language);
}
