// The browser-safe entry: the developer mailbox's and the undelivered mail's route contracts. The mail payload and the
// template data schemas are server-side (they use @talkoot/outbox/mail) and come from the root entry.
export * from './dev-mailbox.schemas.js';
export * from './dev-mailbox.routes.js';
export * from './undelivered-mail.routes.js';
