import { z } from 'zod';

const envSchema = z.object({
  API_URL: z.url(),
  PUBLIC_ORIGIN: z.url().optional(),
});

export type PortalConfig = {
  apiUrl: string;
  publicOrigin: string | undefined;
  isHttps: boolean;
};

let cached: PortalConfig | undefined;

// Parsed on first use, not at import: `react-router build` and typegen load route modules without env.
export function getConfig(): PortalConfig {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid portal environment: ${z.prettifyError(parsed.error)}`);
  }
  const publicOrigin = parsed.data.PUBLIC_ORIGIN?.replace(/\/$/, '');
  cached = {
    apiUrl: parsed.data.API_URL.replace(/\/$/, ''),
    publicOrigin,
    isHttps: publicOrigin?.startsWith('https:') ?? false,
  };
  return cached;
}
