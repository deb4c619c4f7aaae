import { Readable } from 'node:stream';
import fastifyHttpProxy from '@fastify/http-proxy';
import { drainRequest } from './drain.js';
import { FeedValidators } from './feed-validators.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// The api's own limits (packages/platform/src/http/bootstrap.ts), enforced again at the public
// origin: a body the api would refuse is refused here before it is streamed on, so an early 413
// from the api can never tear down a half-sent proxied request.
export const jsonBodyLimitBytes = 1_048_576;
export const imageBodyLimitBytes = 10 * 1_048_576;
const imageContentType = /^(image\/[\w.+-]+|application\/octet-stream)$/;

// The client's bytes, read whole, handed on as a stream: the proxy would re-encode a parsed body.
class BufferedBody extends Readable {
  readonly byteLength: number;

  constructor(bytes: Buffer) {
    super();
    this.byteLength = bytes.length;
    this.push(bytes);
    this.push(null);
  }

  override _read(): void {}
}

const clientAddress = Symbol('talkoot:client-address');
type WithClientAddress = FastifyRequest & { [clientAddress]?: string };

// Only a refused or reset connection is tried again (the api is starting or restarting), only for
// reads, and briefly. An answer of the api, 503 included, is passed on at once: reply-from's own
// default retried a GET answered 503 up to ten times, so /api/readyz took over 15 s to say "not
// ready" while the queue store was down. Health checks are never retried: they must answer fast.
const connectionFailures = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const retryDelaysMs = [100, 200, 300];
const healthPaths = new Set(['/api/healthz', '/api/readyz']);

export function proxyRetryDelay({
  err,
  req,
  res,
  attempt,
}: {
  err?: Error | null;
  req: { method?: string; url?: unknown };
  res?: unknown;
  attempt: number;
}): number | null {
  const code = (err as NodeJS.ErrnoException | null | undefined)?.code;
  if (res || !code || !connectionFailures.has(code)) return null;
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  if (healthPaths.has(new URL(String(req.url ?? ''), 'http://api').pathname)) return null;
  return retryDelaysMs[attempt] ?? null;
}

interface ProxyError {
  statusCode?: number;
  code?: string;
}

// The api's error shape, so a caller sees the same answer at the api and through the portal.
function sendApiError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ error: { code, message } });
}

const feedGeneration = Symbol('talkoot:feed-generation');
type WithFeedGeneration = FastifyRequest & { [feedGeneration]?: number };

export async function registerApiProxy(app: FastifyInstance, apiUrl: string, feeds?: FeedValidators): Promise<void> {
  await app.register(async (scope) => {
    // Read once while the socket is there: an upstream that answers early may close it.
    scope.addHook('onRequest', async (request) => {
      (request as WithClientAddress)[clientAddress] = request.ip;
      // Fastify never reads the body of a GET, HEAD or TRACE; one sent anyway was left unread, and
      // closing the connection over it reset the client before it saw the answer. Read and drop it.
      const raw = request.raw;
      const hasBody = Number(raw.headers['content-length'] ?? 0) > 0 || raw.headers['transfer-encoding'] !== undefined;
      if (hasBody && (request.method === 'GET' || request.method === 'HEAD' || request.method === 'TRACE'))
        await drainRequest(raw);
    });
    if (feeds) {
      // A stored feed's If-None-Match is answered here when the api gave that ETag a moment ago
      // (ADR 024); after the hook above, so a stray GET body is still read first.
      scope.addHook('onRequest', async (request, reply) => {
        if ((request.method !== 'GET' && request.method !== 'HEAD') || !FeedValidators.isStoredFeed(request.url)) return;
        const acceptEncoding = request.headers['accept-encoding'];
        const headers = feeds.notModified(request.url, acceptEncoding, request.headers['if-none-match']);
        if (headers) return reply.status(304).headers(headers).header('x-cache', 'HIT').send();
        (request as WithFeedGeneration)[feedGeneration] = feeds.begin();
      });
      scope.addHook('onSend', async (request, reply, payload) => {
        const generation = (request as WithFeedGeneration)[feedGeneration];
        if (generation !== undefined)
          feeds.learn(
            request.url,
            request.headers['accept-encoding'],
            reply.statusCode,
            (name) => reply.getHeader(name),
            generation,
          );
        return payload;
      });
    }
    // Bodies are read whole, as bytes, within the api's limits: Fastify refuses a larger one
    // (by its Content-Length, or while reading a chunked one) with 413 before it reaches the api.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(imageContentType, { parseAs: 'buffer', bodyLimit: imageBodyLimitBytes }, (_request, body, done) =>
      done(null, new BufferedBody(body as Buffer)),
    );
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: jsonBodyLimitBytes }, (_request, body, done) =>
      done(null, new BufferedBody(body as Buffer)),
    );
    scope.setErrorHandler(async (error: ProxyError, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        await drainRequest(request.raw);
        reply.header('connection', 'close');
      }
      if (status === 413) return sendApiError(reply, 413, 'payload_too_large', 'The request is too large');
      if (status === 415) return sendApiError(reply, 415, 'unsupported_media_type', 'This kind of content is not accepted here');
      if (status >= 400 && status < 500) return sendApiError(reply, status, 'validation_failed', 'The request could not be read');
      request.log.error(error, 'proxy to the api failed');
      return sendApiError(reply, 503, 'api_unavailable', 'The service is not available right now. Please try again in a moment.');
    });
    for (const prefix of ['/api', '/feeds']) {
      await scope.register(fastifyHttpProxy, {
        upstream: apiUrl,
        prefix,
        rewritePrefix: prefix,
        proxyPayloads: false,
        replyOptions: {
          retryDelay: proxyRetryDelay,
          // The api sees the browser's address for rate limiting.
          rewriteRequestHeaders: (request, headers) => {
            const forwarded: Record<string, string | string[] | undefined> = {
              ...headers,
              'x-forwarded-for': (request as WithClientAddress)[clientAddress] ?? '',
              // One id for the portal's log line and the api's (and the jobs the request causes).
              'x-request-id': String(request.id),
            };
            if (request.body instanceof BufferedBody) {
              delete forwarded['transfer-encoding'];
              forwarded['content-length'] = String(request.body.byteLength);
            }
            return forwarded;
          },
          onError: (reply, { error }) => {
            reply.log.error(error, 'proxy to the api failed');
            if (!reply.sent)
              void sendApiError(
                reply as unknown as FastifyReply,
                503,
                'api_unavailable',
                'The service is not available right now. Please try again in a moment.',
              );
          },
        },
      });
    }
  });
}
