import { describe, expect, it } from 'vitest';
import { helsinkiToInstant, parseMonth, shiftMonth, slotsByDay, weekdayIndex } from './helsinki-time';

describe('Helsinki time', () => {
  it('turns a local date and time into an instant with the right offset', () => {
    expect(helsinkiToInstant('2026-12-15', '18:00')?.iso).toBe('2026-12-15T18:00:00+02:00');
    expect(helsinkiToInstant('2026-07-01', '09:30')?.iso).toBe('2026-07-01T09:30:00+03:00');
    expect(new Date(helsinkiToInstant('2026-07-01', '09:30')!.time).toISOString()).toBe('2026-07-01T06:30:00.000Z');
    expect(helsinkiToInstant('2026-02-30', '10:00')).toBeNull();
    expect(helsinkiToInstant('2026-02-03', '25:00')).toBeNull();
  });

  it('reads and moves months', () => {
    expect(parseMonth('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(parseMonth('rubbish', new Date('2026-12-31T22:30:00Z'))).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    expect(weekdayIndex(2026, 11, 23)).toBe(0);
  });

  it('lists busy periods by local day, cut at midnight', () => {
    const slots = slotsByDay(
      [
        { startsAt: '2026-12-15T16:00:00Z', endsAt: '2026-12-15T19:00:00Z', status: 'approved' },
        { startsAt: '2026-12-16T20:00:00Z', endsAt: '2026-12-17T08:00:00Z', status: 'requested' },
      ],
      2026,
      12,
      'fi',
    );
    expect(slots.get(15)).toEqual([{ day: 15, from: '18.00', to: '21.00', status: 'approved' }]);
    expect(slots.get(16)).toEqual([{ day: 16, from: '22.00', to: '24.00', status: 'requested' }]);
    expect(slots.get(17)).toEqual([{ day: 17, from: '00.00', to: '10.00', status: 'requested' }]);
  });
});
