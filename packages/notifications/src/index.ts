export * from './outbox-message.entity.js';
export * from './mail-delivery.entity.js';
export * from './mail.schemas.js';
export * from './outbox.js';
import { MailDelivery } from './mail-delivery.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
export const notificationEntities = [OutboxMessage, MailDelivery];
