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
    expect(withSecurityHeaders(failed, new URL('http://localhost/sign-in/link?token=abc')).headers.get('Referrer-Policy')).toBe(
      'no-referrer',
    );
  });

  it('keeps several Set-Cookie headers apart', () => {
    const headers = new Headers();
    headers.append('Set-Cookie', 'a=1; Path=/');
    headers.append('Set-Cookie', 'b=2; Path=/');
    const result = withSecurityHeaders(new Response(null, { status: 303, headers }), new URL('http://localhost/'));
    expect(result.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });
});

describe('framing', () => {
  it('lets a page that allows framing be framed, without a contradicting X-Frame-Options', () => {
    const embed = new Response('<html>', { headers: { 'Content-Security-Policy': "default-src 'self'; frame-ancestors *" } });
    const headers = withSecurityHeaders(embed, new URL('http://localhost/calendar/embed')).headers;
    expect(headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
    expect(headers.has('X-Frame-Options')).toBe(false);
  });

  it('refuses framing twice everywhere else', () => {
    const page = new Response('<html>', { headers: { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'" } });
    expect(withSecurityHeaders(page, new URL('http://localhost/calendar')).headers.get('X-Frame-Options')).toBe('DENY');
    const plain = withSecurityHeaders(new Response('text'), new URL('http://localhost/x')).headers;
    expect(plain.get('X-Frame-Options')).toBe('DENY');
    expect(plain.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    // A policy that does not speak of framing leaves the old header's DENY in charge.
    const silent = new Response('<html>', { headers: { 'Content-Security-Policy': "script-src 'nonce-x'" } });
    expect(withSecurityHeaders(silent, new URL('http://localhost/')).headers.get('X-Frame-Options')).toBe('DENY');
  });
});
