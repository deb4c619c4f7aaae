import { buildOpenApiDocument, registeredRoutes } from '@talkoot/platform';
// Importing the module graph registers every route contract (the @Route decorators run on import).
import './app.module.js';

// The document `GET /api/openapi.json` serves, for a given public origin. docs/openapi.json is this
// document for `npm start`'s origin, committed so that a change to the api shows in review.
export function apiDocument(serverUrl: string) {
  return buildOpenApiDocument(registeredRoutes, { title: 'Talkoot API', version: '0.1.0', serverUrl });
}

export const COMMITTED_DOCUMENT_ORIGIN = 'http://localhost:3000';

export function committedDocumentText(): string {
  return `${JSON.stringify(apiDocument(COMMITTED_DOCUMENT_ORIGIN), null, 2)}\n`;
}
