import { data, redirect } from 'react-router';
import { getConfig } from './config.server';
import type { FieldErrors, FormFailure } from './forms';

// A redirect after a POST (303: the browser follows with GET) that also sets cookies.
export function redirectWithCookies(url: string, cookies: string[] = [], extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers(extraHeaders);
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return redirect(url, { status: 303, headers });
}

export function formFailure<Intent extends string>(
  errors: FieldErrors,
  values: Record<string, string>,
  status = 400,
  intent?: Intent,
  headers?: HeadersInit,
) {
  return data<FormFailure<Intent>>({ intent, errors, values }, { status, ...(headers ? { headers } : {}) });
}

// A refusal that passes with time (429): the api's seconds go on as Retry-After.
export function retryAfterHeader(details: Record<string, unknown>): HeadersInit | undefined {
  const seconds = details.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? { 'Retry-After': String(Math.ceil(seconds)) } : undefined;
}

// Resource-route actions are not covered by React Router's own Origin check; refuse cross-site posts.
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('Origin');
  if (!origin) return;
  const host = request.headers.get('Host');
  let originHost: string;
  try {
    // An opaque origin ("null", e.g. from a sandboxed frame) parses to a URL error: refused.
    originHost = new URL(origin).host;
  } catch {
    throw data({ code: 'bad_origin' }, { status: 400 });
  }
  const publicOrigin = getConfig().publicOrigin;
  const publicHost = publicOrigin ? new URL(publicOrigin).host : undefined;
  if (originHost !== host && originHost !== publicHost) throw data({ code: 'bad_origin' }, { status: 400 });
}
