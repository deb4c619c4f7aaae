import { PgListener } from '@talkoot/platform/pg-listener';

// Calendar apps ask for their feed every hour with If-None-Match, and nearly every answer is a 304.
// The stored feeds (the region's and an organisation's, ADR 019) announce every change on the
// channel `feed_snapshots`, so the public origin can answer such a 304 itself when the api gave
// that ETag for the same address and encodings a moment ago — no hop to the api (ADR 024).
// Trusted only while the listening connection is up, forgotten on any change, and never longer
// than a few seconds: the api must still see the feed asked for (a stale feed past the worker's
// grace is rebuilt on request, and it notes that the feed is still read).
export const feedSnapshotsChannel = 'feed_snapshots';
const storedFeedPath = /^\/feeds\/(calendar\.ics|organisations\/[^/]+\.ics)$/;
const replayedHeaders = ['etag', 'last-modified', 'cache-control', 'vary', 'content-type'] as const;
const MAX_REMEMBERED = 1_000;

interface Remembered {
  etag: string;
  headers: Record<string, string>;
  until: number;
}

export interface FeedValidatorOptions {
  ttlMs?: number;
  now?: () => number;
}

export class FeedValidators {
  private remembered = new Map<string, Remembered>();
  private generation = 0;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly isListening: () => boolean,
    options: FeedValidatorOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  static isStoredFeed(url: string): boolean {
    const question = url.indexOf('?');
    return storedFeedPath.test(question === -1 ? url : url.slice(0, question));
  }

  // What the request's generation is when it leaves for the api: an answer that raced a change
  // must not be remembered.
  begin(): number {
    return this.generation;
  }

  // The headers of a 304 when the request's If-None-Match names the ETag remembered for it.
  notModified(
    url: string,
    acceptEncoding: string | undefined,
    ifNoneMatch: string | undefined,
  ): Record<string, string> | undefined {
    if (!ifNoneMatch || !this.isListening()) return undefined;
    const key = keyOf(url, acceptEncoding);
    const known = this.remembered.get(key);
    if (!known) return undefined;
    if (known.until <= this.now()) {
      this.remembered.delete(key);
      return undefined;
    }
    return matches(ifNoneMatch, known.etag) ? known.headers : undefined;
  }

  // The api's answer (200 or 304) for a stored feed: its ETag is current for a few seconds.
  learn(
    url: string,
    acceptEncoding: string | undefined,
    status: number,
    headers: (name: string) => unknown,
    generation: number,
  ): void {
    if ((status !== 200 && status !== 304) || generation !== this.generation || !this.isListening()) return;
    const etag = headers('etag');
    if (typeof etag !== 'string' || etag === '') return;
    const replayed: Record<string, string> = {};
    for (const name of replayedHeaders) {
      const value = headers(name);
      if (typeof value === 'string' && !(status === 304 && name === 'content-type')) replayed[name] = value;
    }
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(keyOf(url, acceptEncoding), { etag, headers: replayed, until: this.now() + this.ttlMs });
  }

  forget(): void {
    this.generation += 1;
    this.remembered.clear();
  }
}

// The portal's listener for stored feeds; without a database (no DATABASE_URL) there is none and
// every request goes to the api.
export class FeedChanges {
  private readonly listener: PgListener;
  readonly validators: FeedValidators;

  constructor(databaseUrl: string, options: FeedValidatorOptions = {}) {
    this.validators = new FeedValidators(() => this.listener.listening, options);
    this.listener = new PgListener(databaseUrl, feedSnapshotsChannel, {
      onNotification: () => this.validators.forget(),
      onReset: () => this.validators.forget(),
    });
  }

  start(): void {
    this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }
}

function keyOf(url: string, acceptEncoding: string | undefined): string {
  return `${(acceptEncoding ?? '').toLowerCase().replace(/\s+/g, '')} ${url}`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

function matches(ifNoneMatch: string, etag: string): boolean {
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
