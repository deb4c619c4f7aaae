import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  computedRepresentation,
  isNotModified,
  matchesIfNoneMatch,
  serveRepresentation,
  strongEtagOf,
} from './conditional.js';
import type { RawReply } from './raw-reply.js';
import { nextChangedAt } from './served-version.js';

function fakeReply() {
  const sent = { status: 200, headers: {} as Record<string, string>, type: '' };
  const reply: RawReply = {
    status: (code) => ((sent.status = code), reply),
    header: (name, value) => ((sent.headers[name] = value), reply),
    type: (contentType) => ((sent.type = contentType), reply),
  };
  return { reply, sent };
}

describe('If-None-Match (weak comparison, RFC 9110 §13.1.2)', () => {
  it('matches a strong or weak tag, in a list, and *', () => {
    expect(matchesIfNoneMatch('"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"x",W/"abc" ', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abcd"', '"abc"')).toBe(false);
    expect(matchesIfNoneMatch('abc', '"abc"')).toBe(false);
    expect(matchesIfNoneMatch('', '"abc"')).toBe(false);
    // A comma inside a tag does not split it.
    expect(matchesIfNoneMatch('"a,b"', '"a,b"')).toBe(true);
    expect(matchesIfNoneMatch('"a,b"', '"a"')).toBe(false);
  });

  it('decides alone when present; otherwise If-Modified-Since does, in whole seconds', () => {
    const lastModified = new Date('2026-12-01T10:00:00.700Z');
    const at = 'Tue, 01 Dec 2026 10:00:00 GMT';
    expect(isNotModified({ 'if-modified-since': at }, '"a"', lastModified)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Tue, 01 Dec 2026 09:59:59 GMT' }, '"a"', lastModified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'yesterday' }, '"a"', lastModified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': at, 'if-none-match': '"b"' }, '"a"', lastModified)).toBe(false);
    expect(
      isNotModified({ 'if-modified-since': 'Mon, 30 Nov 2026 00:00:00 GMT', 'if-none-match': '"a"' }, '"a"', lastModified),
    ).toBe(true);
    expect(isNotModified({}, '"a"', lastModified)).toBe(false);
  });
});

describe('Accept-Encoding', () => {
  it('takes gzip when it is allowed, and not when q=0', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('serving a representation', () => {
  const representation = computedRepresentation('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', new Date('2026-12-01T10:00:00Z'));
  const options = { contentType: 'text/calendar; charset=utf-8', cacheControl: 'public, max-age=300' };

  it('sends the validators and the bytes, gzipped with its own ETag when asked', async () => {
    const plain = fakeReply();
    const body = await serveRepresentation({}, plain.reply, representation, options);
    expect(body?.toString()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(plain.sent.headers).toMatchObject({
      etag: strongEtagOf(body!),
      'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT',
      'cache-control': 'public, max-age=300',
      vary: 'accept-encoding',
    });
    const zipped = fakeReply();
    const gzip = await serveRepresentation({ 'accept-encoding': 'gzip' }, zipped.reply, representation, options);
    expect(gunzipSync(gzip!).equals(body!)).toBe(true);
    expect(zipped.sent.headers['content-encoding']).toBe('gzip');
    expect(zipped.sent.headers.etag).toBe(representation.etag.replace(/"$/, '-gzip"'));
  });

  it('answers 304 without reading the bytes', async () => {
    const { reply, sent } = fakeReply();
    const untouchable = { ...representation, bytes: () => Promise.reject(new Error('a 304 must not read the body')) };
    expect(
      await serveRepresentation({ 'if-none-match': `W/${representation.etag}` }, reply, untouchable, options),
    ).toBeUndefined();
    expect(sent.status).toBe(304);
    expect(sent.headers.etag).toBe(representation.etag);
  });
});

describe('when bytes changed', () => {
  it('is whole seconds, and always a later second than the previous version', () => {
    expect(nextChangedAt(null, new Date('2026-12-01T10:00:00.900Z')).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(nextChangedAt(new Date('2026-12-01T10:00:00.000Z'), new Date('2026-12-01T10:00:00.900Z')).toISOString()).toBe(
      '2026-12-01T10:00:01.000Z',
    );
    expect(nextChangedAt(new Date('2026-11-30T08:00:00.300Z'), new Date('2026-12-01T10:00:00.900Z')).toISOString()).toBe(
      '2026-12-01T10:00:00.000Z',
    );
  });
});
