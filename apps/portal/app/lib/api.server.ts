import { data, redirect } from 'react-router';
import type { ApiErrorBody } from './api-types';
import { getConfig } from './config.server';
import type { Language } from './i18n';
import { clearSessionCookie, signInPath } from './session.server';

// Who is calling the api: the parts of the request state the client needs.
export type ApiCaller = {
  token: string | null;
  language: Language;
  clientAddress: string | null;
  returnTo: string;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    // Anything else the error body says, e.g. a booking conflict's `conflict: { startsAt, endsAt }`.
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ApiRequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  // The session check in the root middleware handles a stale token itself (signed-out, not redirected).
  isSessionCheck?: boolean;
};

export async function callApi<T>(caller: ApiCaller, path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': caller.language });
  if (caller.token) headers.set('Authorization', `Bearer ${caller.token}`);
  // The api rate-limits sign-in per client; tell it who the client is (server/main.ts sets this header).
  if (caller.clientAddress) headers.set('X-Forwarded-For', caller.clientAddress);
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(`${getConfig().apiUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    console.error(`api ${options.method ?? 'GET'} ${path} failed:`, error);
    throw data({ code: 'api_unavailable' }, { status: 503 });
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await readApiError(response);
  if (error.status === 401 && caller.token && !options.isSessionCheck) {
    // The session ended on the api (expired, revoked, account removed): forget it and ask to sign in.
    throw redirect(signInPath(caller.returnTo), { headers: { 'Set-Cookie': clearSessionCookie() } });
  }
  throw error;
}

async function readApiError(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const detail = body?.error;
  const { code, message, fields, ...details } = (detail ?? {}) as Record<string, unknown>;
  return new ApiError(
    response.status,
    typeof code === 'string' ? code : `http_${response.status}`,
    typeof message === 'string' ? message : response.statusText,
    (fields as Record<string, string> | undefined) ?? {},
    details,
  );
}

// For loaders: turn the api's "not found"/"forbidden" into this page's error status; rethrow the rest.
export function rethrowAsRouteError(error: unknown): never {
  if (error instanceof ApiError) {
    if (error.status === 404 || error.status === 403) throw data({ code: error.code }, { status: error.status });
    if (error.status === 401) throw data({ code: error.code }, { status: 403 });
    console.error(`api answered ${error.status} ${error.code}: ${error.message}`);
    throw data({ code: error.code }, { status: error.status >= 500 ? 502 : 500 });
  }
  throw error;
}

export async function loadFromApi<T>(caller: ApiCaller, path: string): Promise<T> {
  try {
    return await callApi<T>(caller, path);
  } catch (error) {
    return rethrowAsRouteError(error);
  }
}
