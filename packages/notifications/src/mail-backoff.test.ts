import { describe, expect, it } from 'vitest';
import { MAIL_ATTEMPTS, MAIL_BACKOFF_CAP_MS, mailBackoffDelay } from './mail-backoff.js';

describe('mail retry backoff', () => {
  it('doubles from the first delay and never waits more than 30 minutes', () => {
    expect(mailBackoffDelay(1, 5_000)).toBe(5_000);
    expect(mailBackoffDelay(2, 5_000)).toBe(10_000);
    expect(mailBackoffDelay(20, 5_000)).toBe(MAIL_BACKOFF_CAP_MS);
  });

  it('keeps retrying through a long SMTP outage: more than twelve hours in all', () => {
    let total = 0;
    for (let attempt = 1; attempt < MAIL_ATTEMPTS; attempt++) total += mailBackoffDelay(attempt, 5_000);
    expect(total).toBeGreaterThan(12 * 3_600_000);
  });
});
