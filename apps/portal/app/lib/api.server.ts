import {
  type ErrorBody,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
  routePath,
  routeQueryString,
} from '@talkoot/platform/schemas';
import { data, redirect } from 'react-router';
import { getConfig } from './config.server';
import type { Language } from './i18n';
import { clearSessionCookie, signInPath } from './session.server';

// Who is calling the api: the parts of the request state the client needs.
export type ApiCaller = {
  token: string | null;
  language: Language;
  clientAddress: string | null;
  // The portal request's x-request-id (server/main.ts sets it), passed on to the api.
  requestId?: string | null;
  returnTo: string;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    // The class of refusal (`not_found`, `rule_violation`…); `reason` names the rule, e.g. booking.slot_taken.
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    // Anything else the error body says, e.g. a booking conflict's `conflict: { startsAt, endsAt }`.
    readonly details: Record<string, unknown> = {},
    readonly reason: string | undefined = undefined,
    readonly fieldReasons: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  // The api's error body (`{ error: { code, message, reason?, fields?, fieldReasons?, … } }`), or
  // whatever came instead of it.
  static fromBody(status: number, statusText: string, body: unknown): ApiError {
    const detail = (body as Partial<ErrorBody> | undefined)?.error;
    const { code, message, reason, fields, fieldReasons, ...details } = (detail ?? {}) as Record<string, unknown>;
    return new ApiError(
      status,
      typeof code === 'string' ? code : `http_${status}`,
      typeof message === 'string' ? message : statusText,
      (fields as Record<string, string> | undefined) ?? {},
      details,
      typeof reason === 'string' ? reason : undefined,
      (fieldReasons as Record<string, string> | undefined) ?? {},
    );
  }
}

type CallOptions = {
  // The session check in the root middleware handles a stale token itself (signed-out, not redirected).
  isSessionCheck?: boolean;
};

// The input may be left out when nothing in it is required.
type CallArguments<R extends RouteContract> =
  {} extends RouteInput<R> ? [input?: RouteInput<R>, options?: CallOptions] : [input: RouteInput<R>, options?: CallOptions];

// Calls the api route of a contract (@talkoot/*/schemas): its path is built from `params`, the
// answer has the contract's response type.
export async function callApi<R extends RouteContract>(
  caller: ApiCaller,
  route: R,
  ...[input, options]: CallArguments<R>
): Promise<RouteOutput<R>> {
  const { params, query, body } = (input ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const path = `${routePath(route, params)}${routeQueryString(query)}`;
  // A route that takes a body gets one, if only {} (its fields are all optional).
  const sentBody = body ?? (route.body ? {} : undefined);
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': caller.language });
  if (caller.token) headers.set('Authorization', `Bearer ${caller.token}`);
  // The api rate-limits sign-in per client; tell it who the client is (server/main.ts sets this header).
  if (caller.clientAddress) headers.set('X-Forwarded-For', caller.clientAddress);
  if (caller.requestId) headers.set('X-Request-Id', caller.requestId);
  if (sentBody !== undefined) headers.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(`${getConfig().apiUrl}${path}`, {
      method: route.method,
      headers,
      body: sentBody === undefined ? undefined : JSON.stringify(sentBody),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    console.error(`api ${route.method} ${route.path} failed:`, error);
    throw data({ code: 'api_unavailable' }, { status: 503 });
  }

  if (response.ok) {
    if (response.status === 204) return undefined as RouteOutput<R>;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as RouteOutput<R>;
  }

  const error = ApiError.fromBody(response.status, response.statusText, await response.json().catch(() => undefined));
  if (error.status === 401 && caller.token && !options?.isSessionCheck) {
    // The session ended on the api (expired, revoked, account removed): forget it and ask to sign in.
    throw redirect(signInPath(caller.returnTo), { headers: { 'Set-Cookie': clearSessionCookie() } });
  }
  throw error;
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

// For loaders: callApi, with the api's refusals turned into this page's error status.
export async function loadFromApi<R extends RouteContract>(
  caller: ApiCaller,
  route: R,
  ...[input]: CallArguments<R>
): Promise<RouteOutput<R>> {
  try {
    return await callApi(caller, route, ...([input] as CallArguments<R>));
  } catch (error) {
    return rethrowAsRouteError(error);
  }
}
