// Browser-safe: the half of a route contract that both sides read. The api binds handlers to
// contracts with `@Route` (http/route.ts); the portal calls them with `callApi(route, …)`.
import type { z } from 'zod';

// Who may call a route. Evaluated by the access guard of @talkoot/identity; a route without
// a declaration is refused (fail closed), and a test lists every route's rule.
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'platformAdmin' }
  // A member of the organisation named by the path parameter, with one of the roles.
  // Platform admins pass too.
  | { kind: 'organisationRole'; param: string; roles: readonly ('admin' | 'coordinator' | 'member')[] };

export const access = {
  public: { kind: 'public' } as const,
  signedIn: { kind: 'signedIn' } as const,
  platformAdmin: { kind: 'platformAdmin' } as const,
  organisationRole: (param: string, roles: readonly ('admin' | 'coordinator' | 'member')[]): AccessRule => ({
    kind: 'organisationRole',
    param,
    roles,
  }),
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContract {
  method: HttpMethod;
  // Fastify-style path, e.g. /api/organisations/:id
  path: string;
  summary: string;
  tag: string;
  access: AccessRule;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  // Also take an application/x-www-form-urlencoded body (mail programs' one-click unsubscribe);
  // every other route answers 415 to one.
  acceptsFormBody?: boolean;
  // Error statuses this route can answer besides 400/401/403 (documented in OpenAPI).
  errors?: number[];
}

export function defineRoute<const T extends RouteContract>(contract: T): T {
  return contract;
}

// What a handler receives (after parsing) and answers (before shaping).
export type RouteBody<T extends RouteContract> = T['body'] extends z.ZodType ? z.output<T['body']> : never;
export type RouteQuery<T extends RouteContract> = T['query'] extends z.ZodType ? z.output<T['query']> : never;
export type RouteParams<T extends RouteContract> = T['params'] extends z.ZodType ? z.output<T['params']> : never;
export type RouteResponse<T extends RouteContract> = T['response'] extends z.ZodType ? z.input<T['response']> : void;

// What a client sends (before parsing) and receives (the shaped answer, as JSON carries it).
// A part whose fields are all optional may be left out (an empty body is sent as {}).
type Part<Name extends string, S> = S extends z.ZodType
  ? {} extends z.input<S>
    ? { [K in Name]?: z.input<S> }
    : { [K in Name]: z.input<S> }
  : { [K in Name]?: never };
export type RouteInput<T extends RouteContract> = Part<'params', T['params']> &
  Part<'query', T['query']> &
  Part<'body', T['body']>;
export type RouteOutput<T extends RouteContract> = T['response'] extends z.ZodType ? z.output<T['response']> : void;

// The path of a route with its parameters filled in: /api/venues/:id -> /api/venues/3f2…
export function routePath(route: Pick<RouteContract, 'path'>, params: Record<string, unknown> = {}): string {
  return route.path.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`${route.path}: the parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}

// Query values as a search string; arrays repeat their key, undefined and null are left out.
export function routeQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value])
      search.append(name, item instanceof Date ? item.toISOString() : String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
