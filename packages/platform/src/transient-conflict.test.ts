import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './http/error.filter.js';
import { retryTransientConflicts } from './transient-conflict.js';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('retryTransientConflicts', () => {
  it('runs a deadlock victim again until it gets through', async () => {
    let runs = 0;
    const result = await retryTransientConflicts(async () => {
      runs += 1;
      if (runs < 3) throw deadlock();
      return 'booked';
    });
    expect(result).toBe('booked');
    expect(runs).toBe(3);
  });

  it('never runs again for any other error, and gives up after its attempts', async () => {
    let runs = 0;
    const conflict = Object.assign(new Error('conflicting key value violates exclusion constraint'), { code: '23P01' });
    await expect(
      retryTransientConflicts(async () => {
        runs += 1;
        throw conflict;
      }),
    ).rejects.toBe(conflict);
    expect(runs).toBe(1);
    runs = 0;
    await expect(
      retryTransientConflicts(async () => {
        runs += 1;
        throw deadlock();
      }, 2),
    ).rejects.toThrow('deadlock detected');
    expect(runs).toBe(2);
  });

  it('leaves the api saying "busy, try again" (503), not a 500, when it gave up', () => {
    const answer = toErrorResponse(deadlock());
    expect(answer.status).toBe(503);
    expect(answer.headers?.['retry-after']).toBe('1');
    expect(toErrorResponse(Object.assign(new Error('could not serialize access'), { code: '40001' })).status).toBe(503);
  });
});
