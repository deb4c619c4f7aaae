import { describe, expect, it } from 'vitest';
import { OUTBOX_ATTEMPTS, OUTBOX_BACKOFF_CAP_MS, outboxBackoffDelay } from './outbox-backoff.js';

describe('outbox job retry backoff', () => {
  it('doubles from the first delay and never waits more than 30 minutes', () => {
    expect(outboxBackoffDelay(1, 5_000)).toBe(5_000);
    expect(outboxBackoffDelay(2, 5_000)).toBe(10_000);
    expect(outboxBackoffDelay(20, 5_000)).toBe(OUTBOX_BACKOFF_CAP_MS);
  });

  it('keeps retrying through a long SMTP outage: more than twelve hours in all', () => {
    let total = 0;
    for (let attempt = 1; attempt < OUTBOX_ATTEMPTS; attempt++) total += outboxBackoffDelay(attempt, 5_000);
    expect(total).toBeGreaterThan(12 * 3_600_000);
  });
});
