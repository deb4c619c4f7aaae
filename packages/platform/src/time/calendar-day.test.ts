import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDayOf,
  dayNumberOf,
  daysBetween,
  dayText,
  daysInMonth,
  isoWeekday,
  isoWeekNumber,
  isRealDate,
  mondayOf,
  shiftMonth,
  weekdayIndex,
} from './calendar-day.js';

describe('calendar days', () => {
  it('adds days over month and year ends, and over the clock changes (which days do not have)', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(calendarDayOf(dayNumberOf('2026-10-25'))).toBe('2026-10-25');
  });

  it('starts weeks on Monday and numbers them the ISO way', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(weekdayIndex(2026, 11, 23)).toBe(0);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(isoWeekNumber('2026-12-31')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
  });

  it('knows which dates exist', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('2027-13-01')).toBe(false);
    expect(isRealDate('27-01-01')).toBe(false);
    expect(daysInMonth(2028, 2)).toBe(29);
  });

  it('rolls an overflowing date into the next month, as a leap day does in a common year', () => {
    expect(dayText(2027, 2, 29)).toBe('2027-03-01');
    expect(dayText(2026, 12, 32)).toBe('2027-01-01');
    expect(dayText(2026, 1, 5)).toBe('2026-01-05');
  });

  it('moves months', () => {
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth(2026, 5, 24)).toEqual({ year: 2028, month: 5 });
  });
});
