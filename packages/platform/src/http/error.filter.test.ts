import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './error.filter.js';

describe('toErrorResponse when the database is away', () => {
  it.each([
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['cut', new Error('Connection terminated unexpectedly')],
    ['wrapped', Object.assign(new Error('query failed'), { cause: Object.assign(new Error('x'), { code: '08006' }) })],
  ])('answers 503 with Retry-After when the connection is %s', (_label, error) => {
    const answer = toErrorResponse(error);
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('unavailable');
    expect(answer.headers?.['retry-after']).toBe('5');
    expect(answer.isUnexpected).toBe(false);
  });

  it('still answers 500 for a fault of our own, and 409 for a constraint', () => {
    expect(toErrorResponse(new TypeError('x is undefined')).status).toBe(500);
    expect(toErrorResponse(Object.assign(new Error('dup'), { code: '23505' })).status).toBe(409);
  });
});
