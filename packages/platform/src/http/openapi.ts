import { z } from 'zod';
import { errorBodySchema } from '../schemas.js';
import type { RouteContract } from '../route-contract.js';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function objectProperties(schema: z.ZodType | undefined): [string, JsonSchema, boolean][] {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => [name, property, required.has(name)]);
}

const statusText: Record<number, string> = {
  400: 'Invalid input; `fields` names each problem',
  401: 'Not signed in',
  403: 'Signed in but not allowed',
  404: 'Not found',
  409: 'Conflicts with existing data',
  413: 'Request too large',
  422: 'Refused by a rule',
  429: 'Too many requests; try again later',
};

// The OpenAPI document is generated from the same zod schemas that validate requests.
export function buildOpenApiDocument(
  routes: readonly RouteContract[],
  info: { title: string; version: string; serverUrl: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const status = route.status ?? (route.method === 'POST' ? 201 : route.response ? 200 : 204);
    const parameters = [
      ...objectProperties(route.params).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
      ...objectProperties(route.query).map(([name, schema, required]) => ({ name, in: 'query', required, schema })),
    ];
    const errorStatuses = new Set<number>(route.errors ?? []);
    if (route.body || route.query) errorStatuses.add(400);
    if (route.params) errorStatuses.add(404);
    if (route.access.kind !== 'public') {
      errorStatuses.add(401);
      if (route.access.kind !== 'signedIn') errorStatuses.add(403);
    }
    const responses: Record<string, unknown> = {
      [status]: route.response
        ? { description: 'OK', content: { 'application/json': { schema: toSchema(route.response, 'output') } } }
        : { description: 'Done' },
    };
    for (const code of [...errorStatuses].sort()) {
      responses[code] = {
        description: statusText[code] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/(^|[/-])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`,
      ...(route.access.kind === 'public' ? { security: [] } : {}),
      'x-access': route.access,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } }
        : route.acceptsFormBody
          ? {
              requestBody: {
                required: false,
                content: {
                  'application/x-www-form-urlencoded': { schema: { type: 'object', additionalProperties: { type: 'string' } } },
                },
              },
            }
          : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
    servers: [{ url: info.serverUrl }],
    components: {
      schemas: { Error: toSchema(errorBodySchema, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'talkoot_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths,
  };
}
