import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatDay, formatDayHeading, formatMonth, formatShortDate, weekdayName } from './format.js';

describe.each(['UTC', 'Pacific/Auckland'])('time formats on a machine in %s', (zone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('writes clock times in Helsinki time, with the dot in Finnish and Swedish', () => {
    expect(formatClock('2026-12-15T16:00:00Z', 'fi')).toBe('18.00');
    expect(formatClock(Date.parse('2026-12-15T16:00:00Z'), 'sv')).toBe('18.00');
    expect(formatClock(new Date('2026-12-15T22:30:00Z'), 'en')).toBe('00:30');
    // Both readings of the repeated autumn hour show 03.30.
    expect(formatClock('2026-10-25T00:30:00Z', 'fi')).toBe('03.30');
    expect(formatClock('2026-10-25T01:30:00Z', 'fi')).toBe('03.30');
  });

  it('writes the Helsinki day of an instant', () => {
    expect(formatDay('2026-12-15T22:30:00Z', 'fi')).toBe('ke 16.12.2026');
    expect(formatDay('2026-12-15T12:00:00Z', 'en')).toBe('Tue, 15/12/2026');
  });

  it('writes calendar days', () => {
    expect(formatDate('2026-12-15', 'fi')).toBe('15.12.2026');
    expect(formatDate('2026-12-15', 'en')).toBe('15/12/2026');
    expect(formatShortDate('2026-01-05', { withYear: false })).toBe('5.1.');
    expect(formatShortDate('2026-01-05', { withYear: true })).toBe('5.1.2026');
    expect(formatDayHeading('2026-11-30', 'fi')).toBe('maanantai 30.11.');
    expect(formatDayHeading('2026-11-30', 'sv')).toBe('måndag 30.11.');
    expect(formatDayHeading('2026-11-30', 'en')).toBe('Monday 30 November');
    expect(formatMonth(2026, 12, 'en')).toBe('December 2026');
    expect(weekdayName(1, 'fi')).toBe('ma');
    expect(weekdayName(7, 'en', 'long')).toBe('Sunday');
  });
});
