// The public server's settings, from the environment (the app's own settings: app/lib/config.server.ts).
export type ServerConfig = {
  port: number;
  host: string;
  apiUrl: string;
  publicOrigin: string | undefined;
  trustProxy: boolean;
  logLevel: string;
};

// A mistake in the environment: reported as one plain line, without a stack trace.
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const apiUrl = env.API_URL;
  if (!apiUrl || !isHttpUrl(apiUrl)) {
    throw new ConfigError('API_URL must be set to the api\'s address, e.g. API_URL=http://127.0.0.1:3101');
  }
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT is not a port number: ${env.PORT}`);
  const publicOrigin = env.PUBLIC_ORIGIN || undefined;
  if (publicOrigin && !isHttpUrl(publicOrigin)) throw new ConfigError(`PUBLIC_ORIGIN is not an http(s) URL: ${publicOrigin}`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    apiUrl: apiUrl.replace(/\/$/, ''),
    publicOrigin,
    // Behind a load balancer, X-Forwarded-For says who the client is (TRUST_PROXY=true).
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL || 'info',
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
