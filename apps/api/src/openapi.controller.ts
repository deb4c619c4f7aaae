import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { Controller, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  APP_CONFIG,
  type AppConfig,
  Route,
  access,
  buildOpenApiDocument,
  defineRoute,
  notFound,
  registeredRoutes,
} from '@talkoot/platform';
import { z } from 'zod';

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const docsAssets = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
]);

export const openApiRoute = defineRoute({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This document',
  tag: 'Operations',
  access: access.public,
  status: 200,
});

export const docsRoute = defineRoute({
  method: 'GET',
  path: '/api/docs',
  summary: 'Browsable api documentation',
  tag: 'Operations',
  access: access.public,
  status: 200,
});

export const docsAssetRoute = defineRoute({
  method: 'GET',
  path: '/api/docs/:asset',
  summary: 'Files of the api documentation page',
  tag: 'Operations',
  access: access.public,
  params: z.object({ asset: z.enum(['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js']) }),
  status: 200,
});

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Talkoot API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main id="docs"></main><script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

// No validator: it would load a badge from validator.swagger.io and tell it the document's address.
const docsInit = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true, validatorUrl: null });`;

// The page runs only its own two scripts and reads the document from here; Swagger UI's stylesheet
// draws its icons as data: images. Nothing inline, nothing from elsewhere, never framed.
export const docsContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

@Controller()
export class OpenApiController {
  private document: unknown;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Route(openApiRoute)
  openApi() {
    this.document ??= buildOpenApiDocument(registeredRoutes, {
      title: 'Talkoot API',
      version: '0.1.0',
      serverUrl: this.config.publicOrigin,
    });
    return this.document;
  }

  @Route(docsRoute)
  docs(@Res({ passthrough: true }) reply: FastifyReply) {
    void reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', docsContentSecurityPolicy)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer');
    return docsPage;
  }

  @Route(docsAssetRoute)
  async docsAsset(@Param('asset') asset: string, @Res({ passthrough: true }) reply: FastifyReply) {
    if (asset === 'init.js') {
      void reply.type('text/javascript; charset=utf-8');
      return docsInit;
    }
    const type = docsAssets.get(asset);
    if (!type) throw notFound('The file');
    void reply.type(type).header('cache-control', 'public, max-age=86400');
    return readFile(path.join(swaggerDir, asset));
  }
}
