import { applyDecorators, HttpCode, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
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

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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

export const ROUTE_CONTRACT = Symbol('talkoot:route-contract');

// Every contract bound to a handler, in load order: the OpenAPI document and the access test read it.
export const registeredRoutes: RouteContract[] = [];

export function defineRoute<const T extends RouteContract>(contract: T): T {
  return contract;
}

const methods: Record<HttpMethod, RequestMethod> = {
  GET: RequestMethod.GET,
  POST: RequestMethod.POST,
  PUT: RequestMethod.PUT,
  PATCH: RequestMethod.PATCH,
  DELETE: RequestMethod.DELETE,
};

// Binds a handler to its contract: Nest routing, status code, validation, access and OpenAPI
// all read the same object.
export function Route(contract: RouteContract): MethodDecorator {
  registeredRoutes.push(contract);
  return applyDecorators(
    RequestMapping({ path: contract.path, method: methods[contract.method] }),
    HttpCode(contract.status ?? (contract.method === 'POST' ? 201 : contract.response ? 200 : 204)),
    SetMetadata(ROUTE_CONTRACT, contract),
  );
}

export type RouteBody<T extends RouteContract> = T['body'] extends z.ZodType ? z.output<T['body']> : never;
export type RouteQuery<T extends RouteContract> = T['query'] extends z.ZodType ? z.output<T['query']> : never;
export type RouteParams<T extends RouteContract> = T['params'] extends z.ZodType ? z.output<T['params']> : never;
export type RouteResponse<T extends RouteContract> = T['response'] extends z.ZodType ? z.input<T['response']> : void;
