// The public server's settings, from the environment (the app's own settings: app/lib/config.server.ts).
export type ServerConfig = {
  port: number;
  host: string;
  apiUrl: string;
  publicOrigin: string | undefined;
  // How many proxies stand in front (their X-Forwarded-For entries are trusted, no more).
  trustProxy: number;
  logLevel: string;
  // The portal listens here for data changes, to keep public pages rendered (ADR 020); unset: no page cache.
  databaseUrl: string | undefined;
  // Bytes of rendered public pages kept in memory (PAGE_CACHE_MB; 0 turns the page cache off).
  pageCacheBytes: number;
};

// A mistake in the environment: reported as one plain line, without a stack trace.
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const apiUrl = env.API_URL;
  if (!apiUrl || !isHttpUrl(apiUrl)) {
    throw new ConfigError("API_URL must be set to the api's address, e.g. API_URL=http://127.0.0.1:3101");
  }
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT is not a port number: ${env.PORT}`);
  const publicOrigin = env.PUBLIC_ORIGIN || undefined;
  if (publicOrigin && !isHttpUrl(publicOrigin)) throw new ConfigError(`PUBLIC_ORIGIN is not an http(s) URL: ${publicOrigin}`);
  return {
    port,
    // Loopback unless told otherwise: `npm start` on a laptop should not serve the network.
    host: env.HOST || '127.0.0.1',
    apiUrl: apiUrl.replace(/\/$/, ''),
    publicOrigin,
    // Behind a load balancer, X-Forwarded-For says who the client is. A hop count, not "trust all":
    // otherwise a client could write its own first entry and dodge the per-IP limits.
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    databaseUrl: env.DATABASE_URL || undefined,
    pageCacheBytes: parsePageCacheMegabytes(env.PAGE_CACHE_MB) * 1024 * 1024,
  };
}

function parseTrustProxy(value: string | undefined): number {
  if (!value || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number.parseInt(value, 10);
  if (!Number.isInteger(hops) || hops < 0)
    throw new ConfigError(`TRUST_PROXY is the number of proxies in front, e.g. TRUST_PROXY=1: ${value}`);
  return hops;
}

function parsePageCacheMegabytes(value: string | undefined): number {
  if (!value) return 32;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes < 0)
    throw new ConfigError(`PAGE_CACHE_MB is the memory for kept public pages in MB, e.g. PAGE_CACHE_MB=32: ${value}`);
  return megabytes;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
