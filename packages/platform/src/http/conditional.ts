import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { RawReply } from './raw-reply.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordServedVersion } from './served-version.js';

// Serving bytes that calendar apps and caches poll (iCalendar feeds, .ics files): validators
// first, the body only when it is sent, gzip once per version. RFC 9110 §8.8 and §13.

export interface EncodedBytes {
  plain: Buffer;
  gzip: Buffer;
}

export interface Representation {
  /** Strong entity tag of the identity-encoded bytes, quoted: `"…"`. */
  etag: string;
  /** When the bytes last changed (whole seconds): Last-Modified, compared with If-Modified-Since. */
  lastModified: Date;
  /** Called only when a body is sent: a 304 never reads or compresses it. */
  bytes(): EncodedBytes | Promise<EncodedBytes>;
}

export interface ServeOptions {
  contentType: string;
  cacheControl: string;
  /** More response headers, e.g. Content-Disposition or Referrer-Policy. */
  headers?: Record<string, string>;
}

export type RequestHeaders = Record<string, string | string[] | undefined>;

function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A strong ETag for the bytes: the same bytes give the same tag in every process. */
export function strongEtagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

const opaqueTag = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/**
 * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/"x"` matches `"x"`. The field is
 * a list (`"a", W/"b"`) or `*`, which matches any current representation.
 */
export function matchesIfNoneMatch(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  // An entity tag may itself hold commas, so the list is read tag by tag, not split on commas.
  const tags = ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? [];
  return tags.some((tag) => opaqueTag(tag) === opaqueTag(etag));
}

/** Whether the representation changed after the If-Modified-Since date; an unreadable date is ignored. */
export function isModifiedSince(ifModifiedSince: string, lastModified: Date): boolean {
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return true;
  // HTTP dates have whole seconds.
  return Math.floor(lastModified.getTime() / 1000) * 1000 > since;
}

/** RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since. */
export function isNotModified(headers: RequestHeaders, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = headerValue(headers, 'if-none-match');
  if (ifNoneMatch !== undefined) return matchesIfNoneMatch(ifNoneMatch, etag);
  const ifModifiedSince = headerValue(headers, 'if-modified-since');
  if (ifModifiedSince !== undefined) return !isModifiedSince(ifModifiedSince, lastModified);
  return false;
}

/** Accept-Encoding allows gzip: named with q > 0, or `*` with q > 0 when gzip is not named. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of acceptEncoding.split(',')) {
    const [coding = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (coding === 'gzip' || coding === 'x-gzip') gzip = Number.isNaN(weight) ? 0 : weight;
    else if (coding === '*') any = Number.isNaN(weight) ? 0 : weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

/**
 * Answers a GET for stored or computed bytes: ETag (each encoding its own strong tag), Last-Modified,
 * Cache-Control and Vary always; 304 without reading the body when the request's validators match;
 * otherwise the bytes, gzipped when the client accepts it. Returns what the handler should return.
 */
export async function serveRepresentation(
  headers: RequestHeaders,
  reply: RawReply,
  representation: Representation,
  options: ServeOptions,
): Promise<Buffer | undefined> {
  const isGzip = acceptsGzip(headerValue(headers, 'accept-encoding'));
  // Each encoding is its own representation, so it has its own strong ETag.
  const etag = isGzip ? representation.etag.replace(/"$/, '-gzip"') : representation.etag;
  void reply
    .header('etag', etag)
    .header('last-modified', representation.lastModified.toUTCString())
    .header('cache-control', options.cacheControl)
    .header('vary', 'accept-encoding');
  for (const [name, value] of Object.entries(options.headers ?? {})) void reply.header(name, value);
  if (isNotModified(headers, etag, representation.lastModified)) {
    void reply.status(304);
    return undefined;
  }
  const bytes = await representation.bytes();
  void reply.type(options.contentType);
  if (!isGzip) return bytes.plain;
  void reply.header('content-encoding', 'gzip');
  return bytes.gzip;
}

// Gzipped bytes of recently served computed representations, per ETag (the same bytes compress
// the same): a feed polled by many calendar apps is compressed once per version, not per request.
const GZIP_MEMORY_LIMIT_BYTES = 32 * 1_048_576;
const gzipMemory = new Map<string, Buffer>();
let gzipMemoryBytes = 0;

/** The gzip encoding of bytes whose strong ETag is `etag`, compressed once and kept in memory. */
export function gzipOnce(etag: string, plain: Buffer): Buffer {
  const remembered = gzipMemory.get(etag);
  if (remembered) {
    // Most recently used last: the oldest go first.
    gzipMemory.delete(etag);
    gzipMemory.set(etag, remembered);
    return remembered;
  }
  const gzip = gzipSync(plain, { level: 6 });
  gzipMemory.set(etag, gzip);
  gzipMemoryBytes += gzip.length;
  for (const [oldEtag, old] of gzipMemory) {
    if (gzipMemoryBytes <= GZIP_MEMORY_LIMIT_BYTES || oldEtag === etag) break;
    gzipMemory.delete(oldEtag);
    gzipMemoryBytes -= old.length;
  }
  return gzip;
}

/** A representation of bytes computed per request, whose change time is recorded elsewhere. */
export function computedRepresentation(body: string | Buffer, lastModified: Date, etag = strongEtagOf(body)): Representation {
  const plain = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { etag, lastModified, bytes: () => ({ plain, gzip: gzipOnce(etag, plain) }) };
}

/**
 * Bytes computed per request (a venue's feed, an event's .ics) as a representation whose
 * Last-Modified is when these bytes were first served under `key`, in any api process.
 */
export async function versionedRepresentation(
  em: EntityManager,
  key: string,
  body: string | Buffer,
  now = new Date(),
): Promise<Representation> {
  const etag = strongEtagOf(body);
  return computedRepresentation(body, await recordServedVersion(em, key, etag, now), etag);
}
