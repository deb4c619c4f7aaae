import { describe, expect, it } from 'vitest';
import { slotsByDay } from './month-slots';

describe('busy periods in a month', () => {
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
