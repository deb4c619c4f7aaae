import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig, QueueConnection } from '@talkoot/platform';
import { OUTBOX_ATTEMPTS } from './outbox-backoff.js';

// What the worker's composition root hands to the outbox module.
export const OUTBOX_ORM = Symbol('talkoot:outbox:orm');
export const OUTBOX_QUEUE_CONNECTION = Symbol('talkoot:outbox:queue-connection');
export const OUTBOX_RELAY_SETTINGS = Symbol('talkoot:outbox:relay-settings');
export const OUTBOX_QUEUE_PREFIX = Symbol('talkoot:outbox:queue-prefix');

export interface OutboxRelaySettings {
  // How often the relay looks for unrelayed rows (config OUTBOX_POLL_MS by default).
  pollMs: number;
  // Rows per transaction.
  batchSize: number;
  // Retries of a job: attempts in all, capped exponential backoff starting at backoffMs.
  attempts: number;
  backoffMs: number;
  // A queue store that does not answer within this is treated as down for this tick.
  addTimeoutMs: number;
}

export interface OutboxWorkerOptions {
  config: AppConfig;
  orm: MikroORM;
  // What configureQueueBackend(config) returned; call it before creating the Nest context.
  connection: QueueConnection;
  // BullMQ key prefix (Redis) / namespace; tests use their own so they never share jobs.
  queuePrefix?: string;
  relay?: Partial<OutboxRelaySettings>;
}

export function relaySettingsFrom(config: AppConfig, overrides: Partial<OutboxRelaySettings> = {}): OutboxRelaySettings {
  return {
    pollMs: config.OUTBOX_POLL_MS,
    batchSize: 100,
    attempts: OUTBOX_ATTEMPTS,
    backoffMs: 5_000,
    addTimeoutMs: 10_000,
    ...overrides,
  };
}

// Redis: reconnect every 0.25–2 s instead of BullMQ's default backoff of up to 20 s, so jobs
// flow again soon after the queue store is back. PostgreSQL connections are returned as they are.
export function withQuickReconnect(connection: QueueConnection): QueueConnection {
  if (!('host' in connection)) return connection;
  return { ...connection, retryStrategy: (times: number) => Math.min(250 * times, 2_000) } as QueueConnection;
}
