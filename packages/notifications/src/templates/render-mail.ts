import type { MailRequest, MailTemplateName } from '../mail.schemas.js';
import { bookingSeriesUpdateTemplate } from './booking-series-update.template.js';
import { bookingUpdateTemplate } from './booking-update.template.js';
import { digestConfirmTemplate } from './digest-confirm.template.js';
import { eventDigestTemplate } from './event-digest.template.js';
import { invitationTemplate } from './invitation.template.js';
import { MailTemplateDataError, type RenderedMail, renderMailContent } from '@talkoot/outbox/mail';
import type { MailTemplate } from '@talkoot/outbox/mail';
import { noAccountTemplate } from './no-account.template.js';
import { signInTemplate } from './sign-in.template.js';
import type { z } from 'zod';

const templates: Record<MailTemplateName, MailTemplate<z.ZodType>> = {
  'sign-in': signInTemplate,
  invitation: invitationTemplate,
  'no-account': noAccountTemplate,
  'booking-update': bookingUpdateTemplate,
  'booking-series-update': bookingSeriesUpdateTemplate,
  'digest-confirm': digestConfirmTemplate,
  'event-digest': eventDigestTemplate,
};

export { MailTemplateDataError };

// The templates identity, venues and events still keep here (ADR 012: they move to their domains).
export function renderMail(request: Pick<MailRequest, 'template' | 'language' | 'data' | 'toName'>): RenderedMail {
  const template = Object.hasOwn(templates, request.template) ? templates[request.template as MailTemplateName] : undefined;
  if (!template) throw new MailTemplateDataError(String(request.template), ['unknown template']);
  const parsed = template.schema.safeParse(request.data);
  if (!parsed.success) {
    throw new MailTemplateDataError(
      request.template,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`),
    );
  }
  const content = template.compose[request.language](parsed.data, { recipientName: request.toName?.trim() || undefined });
  return renderMailContent(content, request.language);
}
