// Minimal cookie reading/writing. The session cookie holds the api's opaque token as-is (no
// encoding layer), so the value must only contain cookie-safe characters; tokens are base64url/hex.

export type CookieOptions = {
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'Lax' | 'Strict';
  path?: string;
};

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    const name = part.slice(0, separator).trim();
    const rawValue = part
      .slice(separator + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(rawValue));
    } catch {
      // A malformed escape sequence: ignore that cookie rather than fail the request.
    }
  }
  return cookies;
}

export function readCookie(request: Request, name: string): string | null {
  const value = parseCookieHeader(request.headers.get('Cookie')).get(name);
  return value === undefined || value === '' ? null : value;
}

export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  parts.push(`Path=${options.path ?? '/'}`);
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  if (options.maxAge === 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  parts.push(`SameSite=${options.sameSite ?? 'Lax'}`);
  return parts.join('; ');
}
