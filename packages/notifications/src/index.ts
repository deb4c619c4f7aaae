export * from './mail-delivery.entity.js';
export * from './mail.schemas.js';
export * from './mail-send.message.js';
export * from './mail-redrive.service.js';
export * from './dev-mailbox.schemas.js';
export * from './notifications.tokens.js';
export { Mailer, type MailerOptions, type OutgoingMail, type SentMail } from './mailer.js';
export { isPermanentMailError } from './mail-send-error.js';
export {
  MailDeliveryService,
  mailJobSchema,
  messageIdFor,
  type MailJobData,
  type MailDeliveryOutcome,
} from './mail-delivery.service.js';
export { MailProcessor } from './mail.processor.js';
export { DevMailboxService } from './dev-mailbox.service.js';
export { DevMailboxController } from './dev-mailbox.controller.js';
export { listDevMailRoute, readDevMailRoute } from './dev-mailbox.routes.js';
export { NotificationsWorkerModule } from './notifications-worker.module.js';
export { NotificationsApiModule } from './notifications-api.module.js';
import { MailDelivery } from './mail-delivery.entity.js';
export const notificationEntities = [MailDelivery];
