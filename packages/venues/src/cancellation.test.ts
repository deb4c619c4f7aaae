import { describe, expect, it } from 'vitest';
import { cancellationTerms } from './cancellation.js';

const at = (iso: string) => new Date(iso);
const policy = { freeCancellationHours: 48, cancellationFeePercent: 25 };

describe('cancellation terms', () => {
  const startsAt = at('2026-12-10T18:00:00+02:00');

  it('is free until the given hours before the start, that moment included', () => {
    expect(cancellationTerms(startsAt, at('2026-12-01T12:00:00+02:00'), policy, 10_000)).toEqual({
      freeUntil: at('2026-12-08T18:00:00+02:00'),
      isFree: true,
      feeCents: 0,
    });
    expect(cancellationTerms(startsAt, at('2026-12-08T18:00:00+02:00'), policy, 10_000)).toEqual({
      freeUntil: at('2026-12-08T18:00:00+02:00'),
      isFree: true,
      feeCents: 0,
    });
  });

  it('charges the percentage of the price after that, also after the start', () => {
    expect(cancellationTerms(startsAt, at('2026-12-08T18:00:00.001+02:00'), policy, 10_000)).toMatchObject({
      isFree: false,
      feeCents: 2500,
    });
    expect(cancellationTerms(startsAt, at('2026-12-10T20:00:00+02:00'), policy, 10_000)).toMatchObject({
      isFree: false,
      feeCents: 2500,
    });
  });

  it('rounds the fee to whole cents, half a cent up', () => {
    const late = at('2026-12-10T12:00:00+02:00');
    expect(cancellationTerms(startsAt, late, { freeCancellationHours: 48, cancellationFeePercent: 15 }, 1999).feeCents).toBe(300); // 299.85
    expect(cancellationTerms(startsAt, late, { freeCancellationHours: 48, cancellationFeePercent: 15 }, 1001).feeCents).toBe(150); // 150.15
    expect(cancellationTerms(startsAt, late, { freeCancellationHours: 48, cancellationFeePercent: 5 }, 10).feeCents).toBe(1); // 0.5
    expect(cancellationTerms(startsAt, late, { freeCancellationHours: 48, cancellationFeePercent: 12.5 }, 999).feeCents).toBe(
      125,
    ); // 124.875
  });

  it('charges nothing for a free booking or a zero percent fee, and everything at 100 percent', () => {
    const late = at('2026-12-10T12:00:00+02:00');
    expect(cancellationTerms(startsAt, late, policy, 0)).toMatchObject({ isFree: false, feeCents: 0 });
    expect(cancellationTerms(startsAt, late, { freeCancellationHours: 48, cancellationFeePercent: 0 }, 10_000).feeCents).toBe(0);
    expect(cancellationTerms(startsAt, late, { freeCancellationHours: 48, cancellationFeePercent: 100 }, 10_000).feeCents).toBe(
      10_000,
    );
  });

  it('is free right up to the start when the policy gives no hours', () => {
    const noHours = { freeCancellationHours: 0, cancellationFeePercent: 50 };
    expect(cancellationTerms(startsAt, startsAt, noHours, 10_000)).toEqual({ freeUntil: startsAt, isFree: true, feeCents: 0 });
    expect(cancellationTerms(startsAt, at('2026-12-10T18:01:00+02:00'), noHours, 10_000).feeCents).toBe(5000);
  });

  it('counts the hours as elapsed time over the spring clock change', () => {
    // 48 real hours before 18:00 on Monday 30.3.2026 (summer time) is 17:00 on Saturday 28.3. (winter time).
    const monday = at('2026-03-30T18:00:00+03:00');
    expect(cancellationTerms(monday, at('2026-03-28T17:00:00+02:00'), policy, 10_000)).toEqual({
      freeUntil: at('2026-03-28T17:00:00+02:00'),
      isFree: true,
      feeCents: 0,
    });
    expect(cancellationTerms(monday, at('2026-03-28T17:30:00+02:00'), policy, 10_000).isFree).toBe(false);
  });

  it('counts the hours as elapsed time over the autumn clock change', () => {
    // 48 real hours before 18:00 on Monday 26.10.2026 (winter time) is 19:00 on Saturday 24.10. (summer time).
    const monday = at('2026-10-26T18:00:00+02:00');
    expect(cancellationTerms(monday, at('2026-10-24T18:30:00+03:00'), policy, 10_000)).toEqual({
      freeUntil: at('2026-10-24T19:00:00+03:00'),
      isFree: true,
      feeCents: 0,
    });
    expect(cancellationTerms(monday, at('2026-10-24T19:30:00+03:00'), policy, 10_000).isFree).toBe(false);
  });

  it('refuses a fee outside 0 to 100 percent and prices that are not whole cents', () => {
    const now = at('2026-12-10T12:00:00+02:00');
    expect(() => cancellationTerms(startsAt, now, { freeCancellationHours: 48, cancellationFeePercent: 101 }, 10_000)).toThrow(
      RangeError,
    );
    expect(() => cancellationTerms(startsAt, now, { freeCancellationHours: 48, cancellationFeePercent: -1 }, 10_000)).toThrow(
      RangeError,
    );
    expect(() => cancellationTerms(startsAt, now, policy, -100)).toThrow(RangeError);
    expect(() => cancellationTerms(startsAt, now, policy, 99.5)).toThrow(RangeError);
  });
});
