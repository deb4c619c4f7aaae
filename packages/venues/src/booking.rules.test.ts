import { describe, expect, it } from 'vitest';
import { leafSpacesUnder, lengthProblem, occupiedInterval, requestExpiry } from './booking.rules.js';

const rules = { minMinutes: 60, maxMinutes: 240, bufferBeforeMinutes: 15, bufferAfterMinutes: 30 };

describe('booking rules', () => {
  it('occupies every leaf under the booked space, and only the space itself when it has no rooms', () => {
    const spaces = [
      { id: 'house', parentId: null },
      { id: 'hall', parentId: 'house' },
      { id: 'upstairs', parentId: 'house' },
      { id: 'upstairs-a', parentId: 'upstairs' },
      { id: 'upstairs-b', parentId: 'upstairs' },
    ];
    expect(leafSpacesUnder('house', spaces).sort()).toEqual(['hall', 'upstairs-a', 'upstairs-b']);
    expect(leafSpacesUnder('upstairs', spaces).sort()).toEqual(['upstairs-a', 'upstairs-b']);
    expect(leafSpacesUnder('hall', spaces)).toEqual(['hall']);
  });

  it('adds the cleaning time before and after', () => {
    const occupied = occupiedInterval(new Date('2027-05-01T10:00:00Z'), new Date('2027-05-01T12:00:00Z'), rules);
    expect(occupied).toEqual({ startsAt: new Date('2027-05-01T09:45:00Z'), endsAt: new Date('2027-05-01T12:30:00Z') });
  });

  it('names a booking that is too short or too long and accepts the limits themselves', () => {
    expect(lengthProblem(new Date('2027-05-01T10:00:00Z'), new Date('2027-05-01T10:30:00Z'), rules)).toContain('at least 60');
    expect(lengthProblem(new Date('2027-05-01T10:00:00Z'), new Date('2027-05-01T14:01:00Z'), rules)).toContain('at most 240');
    expect(lengthProblem(new Date('2027-05-01T10:00:00Z'), new Date('2027-05-01T11:00:00Z'), rules)).toBeUndefined();
    expect(lengthProblem(new Date('2027-05-01T10:00:00Z'), new Date('2027-05-01T14:00:00Z'), rules)).toBeUndefined();
  });
});

describe('request expiry', () => {
  it('lets go of the slot after the given days, or when the booking would start if that is sooner', () => {
    const created = new Date('2027-05-01T10:00:00Z');
    expect(requestExpiry(created, new Date('2027-06-01T10:00:00Z'), 7)).toEqual(new Date('2027-05-08T10:00:00Z'));
    expect(requestExpiry(created, new Date('2027-05-03T18:00:00Z'), 7)).toEqual(new Date('2027-05-03T18:00:00Z'));
  });
});
