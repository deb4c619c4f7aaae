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
});
