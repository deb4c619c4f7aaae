import { applyDecorators, HttpCode, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
import type { HttpMethod, RouteContract } from '../route-contract.js';

// The contracts themselves (defineRoute, access, RouteBody…) are browser-safe: ../route-contract.ts.

export const ROUTE_CONTRACT = Symbol('talkoot:route-contract');

// Every contract bound to a handler, in load order: the OpenAPI document and the access test read it.
export const registeredRoutes: RouteContract[] = [];

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
