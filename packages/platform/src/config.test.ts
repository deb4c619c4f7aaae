import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('configuration', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const config = parseConfig({}, '/srv/talkoot');
    expect(config.PORT).toBe(3000);
    expect(config.publicOrigin).toBe('http://localhost:3000');
    expect(config.queueBackend).toBe('postgres');
    expect(config.isDevMailbox).toBe(true);
    expect(config.mailDir).toBe('/srv/talkoot/.data/mail');
  });

  it('uses Redis and SMTP when their URLs are given; empty values count as unset', () => {
    const config = parseConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      SMTP_URL: 'smtp://mail.example.org:587',
      DATABASE_URL: '',
    });
    expect(config.queueBackend).toBe('redis');
    expect(config.isDevMailbox).toBe(false);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable, one line each', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', LOG_LEVEL: 'chatty' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/^PORT: /m);
    expect(problems.join('\n')).toMatch(/^DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//m);
    expect(problems.join('\n')).toMatch(/^SMTP_URL: /m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL: /m);
  });

  it('sizes the pools and the embedded PostgreSQL for a small box unless told otherwise', () => {
    const config = parseConfig({});
    expect([config.DATABASE_POOL_MIN, config.DATABASE_POOL_MAX, config.QUEUE_POOL_MAX]).toEqual([0, 10, 5]);
    expect(config.EMBEDDED_POSTGRES_MAX_CONNECTIONS).toBe(60);
    expect(config.HEAP_SEMI_SPACE_MB).toBe(16);
    expect(config.EMBEDDED_POSTGRES_SHARED_BUFFERS_MB).toBe(64);
    expect(config.EMBEDDED_POSTGRES_WORK_MEM_MB).toBe(4);
    const larger = parseConfig({ DATABASE_POOL_MIN: '2', DATABASE_POOL_MAX: '20', EMBEDDED_POSTGRES_MAX_CONNECTIONS: '120' });
    expect([larger.DATABASE_POOL_MIN, larger.DATABASE_POOL_MAX, larger.EMBEDDED_POSTGRES_MAX_CONNECTIONS]).toEqual([2, 20, 120]);
  });

  it('refuses pool sizes that cannot work, naming the variable', () => {
    const problems = (() => {
      try {
        parseConfig({ DATABASE_POOL_MAX: '0', QUEUE_POOL_MAX: '1', EMBEDDED_POSTGRES_MAX_CONNECTIONS: '5' });
      } catch (error) {
        return (error as ConfigError).problems.join('\n');
      }
      return '';
    })();
    expect(problems).toMatch(/^DATABASE_POOL_MAX: /m);
    expect(problems).toMatch(/^QUEUE_POOL_MAX: /m);
    expect(problems).toMatch(/^EMBEDDED_POSTGRES_MAX_CONNECTIONS: /m);
    expect(() => parseConfig({ DATABASE_POOL_MIN: '8', DATABASE_POOL_MAX: '4' })).toThrow(
      /DATABASE_POOL_MIN: must not be above DATABASE_POOL_MAX/,
    );
  });
});
