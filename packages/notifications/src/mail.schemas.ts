// The payload of a `mail.send` outbox row is declared with the message in @talkoot/outbox/mail: the
// mail its domain rendered (ADR 012). Notifications knows no template; it validates and sends.
export { type MailRequest, mailLinkSchema, mailRequestSchema } from '@talkoot/outbox/mail';
