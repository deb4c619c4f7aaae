import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from './config.js';
import { requireDatabaseUrl } from './config.js';

export const QUEUE_SCHEMA = 'bullmq';

export type QueueConnection =
  | { host: string; port: number; username?: string; password?: string; db?: number; tls?: object; maxRetriesPerRequest: null }
  | { connectionString: string; schema: string; migrate: boolean; max: number };

export function redisConnectionFromUrl(redisUrl: string): QueueConnection {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers block on the connection; BullMQ requires unlimited retries there.
    maxRetriesPerRequest: null,
  };
}

// BullMQ runs on Redis when REDIS_URL is set, otherwise on its PostgreSQL backend in the same
// PostgreSQL (schema `bullmq`). The backend is process-wide in BullMQ, so call this before any
// Queue or Worker is created (before NestFactory.create).
export function configureQueueBackend(config: AppConfig): QueueConnection {
  if (config.queueBackend === 'redis' && config.REDIS_URL) {
    setDefaultBackendFactory();
    return redisConnectionFromUrl(config.REDIS_URL);
  }
  setDefaultBackendFactory(createPostgresBackend);
  return { connectionString: requireDatabaseUrl(config), schema: QUEUE_SCHEMA, migrate: true, max: config.QUEUE_POOL_MAX };
}
