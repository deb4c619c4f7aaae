import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fromHelsinkiWallClock,
  helsinkiDayOf,
  helsinkiDayStart,
  helsinkiInstant,
  helsinkiInstantAt,
  helsinkiOffsetMinutes,
  helsinkiParts,
  helsinkiTimeOfDay,
  helsinkiToInstant,
  helsinkiToday,
  isRepeatedHelsinkiTime,
  parseMonth,
  toHelsinkiWallClock,
  toLocalInputs,
} from './helsinki.js';
import { addDays } from './calendar-day.js';

const iso = (date: Date) => date.toISOString();

// In 2026 the clocks go forward on 29 March (03:00 EET → 04:00 EEST, at 01:00 UTC) and back on
// 25 October (04:00 EEST → 03:00 EET, at 01:00 UTC). The machine's own zone must not matter.
describe.each(['UTC', 'America/New_York', 'Asia/Kolkata'])('Helsinki time on a machine in %s', (zone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('runs in the zone it claims', () => {
    const expected = { UTC: 0, 'America/New_York': 300, 'Asia/Kolkata': -330 }[zone];
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(expected);
  });

  it('knows the offset in winter and in summer', () => {
    expect(helsinkiOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(120);
    expect(helsinkiOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(180);
    expect(helsinkiOffsetMinutes('2026-03-29T00:59:59Z')).toBe(120);
    expect(helsinkiOffsetMinutes('2026-03-29T01:00:00Z')).toBe(180);
  });

  it('turns a wall-clock time into an instant and back', () => {
    expect(iso(helsinkiInstant('2026-12-15', '18:00'))).toBe('2026-12-15T16:00:00.000Z');
    expect(iso(helsinkiInstant('2026-07-01', '09:30'))).toBe('2026-07-01T06:30:00.000Z');
    expect(iso(helsinkiInstant('2026-07-01', '24:00'))).toBe('2026-07-01T21:00:00.000Z');
    expect(helsinkiParts('2026-07-01T06:30:00Z')).toEqual({ year: 2026, month: 7, day: 1, hour: 9, minute: 30 });
    expect(new Date(toHelsinkiWallClock('2026-12-15T16:00:00Z')).toISOString()).toBe('2026-12-15T18:00:00.000Z');
  });

  it('reads a time in the spring gap as the same time after the jump', () => {
    // 03:30 does not exist on 29 March 2026: it is 04:30 summer time, 01:30 UTC.
    expect(iso(helsinkiInstant('2026-03-29', '03:30'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(helsinkiInstant('2026-03-29', '03:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(helsinkiInstant('2026-03-29', '02:59'))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(helsinkiInstant('2026-03-29', '04:00'))).toBe('2026-03-29T01:00:00.000Z');
    // The form's ISO text keeps what was typed and the offset that names that instant.
    const typed = helsinkiToInstant('2026-03-29', '03:30')!;
    expect(typed.iso).toBe('2026-03-29T03:30:00+02:00');
    expect(Date.parse(typed.iso)).toBe(typed.time);
  });

  it('reads a time of the repeated autumn hour as the second, winter-time one', () => {
    // 03:30 happens twice on 25 October 2026: 00:30 UTC (summer time) and 01:30 UTC (winter time).
    expect(iso(helsinkiInstant('2026-10-25', '03:30'))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(helsinkiInstant('2026-10-25', '02:59'))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(helsinkiInstant('2026-10-25', '04:00'))).toBe('2026-10-25T02:00:00.000Z');
    expect(helsinkiToInstant('2026-10-25', '03:30')?.iso).toBe('2026-10-25T03:30:00+02:00');
    expect(isRepeatedHelsinkiTime('2026-10-25T00:30:00Z')).toBe(true);
    expect(isRepeatedHelsinkiTime('2026-10-25T01:30:00Z')).toBe(true);
    expect(isRepeatedHelsinkiTime('2026-10-25T02:30:00Z')).toBe(false);
    expect(isRepeatedHelsinkiTime('2026-03-29T01:30:00Z')).toBe(false);
  });

  it('keeps the wall-clock time when adding days across a clock change', () => {
    const before = helsinkiInstant('2026-03-28', '18:00');
    const after = helsinkiInstant(addDays(helsinkiDayOf(before), 1), '18:00');
    // 23 hours apart: the spring day is an hour short.
    expect(after.getTime() - before.getTime()).toBe(23 * 3_600_000);
    const autumn = helsinkiInstantAt(addDays('2026-10-24', 1), helsinkiTimeOfDay(helsinkiInstant('2026-10-24', '18:00')));
    expect(iso(autumn)).toBe('2026-10-25T16:00:00.000Z');
  });

  it('measures the 23- and 25-hour days from midnight to midnight', () => {
    expect(helsinkiDayStart('2026-03-30').getTime() - helsinkiDayStart('2026-03-29').getTime()).toBe(23 * 3_600_000);
    expect(helsinkiDayStart('2026-10-26').getTime() - helsinkiDayStart('2026-10-25').getTime()).toBe(25 * 3_600_000);
    expect(iso(helsinkiDayStart('2026-10-25'))).toBe('2026-10-24T21:00:00.000Z');
  });

  it('finds the Helsinki day and time of day of an instant', () => {
    // 22:30 UTC on New Year's Eve is already the next year in Helsinki.
    expect(helsinkiDayOf('2026-12-31T22:30:00Z')).toBe('2027-01-01');
    expect(helsinkiToday(new Date('2026-12-31T21:59:59Z'))).toBe('2026-12-31');
    expect(helsinkiTimeOfDay('2026-10-25T01:30:00Z')).toBe(3.5 * 3_600_000);
    expect(iso(fromHelsinkiWallClock(Date.UTC(2026, 5, 1, 12)))).toBe('2026-06-01T09:00:00.000Z');
  });

  it('refuses dates and times that are not real in a form', () => {
    expect(helsinkiToInstant('2026-12-15', '18:00')?.iso).toBe('2026-12-15T18:00:00+02:00');
    expect(helsinkiToInstant('2026-07-01', '09:30')?.iso).toBe('2026-07-01T09:30:00+03:00');
    expect(helsinkiToInstant('2026-02-30', '10:00')).toBeNull();
    expect(helsinkiToInstant('2026-02-03', '25:00')).toBeNull();
    expect(helsinkiToInstant('2026-02-03', '9:00')).toBeNull();
  });

  it('turns a local date and time into an instant with the right offset', () => {
    expect(helsinkiToInstant('2026-12-15', '18:00')?.iso).toBe('2026-12-15T18:00:00+02:00');
    expect(helsinkiToInstant('2026-07-01', '09:30')?.iso).toBe('2026-07-01T09:30:00+03:00');
    expect(new Date(helsinkiToInstant('2026-07-01', '09:30')!.time).toISOString()).toBe('2026-07-01T06:30:00.000Z');
    expect(toLocalInputs('2026-07-01T06:30:00.000Z')).toEqual({ date: '2026-07-01', time: '09:30' });
  });

  it('reads a month from an address or takes the current Helsinki month', () => {
    expect(parseMonth('rubbish', new Date('2026-12-31T22:30:00Z'))).toEqual({ year: 2027, month: 1 });
    expect(parseMonth('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(parseMonth('1999-03', new Date('2026-06-15T12:00:00Z'))).toEqual({ year: 2026, month: 6 });
    expect(parseMonth(null, new Date('2026-12-31T22:30:00Z'))).toEqual({ year: 2027, month: 1 });
  });
});
