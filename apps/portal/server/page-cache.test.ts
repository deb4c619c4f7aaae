import { describe, expect, it } from 'vitest';
import { type ChangeTracker, PageCache, type PageRequest, pageCacheHeader, pageKey } from './page-cache.js';

class FakeChanges implements ChangeTracker {
  isListening = true;
  epoch = 0;
  generations: Record<string, number> = {};
  snapshot() {
    return { epoch: this.epoch, generations: { ...this.generations } };
  }
  generationOf(area: string) {
    return this.generations[area] ?? 0;
  }
  change(area: string) {
    this.generations = { ...this.generations, [area]: this.generationOf(area) + 1 };
  }
}

function request(path: string, headers: Partial<PageRequest> = {}): PageRequest {
  return {
    method: 'GET',
    url: new URL(`http://talkoot.test${path}`),
    cookieHeader: undefined,
    acceptLanguage: 'fi',
    ifNoneMatch: undefined,
    ...headers,
  };
}

function rendered(shows = 'events', language = 'fi', nonce = 'abc123') {
  return new Headers({
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `script-src 'self' 'nonce-${nonce}'`,
    [pageCacheHeader]: `shows=${shows}; language=${language}`,
  });
}

// Renders (a miss) and keeps the page, as server/main.ts does.
function renderAndKeep(cache: PageCache, pageRequest: PageRequest, body: string, headers = rendered()) {
  const looked = cache.lookup(pageRequest);
  if (!('ticket' in looked)) throw new Error('expected a miss');
  expect(cache.shouldStore(looked.ticket, pageRequest, { status: 200, headers })).toBe(true);
  return cache.store(looked.ticket, pageRequest, headers, Buffer.from(body));
}

describe('PageCache', () => {
  it('answers the second reader from the kept page with a fresh nonce, and 304 to its ETag', () => {
    const cache = new PageCache(new FakeChanges(), { maxBytes: 1_000_000, maxEntries: 10 });
    const first = renderAndKeep(cache, request('/calendar'), '<script nonce="abc123">1</script>');
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers[pageCacheHeader]).toBeUndefined();
    const looked = cache.lookup(request('/calendar'));
    if (!('answer' in looked)) throw new Error('expected a hit');
    const nonce = /'nonce-([^']+)'/.exec(looked.answer.headers['content-security-policy']!)![1]!;
    expect(nonce).not.toBe('abc123');
    expect(looked.answer.body!.toString()).toBe(`<script nonce="${nonce}">1</script>`);
    const revalidated = cache.lookup(request('/calendar', { ifNoneMatch: first.headers['etag'] }));
    expect('answer' in revalidated && revalidated.answer.status).toBe(304);
  });

  it('names the same page with the same ETag whatever its nonce', () => {
    const a = new PageCache(new FakeChanges(), { maxBytes: 1_000_000, maxEntries: 10 });
    const b = new PageCache(new FakeChanges(), { maxBytes: 1_000_000, maxEntries: 10 });
    const first = renderAndKeep(a, request('/calendar'), '<p nonce="n1">x</p>', rendered('events', 'fi', 'n1'));
    const second = renderAndKeep(b, request('/calendar'), '<p nonce="n2">x</p>', rendered('events', 'fi', 'n2'));
    expect(first.headers['etag']).toBe(second.headers['etag']);
  });

  it('drops a page when an area it shows changes, also one rendered while the change was heard', () => {
    const changes = new FakeChanges();
    const cache = new PageCache(changes, { maxBytes: 1_000_000, maxEntries: 10 });
    renderAndKeep(cache, request('/calendar'), 'old');
    changes.change('venues');
    expect('answer' in cache.lookup(request('/calendar'))).toBe(true);
    changes.change('events');
    expect('answer' in cache.lookup(request('/calendar'))).toBe(false);

    const looked = cache.lookup(request('/calendar'));
    if (!('ticket' in looked)) throw new Error('expected a miss');
    changes.change('events');
    cache.store(looked.ticket, request('/calendar'), rendered(), Buffer.from('maybe stale'));
    expect('answer' in cache.lookup(request('/calendar'))).toBe(false);
  });

  it('neither serves nor keeps while the listener is down', () => {
    const changes = new FakeChanges();
    const cache = new PageCache(changes, { maxBytes: 1_000_000, maxEntries: 10 });
    renderAndKeep(cache, request('/calendar'), 'page');
    changes.isListening = false;
    const looked = cache.lookup(request('/calendar'));
    expect('ticket' in looked && looked.ticket.requestKey).toBe(null);
  });

  it('bypasses signed-in readers and one-shot notices, and keeps nothing with Set-Cookie', () => {
    const cache = new PageCache(new FakeChanges(), { maxBytes: 1_000_000, maxEntries: 10 });
    renderAndKeep(cache, request('/calendar'), 'anonymous');
    for (const cookieHeader of ['talkoot_session=t', '__Host-talkoot_session=t', 'a=b; talkoot_notice=signed_in']) {
      const looked = cache.lookup(request('/calendar', { cookieHeader }));
      expect('ticket' in looked && looked.ticket.requestKey).toBe(null);
    }
    const looked = cache.lookup(request('/venues'));
    if (!('ticket' in looked)) throw new Error('expected a miss');
    const headers = rendered();
    headers.append('set-cookie', 'talkoot_notice=; Max-Age=0');
    expect(cache.shouldStore(looked.ticket, request('/venues'), { status: 200, headers })).toBe(false);
    expect(cache.shouldStore(looked.ticket, request('/venues'), { status: 404, headers: rendered() })).toBe(false);
    expect(cache.shouldStore(looked.ticket, request('/venues', { method: 'POST' }), { status: 200, headers: rendered() })).toBe(
      false,
    );
  });

  it('keeps languages apart, as the renderer chose them', () => {
    const cache = new PageCache(new FakeChanges(), { maxBytes: 1_000_000, maxEntries: 10 });
    renderAndKeep(cache, request('/calendar', { acceptLanguage: 'sv-FI,sv;q=0.9' }), 'svenska', rendered('events', 'sv'));
    renderAndKeep(cache, request('/calendar', { cookieHeader: 'talkoot_lang=en' }), 'english', rendered('events', 'en'));
    const swedish = cache.lookup(request('/calendar', { acceptLanguage: 'sv-FI,sv;q=0.9' }));
    const english = cache.lookup(request('/calendar', { cookieHeader: 'talkoot_lang=en', acceptLanguage: 'sv' }));
    expect('answer' in swedish && swedish.answer.body!.toString()).toBe('svenska');
    expect('answer' in english && english.answer.body!.toString()).toBe('english');
    expect('answer' in cache.lookup(request('/calendar', { acceptLanguage: 'fi' }))).toBe(false);
  });

  it('evicts the least recently used pages beyond its entries and bytes', () => {
    const cache = new PageCache(new FakeChanges(), { maxBytes: 20_000, maxEntries: 3 });
    for (const path of ['/a', '/b', '/c']) renderAndKeep(cache, request(path), 'x'.repeat(100));
    cache.lookup(request('/a'));
    renderAndKeep(cache, request('/d'), 'x'.repeat(100));
    expect('answer' in cache.lookup(request('/b'))).toBe(false);
    expect('answer' in cache.lookup(request('/a'))).toBe(true);
    renderAndKeep(cache, request('/e'), 'x'.repeat(4_000));
    renderAndKeep(cache, request('/f'), 'x'.repeat(4_000));
    expect(cache.size.bytes).toBeLessThanOrEqual(20_000);
    expect(cache.size.entries).toBeLessThanOrEqual(3);
  });

  it('expires a page after a minute: pages show the time too', () => {
    let now = 0;
    const cache = new PageCache(new FakeChanges(), { maxBytes: 1_000_000, maxEntries: 10, now: () => now });
    renderAndKeep(cache, request('/calendar'), 'page');
    now = 59_000;
    expect('answer' in cache.lookup(request('/calendar'))).toBe(true);
    now = 61_000;
    expect('answer' in cache.lookup(request('/calendar'))).toBe(false);
  });

  it('lets readers of a page kept before wait for its one render after a change', async () => {
    const changes = new FakeChanges();
    const cache = new PageCache(changes, { maxBytes: 1_000_000, maxEntries: 10 });
    renderAndKeep(cache, request('/calendar'), 'old');
    changes.change('events');
    const first = cache.lookup(request('/calendar'));
    if (!('ticket' in first)) throw new Error('expected a miss');
    const finish = cache.startRender(first.ticket, request('/calendar'));
    const second = cache.lookup(request('/calendar'));
    const underWay = 'ticket' in second ? cache.renderUnderWay(second.ticket, request('/calendar')) : undefined;
    expect(underWay).toBeDefined();
    cache.store(first.ticket, request('/calendar'), rendered(), Buffer.from('new'));
    finish();
    await underWay;
    const after = cache.lookup(request('/calendar'));
    expect('answer' in after && after.answer.body!.toString()).toBe('new');
    // Another language's readers do not wait for it.
    const swedish = cache.lookup(request('/calendar', { acceptLanguage: 'sv' }));
    expect(
      'ticket' in swedish && cache.renderUnderWay(swedish.ticket, request('/calendar', { acceptLanguage: 'sv' })),
    ).toBeFalsy();
  });

  it('treats reordered query parameters as one page', () => {
    expect(pageKey(new URL('http://t.test/calendar?view=month&month=2027-06'), 'fi')).toBe(
      pageKey(new URL('http://t.test/calendar?month=2027-06&view=month'), 'fi'),
    );
  });
});
