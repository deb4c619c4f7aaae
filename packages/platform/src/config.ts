import path from 'node:path';
import { z } from 'zod';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .optional()
    .refine((value) => value === undefined || protocols.some((protocol) => value.startsWith(`${protocol}:`)), {
      message: `must start with ${protocols.map((protocol) => `${protocol}://`).join(' or ')}`,
    });

const port = z.coerce.number().int().min(1).max(65535);

// Every variable the processes read. Parsed once at boot; .env.example documents the same names.
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().default('127.0.0.1'),
    PUBLIC_ORIGIN: z.url().optional(),
    API_PORT: port.default(3101),
    API_URL: z.url().optional(),
    DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
    REDIS_URL: optionalUrl(['redis', 'rediss']),
    SMTP_URL: optionalUrl(['smtp', 'smtps']),
    MAIL_FROM: z.string().default('Talkoot <noreply@talkoot.localhost>'),
    DATA_DIR: z.string().default('.data'),
    EMBEDDED_POSTGRES_PORT: port.default(54329),
    TRUST_PROXY: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    BOOKING_REQUEST_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    // Multiplies the sign-in rate limits (per address, per IP); a test suite that signs the same demo
    // people in dozens of times from one address raises it. Never lower the limits below 1×.
    SIGN_IN_RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(1000).default(1),
    // After SIGTERM the api answers readiness 503 at once but keeps serving this long, so that load
    // balancers stop sending before it closes (ADR 025); Kubernetes needs a few seconds.
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    // Prometheus metrics (/metrics) of the api and the worker on a port of their own; unset: none.
    // Loopback unless METRICS_HOST says otherwise (in Kubernetes the pod's address, for the scraper).
    METRICS_PORT: port.optional(),
    METRICS_HOST: z.string().default('127.0.0.1'),
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    // V8 old-space ceilings (MB) the launcher gives each process (ADR 016). Node's default grows to a
    // quarter of the machine's memory before collecting hard; a small box needs a ceiling instead.
    API_HEAP_MB: z.coerce.number().int().min(64).max(16_384).default(256),
    WORKER_HEAP_MB: z.coerce.number().int().min(64).max(16_384).default(192),
    PORTAL_HEAP_MB: z.coerce.number().int().min(64).max(16_384).default(256),
    // V8's young generation (each of its two semi-spaces, MB) for all three. Node 24 lets each grow
    // to 64 MB under load: ≈ 100 MB of committed heap per process that a small box cannot spare.
    HEAP_SEMI_SPACE_MB: z.coerce.number().int().min(1).max(256).default(16),
    // Connection pools of the api and the worker, each (ADR 016): the ORM's, and the one the queue
    // backend keeps per queue on PostgreSQL (not used with Redis).
    DATABASE_POOL_MIN: z.coerce.number().int().min(0).max(100).default(0),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    QUEUE_POOL_MAX: z.coerce.number().int().min(2).max(50).default(5),
    // The embedded PostgreSQL of `npm start`, sized for a small box (ignored with DATABASE_URL).
    EMBEDDED_POSTGRES_MAX_CONNECTIONS: z.coerce.number().int().min(20).max(1000).default(60),
    EMBEDDED_POSTGRES_SHARED_BUFFERS_MB: z.coerce.number().int().min(16).max(65_536).default(64),
    EMBEDDED_POSTGRES_WORK_MEM_MB: z.coerce.number().int().min(1).max(1024).default(4),
    // Opt-in, for `pnpm bench:memory`: each process writes its memory figures to this directory every
    // second and a heap snapshot on SIGUSR2. Never set in production.
    MEMORY_REPORT_DIR: z.string().optional(),
  })
  .refine((config) => config.DATABASE_POOL_MIN <= config.DATABASE_POOL_MAX, {
    path: ['DATABASE_POOL_MIN'],
    message: 'must not be above DATABASE_POOL_MAX',
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig extends RawConfig {
  publicOrigin: string;
  apiUrl: string;
  dataDir: string;
  mailDir: string;
  isDevMailbox: boolean;
  isHttps: boolean;
  queueBackend: 'redis' | 'postgres';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): AppConfig {
  // Empty strings mean "unset", so `.env` files can list every variable.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const raw = result.data;
  const publicOrigin = (raw.PUBLIC_ORIGIN ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  const dataDir = path.resolve(cwd, raw.DATA_DIR);
  return {
    ...raw,
    publicOrigin,
    apiUrl: (raw.API_URL ?? `http://127.0.0.1:${raw.API_PORT}`).replace(/\/$/, ''),
    dataDir,
    mailDir: path.join(dataDir, 'mail'),
    isDevMailbox: raw.SMTP_URL === undefined,
    isHttps: publicOrigin.startsWith('https:'),
    queueBackend: raw.REDIS_URL ? 'redis' : 'postgres',
  };
}

// For process entry points: one clear line per problem, then exit.
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export function requireDatabaseUrl(config: AppConfig): string {
  if (!config.DATABASE_URL) throw new ConfigError(['DATABASE_URL: required for this process (npm start sets it)']);
  return config.DATABASE_URL;
}
