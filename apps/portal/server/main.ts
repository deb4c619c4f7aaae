import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import { createRequest, sendResponse } from '@remix-run/node-fetch-server';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { imageBodyLimitBytes, registerApiProxy } from './api-proxy.js';
import { drainRequest } from './drain.js';
import { earlyRefusalPage } from './early-refusals.js';
import { ConfigError, readServerConfig } from './config.js';
import { isCrossSiteWrite, refuseCrossSiteWrite } from './cross-site-writes.js';
import { withSecurityHeaders } from './security-headers.js';
import { ContentChanges } from './content-changes.js';
import { FeedChanges } from './feed-validators.js';
import { PageCache, pageCacheHeader, type CachedAnswer, type PageRequest } from './page-cache.js';

// dist/server/main.js -> the package folder, where `react-router build` wrote build/.
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const clientDirectory = path.join(packageRoot, 'build', 'client');
const serverBuildFile = path.join(packageRoot, 'build', 'server', 'index.js');

const MAX_URL_LENGTH = 8_192;

async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  if (!existsSync(serverBuildFile)) {
    throw new ConfigError(`No server build at ${serverBuildFile}: run \`pnpm --filter @talkoot/portal build\` first.`);
  }
  const build = (await import(pathToFileURL(serverBuildFile).href)) as ServerBuild;
  // Actions refuse posts from other origins; behind a proxy the public host is PUBLIC_ORIGIN's.
  const allowedActionOrigins = config.publicOrigin ? [new URL(config.publicOrigin).host] : undefined;
  const handleRequest = createRequestHandler({ ...build, allowedActionOrigins }, 'production');

  // Public pages kept for signed-out readers while the portal hears every data change (ADR 020).
  const changes = config.databaseUrl && config.pageCacheBytes > 0 ? new ContentChanges(config.databaseUrl) : undefined;
  const pageCache = changes ? new PageCache(changes, { maxBytes: config.pageCacheBytes, maxEntries: 2_000 }) : undefined;
  if (changes && pageCache) {
    changes.onChange = (area) => pageCache.dropShowing(area);
    changes.onReset = () => pageCache.clear();
    changes.start();
  }
  // Stored feeds' 304s answered at the public origin while the portal hears their changes (ADR 024).
  const feedChanges = config.databaseUrl ? new FeedChanges(config.databaseUrl) : undefined;
  feedChanges?.start();

  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: (_address: string, hop: number) => hop < config.trustProxy,
    // Long-lived keep-alive connections from the load balancer should not block shutdown.
    forceCloseConnections: 'idle',
    // Node's own limit (16 KB) would drop a long address with a bare 431 and a reset; with room
    // here, the hook below answers 414 properly.
    http: { maxHeaderSize: 65_536 },
    // An address the router cannot decode (`%C0%AE`) is refused before any hook runs.
    frameworkErrors: refuseUnreadableAddress as never,
    // As the api does: a request keeps a short, plain x-request-id it came with, or gets a new one.
    requestIdHeader: false,
    genReqId: (request) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : randomUUID();
    },
  });

  // Addresses are short; one this long is refused (after its body, see drain.ts) before any route.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length <= MAX_URL_LENGTH) return;
    await drainRequest(request.raw);
    reply.status(414).header('connection', 'close').header('cache-control', 'no-store');
    // The api's clients get its error shape; people get a page in their language.
    if (/^\/(api|feeds)(\/|$)/.test(request.url))
      return reply
        .type('application/json; charset=utf-8')
        .send({ error: { code: 'validation_failed', message: 'The address is too long' } });
    const page = earlyRefusalPage(request.headers, 414);
    return reply.header('content-language', page.language).type('text/html; charset=utf-8').send(page.html);
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
  });

  await registerApiProxy(app, config.apiUrl, feedChanges?.validators);

  // Fingerprinted build output: cache for a year.
  await app.register(fastifyStatic, {
    root: path.join(clientDirectory, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '1y',
    logLevel: 'warn',
  });
  // Other public files (favicon): a short cache, one route per file so pages are not shadowed.
  await app.register(fastifyStatic, {
    root: clientDirectory,
    prefix: '/',
    wildcard: false,
    globIgnore: ['assets/**'],
    decorateReply: false,
    maxAge: '1h',
    logLevel: 'warn',
  });

  await app.register(async (pages) => {
    // React Router reads the raw body itself (forms); Fastify must not consume it.
    pages.removeAllContentTypeParsers();
    pages.addContentTypeParser('*', (_request, _payload, done) => done(null));
    pages.all('/*', async (request, reply) => {
      // Forms are small; a picture sent through a page form is at most the api's image limit.
      const declaredLength = Number(request.headers['content-length'] ?? 0);
      if (declaredLength > imageBodyLimitBytes + 65_536) {
        await drainRequest(request.raw);
        const page = earlyRefusalPage(request.headers, 413);
        return reply
          .status(413)
          .header('connection', 'close')
          .header('cache-control', 'no-store')
          .header('content-language', page.language)
          .type('text/html; charset=utf-8')
          .send(page.html);
      }
      reply.hijack();
      // Loaders forward the client's address to the api; never trust one sent by the client.
      request.raw.headers['x-forwarded-for'] = request.ip;
      // And the request's id, so the api's log lines and the jobs it causes carry it.
      request.raw.headers['x-request-id'] = request.id;
      const webRequest = createRequest(request.raw, reply.raw);
      const pageRequest: PageRequest = {
        method: request.method,
        url: new URL(webRequest.url),
        cookieHeader: request.headers.cookie,
        acceptLanguage: request.headers['accept-language'],
        ifNoneMatch: request.headers['if-none-match'],
      };
      let looked = pageCache?.lookup(pageRequest);
      const underWay = looked && 'ticket' in looked ? pageCache?.renderUnderWay(looked.ticket, pageRequest) : undefined;
      if (underWay) {
        await underWay;
        looked = pageCache?.lookup(pageRequest);
      }
      if (looked && 'answer' in looked) return sendCachedAnswer(reply.raw, looked.answer);
      const ticket = looked && 'ticket' in looked ? looked.ticket : undefined;
      const finishRender = ticket && pageCache ? pageCache.startRender(ticket, pageRequest) : () => {};
      try {
        let response: Response;
        try {
          // Every page write (form posts to route actions) passes here, so this is the one place to refuse forged ones.
          response = isCrossSiteWrite(webRequest, config.publicOrigin)
            ? refuseCrossSiteWrite(webRequest)
            : await handleRequest(webRequest);
        } catch (error) {
          request.log.error(error, 'request handler failed');
          response = new Response('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain' } });
        }
        const final = withSecurityHeaders(response, pageRequest.url);
        if (pageCache && ticket && pageCache.shouldStore(ticket, pageRequest, final)) {
          const body = Buffer.from(await final.arrayBuffer());
          return sendCachedAnswer(reply.raw, pageCache.store(ticket, pageRequest, final.headers, body));
        }
        if (final.headers.has(pageCacheHeader)) {
          // A cacheable page rendered for a signed-in reader (or with a cookie set): theirs alone.
          final.headers.delete(pageCacheHeader);
          final.headers.set('x-cache', 'BYPASS');
        }
        await sendResponse(reply.raw, final);
      } finally {
        finishRender();
      }
    });
  });

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    try {
      await app.close();
      await changes?.stop();
      await feedChanges?.stop();
      process.exit(0);
    } catch (error) {
      app.log.error(error, 'error while closing');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  // Fastify logs one "listening" line per network interface; say it once instead.
  app.log.level = 'warn';
  await app.listen({ port: config.port, host: config.host });
  app.log.level = config.logLevel;
  app.log.info(`Talkoot portal listening on http://${config.host}:${config.port} (api ${config.apiUrl})`);
}

function sendCachedAnswer(raw: import('node:http').ServerResponse, answer: CachedAnswer): void {
  raw.writeHead(
    answer.status,
    answer.body ? { ...answer.headers, 'content-length': String(answer.body.length) } : answer.headers,
  );
  raw.end(answer.body ?? undefined);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `portal: ${error.message}` : error);
  process.exit(1);
});

// Read the body first (see drain.ts), then answer in our own error shape, not Fastify's.
function refuseUnreadableAddress(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void drainRequest(request.raw).then(() => {
    void reply.status(400).header('connection', 'close').header('cache-control', 'no-store');
    if (/^\/(api|feeds)(\/|$)/.test(request.url))
      return reply
        .type('application/json; charset=utf-8')
        .send({ error: { code: 'validation_failed', message: 'The address could not be read' } });
    const page = earlyRefusalPage(request.headers, 400);
    return reply.header('content-language', page.language).type('text/html; charset=utf-8').send(page.html);
  });
}
