import { randomUUID } from 'node:crypto';
import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config.js';
import { ErrorFilter } from './error.filter.js';
import { lowerCaseUuids } from './uuid-case.js';
import { httpRequestDuration } from '../metrics/metrics.js';
import { requestIdFrom, runInRequest } from './request-context.js';
import type { IncomingMessage } from 'node:http';
import { markFormBody } from './validation.interceptor.js';
import { ValidationInterceptor } from './validation.interceptor.js';
import { Reflector } from '@nestjs/core';

export interface HttpAppOptions {
  config: AppConfig;
  bodyLimitBytes?: number;
  // Runs on the raw Fastify instance before routes are registered (hooks such as CSRF checks).
  configureFastify?: (fastify: ReturnType<FastifyAdapter['getInstance']>) => void;
}

export async function createHttpApplication(
  module: Parameters<typeof NestFactory.create>[0],
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const { config } = options;
  const adapter = new FastifyAdapter({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    // One hop: the portal's proxy in front. Its X-Forwarded-For entry is the client's address.
    trustProxy: (_address: string, hop: number) => hop < 1,
    // A caller's (the portal's) x-request-id is kept when it is short and plain.
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers['x-request-id'], randomUUID),
    // Finish in-flight requests on close, refuse new ones.
    return503OnClosing: true,
  });
  const fastify = adapter.getInstance();
  // Photo uploads arrive as raw image bytes (a Buffer for the handler), with a 10 MB limit of their own.
  fastify.removeContentTypeParser('text/plain');
  // JSON is UTF-8 (RFC 8259); Fastify's parser would turn broken bytes into U+FFFD and store them.
  const parseJsonText = fastify.getDefaultJsonParser('error', 'error');
  const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(Object.assign(new Error('The body is not valid UTF-8'), { statusCode: 400 }), undefined);
      return;
    }
    parseJsonText(request, text, done);
  });
  // Read, but refused by the validation interceptor unless the route's contract accepts it.
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16_384 },
    (request, body, done) => {
      markFormBody(request);
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  fastify.addContentTypeParser(
    /^(image\/[\w.+-]+|application\/octet-stream)$/,
    { parseAs: 'buffer', bodyLimit: 10 * 1_048_576 },
    (_request, body, done) => done(null, body),
  );
  // Before guards and handlers (Nest runs both inside the route handler).
  fastify.addHook('preHandler', async (request) => {
    request.params = lowerCaseUuids(request.params);
    request.query = lowerCaseUuids(request.query);
    if (!Buffer.isBuffer(request.body)) request.body = lowerCaseUuids(request.body);
  });
  // Everything the request does runs inside its context (the outbox stamps its rows with the id).
  fastify.addHook('onRequest', (request, _reply, done) => runInRequest(request.id, done));
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    httpRequestDuration().observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: `${Math.floor(reply.statusCode / 100)}xx`,
      },
      reply.elapsedTime / 1000,
    );
  });
  options.configureFastify?.(fastify);
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: config.LOG_LEVEL === 'silent' ? false : new ConsoleLogger({ json: true, colors: false }),
    abortOnError: false,
    // Nest's own parsers would also read application/x-www-form-urlencoded, which no route
    // documents; Fastify's JSON parser (and ours for pictures) is all the api speaks.
    bodyParser: false,
  });
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalInterceptors(new ValidationInterceptor(app.get(Reflector)));
  return app;
}

export type { INestApplication };
