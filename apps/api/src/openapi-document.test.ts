import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedDocumentText } from './openapi-document.js';

describe('the committed OpenAPI document', () => {
  it('is what the route contracts say today', () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/openapi.json'), 'utf8');
    // A failure here means a contract changed: run `pnpm openapi` and commit docs/openapi.json.
    expect(committed === committedDocumentText(), 'docs/openapi.json is stale: run pnpm openapi and commit it').toBe(true);
  });

  it('lists the routes people and calendar apps use, with their methods', () => {
    const document = JSON.parse(committedDocumentText()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/api/bookings'] ?? {})).toContain('post');
    expect(Object.keys(document.paths['/feeds/calendar.ics'] ?? {})).toContain('get');
    expect(Object.keys(document.paths['/api/openapi.json'] ?? {})).toContain('get');
  });
});
