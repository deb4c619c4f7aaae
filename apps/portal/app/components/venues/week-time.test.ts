import { describe, expect, it } from 'vitest';
import { addDays, isoWeekNumber, mondayOf } from '@talkoot/platform/time';
import { cellState, parseWeek, weekHours } from './week-time';

const noRules = { openingHours: null, closedDates: [] };

describe('week view time', () => {
  it('finds the Monday and the ISO week of a date', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(isoWeekNumber('2026-11-23')).toBe(48);
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(parseWeek('2026-11-26', null)).toBe('2026-11-23');
    expect(parseWeek('rubbish', '2026-12-02')).toBe('2026-11-30');
  });

  it('decides each hour from instants, also on the days the clocks change', () => {
    // 29 March 2026: Helsinki skips 03:00–04:00; 25 October 2026 has two 03:00s.
    expect(cellState('2026-03-29', 3, [], noRules)).toBe('none');
    expect(cellState('2026-03-29', 4, [], noRules)).toBe('free');
    const autumn = [{ startsAt: '2026-10-25T01:30:00Z', endsAt: '2026-10-25T01:45:00Z', status: 'approved' as const }];
    // 01:30 UTC is the second 03:30 in Helsinki (winter time, +02:00).
    expect(cellState('2026-10-25', 3, autumn, noRules)).toBe('approved');
    expect(cellState('2026-10-25', 4, autumn, noRules)).toBe('free');
    const evening = [{ startsAt: '2026-12-15T16:00:00Z', endsAt: '2026-12-15T19:00:00Z', status: 'requested' as const }];
    expect(cellState('2026-12-15', 17, evening, noRules)).toBe('free');
    expect(cellState('2026-12-15', 18, evening, noRules)).toBe('requested');
    expect(cellState('2026-12-15', 20, evening, noRules)).toBe('requested');
    expect(cellState('2026-12-15', 21, evening, noRules)).toBe('free');
  });

  it('marks hours closed by opening hours and closed dates', () => {
    const rules = {
      openingHours: [{ weekday: 2, opens: '08:00', closes: '22:00' }],
      closedDates: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Joulu' }],
    };
    expect(weekHours(rules.openingHours)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(weekHours(null)[0]).toBe(7);
    expect(weekHours(null).at(-1)).toBe(22);
    expect(cellState('2026-12-15', 9, [], rules)).toBe('free');
    expect(cellState('2026-12-16', 9, [], rules)).toBe('closed');
    expect(cellState('2026-12-22', 9, [], rules)).toBe('free');
    expect(cellState('2026-12-22', 23, [], { ...rules, openingHours: null })).toBe('free');
    expect(cellState('2026-12-24', 12, [], { ...rules, openingHours: null })).toBe('closed');
  });
});
