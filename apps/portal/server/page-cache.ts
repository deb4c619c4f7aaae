import { createHash, randomBytes } from 'node:crypto';

// Rendered public pages kept for signed-out readers (ADR 020). A page is kept by its address (query
// sorted) and language, with the generation of every data area it shows; a change to one of those
// areas (ContentChanges) drops it. Bounded by entries and bytes, least recently used first.

// The header the page renderer (app/entry.server.tsx) sets on a page whose route opts in; never sent.
export const pageCacheHeader = 'x-talkoot-page-cache';

// Cookies that make a page personal or one-shot: with one of them the cache is not consulted.
const personalCookies = new Set(['talkoot_session', '__Host-talkoot_session', 'talkoot_notice']);
const languageCookie = 'talkoot_lang';

// Besides the data, a page shows the time (today's date, which dates are past); a minute is the limit.
const DEFAULT_MAX_AGE_MS = 60_000;
const LANGUAGE_CHOICES_KEPT = 1_000;
const NONCE_MARK = 'page-cache-nonce';

export type Generations = Readonly<Record<string, number>>;

// What the cache needs to know about data changes (ContentChanges implements it).
export interface ChangeTracker {
  // True only while every change is certain to be heard.
  readonly isListening: boolean;
  // The generation of each area, copied: taken before a page is rendered.
  snapshot(): { epoch: number; generations: Generations };
  readonly epoch: number;
  generationOf(area: string): number;
}

export interface PageCacheOptions {
  maxBytes: number;
  maxEntries: number;
  maxAgeMs?: number;
  now?: () => number;
}

export interface PageRequest {
  method: string;
  // Origin, path and query as the page renderer sees them.
  url: URL;
  cookieHeader: string | undefined;
  acceptLanguage: string | undefined;
  ifNoneMatch: string | undefined;
}

export interface CachedAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

interface Entry {
  key: string;
  etag: string;
  // The body split at its Content-Security-Policy nonce, so each answer gets a fresh one.
  bodyParts: Buffer[];
  headers: Record<string, string>;
  shows: string[];
  epoch: number;
  generations: Record<string, number>;
  storedAt: number;
  bytes: number;
}

export interface RenderTicket {
  // Null: this request may not be answered from, nor stored in, the cache.
  requestKey: string | null;
  epoch: number;
  generations: Generations;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  // Which language a reader's cookie and Accept-Language lead to, as the renderer decided it.
  private readonly languageChoices = new Map<string, string>();
  // Renders under way of pages that were kept before: readers arriving meanwhile wait for them
  // rather than render the same page again (after a change, 20 readers cost one render).
  private readonly rendering = new Map<string, Promise<void>>();
  private readonly keptBefore = new Set<string>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly changes: ChangeTracker,
    private readonly options: PageCacheOptions,
  ) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  // Before rendering: a kept page to answer with, or a ticket for storing what gets rendered.
  lookup(request: PageRequest): { answer: CachedAnswer } | { ticket: RenderTicket } {
    const { epoch, generations } = this.changes.snapshot();
    const requestKey = this.isAnonymousRead(request) ? languageInputsKey(request) : null;
    const ticket: RenderTicket = { requestKey, epoch, generations };
    if (requestKey === null) return { ticket };
    const language = this.languageChoices.get(requestKey);
    const entry = language === undefined ? undefined : this.entries.get(pageKey(request.url, language));
    if (!entry || !this.isFresh(entry)) {
      this.misses += 1;
      return { ticket };
    }
    // Least recently used goes first: move this one to the end.
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    this.hits += 1;
    const age = String(Math.floor((this.now() - entry.storedAt) / 1000));
    if (matchesEtag(request.ifNoneMatch, entry.etag)) {
      return { answer: { status: 304, headers: notModifiedHeaders(entry.headers, 'HIT', age), body: null } };
    }
    const nonce = randomBytes(16).toString('base64');
    const headers: Record<string, string> = { ...entry.headers, 'x-cache': 'HIT', age };
    if (headers['content-security-policy'])
      headers['content-security-policy'] = headers['content-security-policy'].replaceAll(NONCE_MARK, nonce);
    return { answer: { status: 200, headers, body: request.method === 'HEAD' ? null : joinParts(entry.bodyParts, nonce) } };
  }

  // A render of this very page (same address and language inputs) that this request can wait for.
  renderUnderWay(ticket: RenderTicket, request: PageRequest): Promise<void> | undefined {
    return ticket.requestKey === null ? undefined : this.rendering.get(renderKey(ticket, request));
  }

  // Announces a render of a page kept before; call the returned function when it is kept (or not).
  startRender(ticket: RenderTicket, request: PageRequest): () => void {
    if (ticket.requestKey === null || request.method !== 'GET') return () => {};
    const key = renderKey(ticket, request);
    if (!this.keptBefore.has(key) || this.rendering.has(key)) return () => {};
    let finish = () => {};
    this.rendering.set(
      key,
      new Promise<void>((resolve) => {
        finish = resolve;
      }),
    );
    return () => {
      this.rendering.delete(key);
      finish();
    };
  }

  // Whether a rendered answer may be kept: the route opted in, nobody is signed in, nothing is set.
  shouldStore(ticket: RenderTicket, request: PageRequest, response: { status: number; headers: Headers }): boolean {
    return (
      ticket.requestKey !== null &&
      request.method === 'GET' &&
      response.status === 200 &&
      response.headers.has(pageCacheHeader) &&
      !response.headers.has('set-cookie')
    );
  }

  // Keeps a rendered page (its headers final, body complete) and says how to answer this request.
  store(ticket: RenderTicket, request: PageRequest, headers: Headers, body: Buffer): CachedAnswer {
    const marks = parsePageCacheHeader(headers.get(pageCacheHeader) ?? '');
    const kept: Record<string, string> = {};
    headers.forEach((value, name) => {
      if (name !== pageCacheHeader && name !== 'set-cookie' && name !== 'content-length') kept[name] = value;
    });
    kept['cache-control'] = 'private, no-cache';
    kept['vary'] = 'Cookie, Accept-Language';
    const nonce = /'nonce-([^']+)'/.exec(kept['content-security-policy'] ?? '')?.[1];
    const bodyParts = nonce ? splitBuffer(body, Buffer.from(nonce)) : [body];
    if (nonce) kept['content-security-policy'] = kept['content-security-policy']!.replaceAll(nonce, NONCE_MARK);
    const etag = `W/"${hashParts(bodyParts)}"`;
    kept['etag'] = etag;

    const language = marks.language;
    const requestKey = ticket.requestKey!;
    if (language) {
      if (this.languageChoices.size >= LANGUAGE_CHOICES_KEPT) this.languageChoices.clear();
      this.languageChoices.set(requestKey, language);
    }
    // A change heard while rendering, or a lost listener, leaves the page unkept (it may be stale).
    const isCurrent =
      language !== undefined &&
      this.changes.isListening &&
      ticket.epoch === this.changes.epoch &&
      marks.shows.every((area) => (ticket.generations[area] ?? 0) === this.changes.generationOf(area));
    if (isCurrent && body.length <= this.options.maxBytes / 4) {
      const key = pageKey(request.url, language);
      const entry: Entry = {
        key,
        etag,
        bodyParts,
        headers: kept,
        shows: marks.shows,
        epoch: ticket.epoch,
        generations: Object.fromEntries(marks.shows.map((area) => [area, ticket.generations[area] ?? 0])),
        storedAt: this.now(),
        bytes: body.length + 1_024,
      };
      this.remove(key);
      this.entries.set(key, entry);
      if (this.keptBefore.size >= this.options.maxEntries * 4) this.keptBefore.clear();
      this.keptBefore.add(renderKey(ticket, request));
      this.bytes += entry.bytes;
      this.evict();
    }
    if (matchesEtag(request.ifNoneMatch, etag)) {
      return { status: 304, headers: notModifiedHeaders(kept, 'MISS', '0'), body: null };
    }
    const fresh: Record<string, string> = { ...kept, 'x-cache': 'MISS' };
    if (nonce) fresh['content-security-policy'] = fresh['content-security-policy']!.replaceAll(NONCE_MARK, nonce);
    return { status: 200, headers: fresh, body };
  }

  // A data area changed: its pages go at once (lookups would refuse them anyway).
  dropShowing(area: string): void {
    for (const entry of this.entries.values()) if (entry.shows.includes(area)) this.remove(entry.key);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private isAnonymousRead(request: PageRequest): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (!this.changes.isListening) return false;
    return !cookieNames(request.cookieHeader).some((name) => personalCookies.has(name));
  }

  private isFresh(entry: Entry): boolean {
    if (!this.changes.isListening || entry.epoch !== this.changes.epoch) return false;
    if (this.now() - entry.storedAt > (this.options.maxAgeMs ?? DEFAULT_MAX_AGE_MS)) return false;
    return entry.shows.every((area) => entry.generations[area] === this.changes.generationOf(area));
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) return;
      this.remove(key);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

// The language the renderer picks depends on the language cookie, else Accept-Language (the
// session's user language never applies: signed-in readers bypass the cache).
function languageInputsKey(request: PageRequest): string {
  const cookie = cookieValue(request.cookieHeader, languageCookie) ?? '';
  return `${cookie}|${cookie ? '' : (request.acceptLanguage ?? '')}`;
}

function renderKey(ticket: RenderTicket, request: PageRequest): string {
  return `${ticket.requestKey} ${pageKey(request.url, '')}`;
}

// Query parameters sorted, so `?view=month&date=…` and `?date=…&view=month` are one page.
export function pageKey(url: URL, language: string): string {
  const params = [...url.searchParams].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${language} ${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

export function parsePageCacheHeader(value: string): { shows: string[]; language: string | undefined } {
  const fields = new Map(
    value.split(';').map((part) => {
      const [name = '', field = ''] = part.split('=');
      return [name.trim(), field.trim()] as const;
    }),
  );
  const shows = (fields.get('shows') ?? '').split(',').filter((area) => area.length > 0);
  return { shows, language: fields.get('language') || undefined };
}

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === opaque;
  });
}

function notModifiedHeaders(headers: Record<string, string>, cache: string, age: string): Record<string, string> {
  // No Content-Security-Policy: the browser keeps the one that came with its copy (and its nonce).
  return {
    etag: headers['etag']!,
    'cache-control': headers['cache-control']!,
    vary: headers['vary']!,
    'x-cache': cache,
    age,
  };
}

function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(';').map((part) => part.slice(0, Math.max(0, part.indexOf('='))).trim());
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || undefined;
  }
  return undefined;
}

function splitBuffer(body: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(separator); at !== -1; at = body.indexOf(separator, start)) {
    parts.push(body.subarray(start, at));
    start = at + separator.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

function joinParts(parts: Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0]!;
  const separator = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(separator);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

// The ETag names the page apart from its nonce, so every portal replica gives the same page the same tag.
function hashParts(parts: Buffer[]): string {
  const hash = createHash('sha256');
  parts.forEach((part, index) => {
    if (index > 0) hash.update(NONCE_MARK);
    hash.update(part);
  });
  return hash.digest('base64url').slice(0, 27);
}
