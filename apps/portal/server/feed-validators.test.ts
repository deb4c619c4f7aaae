import { describe, expect, it } from 'vitest';
import { FeedValidators } from './feed-validators.js';

const headersOf =
  (values: Record<string, string>) =>
  (name: string): unknown =>
    values[name];
const feedHeaders = headersOf({
  etag: '"v1-gzip"',
  'cache-control': 'public, max-age=300',
  vary: 'Accept-Encoding',
  'content-type': 'text/calendar; charset=utf-8',
});

function validators(listening = true) {
  let now = 1_000;
  const state = { listening };
  const feeds = new FeedValidators(() => state.listening, { ttlMs: 5_000, now: () => now });
  return { feeds, state, advance: (ms: number) => (now += ms) };
}

describe('feed validators at the public origin', () => {
  it('answers 304 for the ETag the api gave for the same address and encodings', () => {
    const { feeds } = validators();
    feeds.learn('/feeds/calendar.ics', 'gzip', 200, feedHeaders, feeds.begin());
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', '"v1-gzip"')).toEqual({
      etag: '"v1-gzip"',
      'cache-control': 'public, max-age=300',
      vary: 'Accept-Encoding',
      'content-type': 'text/calendar; charset=utf-8',
    });
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', 'W/"v1-gzip", "other"')).toBeDefined();
  });

  it('goes to the api for another ETag, another encoding, another address or no If-None-Match', () => {
    const { feeds } = validators();
    feeds.learn('/feeds/calendar.ics', 'gzip', 200, feedHeaders, feeds.begin());
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', '"v0-gzip"')).toBeUndefined();
    expect(feeds.notModified('/feeds/calendar.ics', 'identity', '"v1-gzip"')).toBeUndefined();
    expect(feeds.notModified('/feeds/calendar.ics?organiser=kyla', 'gzip', '"v1-gzip"')).toBeUndefined();
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', undefined)).toBeUndefined();
  });

  it('forgets on any change of a stored feed, after a few seconds, and while not listening', () => {
    const { feeds, state, advance } = validators();
    feeds.learn('/feeds/calendar.ics', 'gzip', 200, feedHeaders, feeds.begin());
    feeds.forget();
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', '"v1-gzip"')).toBeUndefined();

    feeds.learn('/feeds/calendar.ics', 'gzip', 200, feedHeaders, feeds.begin());
    advance(5_000);
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', '"v1-gzip"')).toBeUndefined();

    feeds.learn('/feeds/calendar.ics', 'gzip', 200, feedHeaders, feeds.begin());
    state.listening = false;
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', '"v1-gzip"')).toBeUndefined();
  });

  it('does not remember an answer that raced a change, nor an error', () => {
    const { feeds } = validators();
    const generation = feeds.begin();
    feeds.forget();
    feeds.learn('/feeds/calendar.ics', 'gzip', 200, feedHeaders, generation);
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', '"v1-gzip"')).toBeUndefined();
    feeds.learn('/feeds/calendar.ics', 'gzip', 503, feedHeaders, feeds.begin());
    expect(feeds.notModified('/feeds/calendar.ics', 'gzip', '"v1-gzip"')).toBeUndefined();
  });

  it('covers only the stored feeds: the region’s and an organisation’s', () => {
    expect(FeedValidators.isStoredFeed('/feeds/calendar.ics?village=a')).toBe(true);
    expect(FeedValidators.isStoredFeed('/feeds/organisations/kylayhdistys.ics')).toBe(true);
    expect(FeedValidators.isStoredFeed('/feeds/events/1.ics')).toBe(false);
    expect(FeedValidators.isStoredFeed('/feeds/venues/abc.ics')).toBe(false);
    expect(FeedValidators.isStoredFeed('/feeds/volunteering/secret.ics')).toBe(false);
  });
});
