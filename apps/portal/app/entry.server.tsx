import { PassThrough } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { createReadableStreamFromReadable } from '@react-router/node';
import { isbot } from 'isbot';
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from 'react-dom/server';
import { ServerRouter, type EntryContext, type RouterContextProvider } from 'react-router';
import { pageCacheMark } from './lib/page-cache';
import { buildContentSecurityPolicy, type PageSecurity } from './lib/security';

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  _loadContext: RouterContextProvider,
) {
  // A fresh nonce per page: React Router's inline hydration scripts carry it, nothing else may run.
  const nonce = randomBytes(16).toString('base64');
  if (!import.meta.env.DEV) {
    responseHeaders.set('Content-Security-Policy', buildContentSecurityPolicy(nonce, collectPageSecurity(routerContext)));
  }

  // Public pages whose route says which data they show may be kept for signed-out readers; the
  // portal's server decides and removes this mark (server/page-cache.ts, ADR 020).
  const pageCache = pageCacheMark(routerContext);
  if (pageCache) responseHeaders.set(pageCache.header, pageCache.value);

  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get('user-agent');
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady';
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      [readyOption]() {
        shellRendered = true;
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeoutId);
            timeoutId = undefined;
            callback();
          },
        });
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        pipe(body);
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
  });
}

// Routes may loosen the policy for their page through `handle.security` (the dev mailbox shows
// e-mail HTML with inline styles and remote images in a sandboxed frame).
function collectPageSecurity(routerContext: EntryContext): PageSecurity {
  const security: PageSecurity = {};
  for (const match of routerContext.staticHandlerContext.matches) {
    const handle = routerContext.routeModules[match.route.id]?.handle as { security?: PageSecurity } | undefined;
    if (handle?.security?.allowInlineStyles) security.allowInlineStyles = true;
    if (handle?.security?.allowRemoteImages) security.allowRemoteImages = true;
  }
  return security;
}
