// `mail.send` is declared in the neutral `@talkoot/outbox/mail` (ADR 012): domains enqueue it without
// importing notifications. Re-exported here for the worker's own modules.
export { MAIL_QUEUE, enqueueMail, mailSendMessage } from '@talkoot/outbox/mail';

// Scheduled upkeep of the mail queue (the redrive), apart from the mails themselves.
export const MAIL_MAINTENANCE_QUEUE = 'mail-maintenance';
