export { renderMail, MailTemplateDataError } from './render-mail.js';
export { escapeHtml, type RenderedMail } from '@talkoot/outbox/mail';
