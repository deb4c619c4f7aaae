import { MAIL_ATTEMPTS } from './mail-backoff.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig, QueueConnection } from '@talkoot/platform';
import type { MailerOptions } from './mailer.js';

// What the composition roots (apps/api, apps/worker) hand to the notification modules.
export const NOTIFICATIONS_CONFIG = Symbol('talkoot:notifications:config');
export const NOTIFICATIONS_ORM = Symbol('talkoot:notifications:orm');
export const NOTIFICATIONS_QUEUE_CONNECTION = Symbol('talkoot:notifications:queue-connection');
export const OUTBOX_RELAY_SETTINGS = Symbol('talkoot:notifications:relay-settings');
export const OUTBOX_QUEUE_PREFIX = Symbol('talkoot:notifications:queue-prefix');

export interface OutboxRelaySettings {
  // How often the relay looks for unrelayed rows (config OUTBOX_POLL_MS by default).
  pollMs: number;
  // Rows per transaction.
  batchSize: number;
  // Retries of a job: attempts in all, exponential backoff starting at backoffMs.
  attempts: number;
  backoffMs: number;
  // A queue store that does not answer within this is treated as down for this tick.
  addTimeoutMs: number;
  // How often failed mail jobs are looked at for ones that never reached a final delivery.
  redriveMs: number;
}

export interface NotificationsWorkerOptions {
  config: AppConfig;
  orm: MikroORM;
  // What configureQueueBackend(config) returned; call it before creating the Nest context.
  connection: QueueConnection;
  // BullMQ key prefix (Redis) / namespace; tests use their own so they never share jobs.
  queuePrefix?: string;
  relay?: Partial<OutboxRelaySettings>;
  mailer?: MailerOptions;
}

export interface NotificationsApiOptions {
  config: AppConfig;
}

export function relaySettingsFrom(config: AppConfig, overrides: Partial<OutboxRelaySettings> = {}): OutboxRelaySettings {
  return {
    pollMs: config.OUTBOX_POLL_MS,
    batchSize: 100,
    attempts: MAIL_ATTEMPTS,
    backoffMs: 5_000,
    addTimeoutMs: 10_000,
    redriveMs: 5 * 60_000,
    ...overrides,
  };
}

// Redis: reconnect every 0.25–2 s instead of BullMQ's default backoff of up to 20 s, so jobs
// flow again soon after the queue store is back. PostgreSQL connections are returned as they are.
export function withQuickReconnect(connection: QueueConnection): QueueConnection {
  if (!('host' in connection)) return connection;
  return { ...connection, retryStrategy: (times: number) => Math.min(250 * times, 2_000) } as QueueConnection;
}
