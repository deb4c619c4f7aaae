import { OutboxMessage } from './outbox-message.entity.js';

export * from './outbox-message.entity.js';
export * from './message.js';
export * from './outbox-backoff.js';
export * from './outbox.tokens.js';
export * from './schedule.js';
export { OutboxRelayService, type RelayTickResult } from './outbox-relay.service.js';
export { OutboxWorkerModule } from './outbox-worker.module.js';
export const outboxEntities = [OutboxMessage];
