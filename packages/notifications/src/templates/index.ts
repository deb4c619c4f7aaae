export { renderMail, MailTemplateDataError } from './render-mail.js';
export { escapeHtml, type RenderedMail } from './mail-layout.js';
