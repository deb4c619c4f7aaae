import { describe, expect, it } from 'vitest';
import { withSecurityHeaders } from './security-headers.js';

describe('withSecurityHeaders', () => {
  it('adds the defaults and keeps what a page set', () => {
    const page = new Response('<html>', { headers: { 'Content-Security-Policy': "script-src 'nonce-x'" } });
    const headers = withSecurityHeaders(page, new URL('http://localhost/')).headers;
    expect(headers.get('Content-Security-Policy')).toBe("script-src 'nonce-x'");
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('Cache-Control')).toBe('private, no-store');
  });

  it('never lets the sign-in link token leave in a Referer header, even on an error page', () => {
    const failed = new Response('error', { status: 503, headers: { 'Referrer-Policy': 'strict-origin-when-cross-origin' } });
    expect(withSecurityHeaders(failed, new URL('http://localhost/sign-in/link?token=abc')).headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('keeps several Set-Cookie headers apart', () => {
    const headers = new Headers();
    headers.append('Set-Cookie', 'a=1; Path=/');
    headers.append('Set-Cookie', 'b=2; Path=/');
    const result = withSecurityHeaders(new Response(null, { status: 303, headers }), new URL('http://localhost/'));
    expect(result.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });
});
