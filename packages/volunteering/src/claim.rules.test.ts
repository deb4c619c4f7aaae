import { describe, expect, it } from 'vitest';
import {
  dueReminder,
  firstFreePlace,
  freePlaces,
  isInsideCutoff,
  missingRequirements,
  reminderInstant,
  shiftHours,
} from './claim.rules.js';

describe('numbered places', () => {
  it('gives the lowest free number and none when every place is taken', () => {
    expect(firstFreePlace([], 5)).toBe(1);
    expect(firstFreePlace([1, 2, 4], 5)).toBe(3);
    expect(firstFreePlace([1, 2, 3, 4, 5], 5)).toBeNull();
    expect(freePlaces([2, 4], 5)).toEqual([1, 3, 5]);
  });
});

describe('requirements', () => {
  it('names what the volunteer did not confirm', () => {
    expect(missingRequirements(['hygienePassport', 'adult'], ['adult'])).toEqual(['hygienePassport']);
    expect(missingRequirements([], [])).toEqual([]);
  });
});

describe('the withdrawal cut-off', () => {
  it('is inside the cut-off less than the given hours before the start', () => {
    const startsAt = new Date('2027-06-12T07:00:00Z');
    expect(isInsideCutoff(startsAt, 24, new Date('2027-06-11T07:00:01Z'))).toBe(true);
    expect(isInsideCutoff(startsAt, 24, new Date('2027-06-11T06:59:59Z'))).toBe(false);
  });
});

describe('reminders (Europe/Helsinki)', () => {
  it('come at the shift’s wall-clock time three and one days before, across the spring change', () => {
    // Monday 30 March 2026 10:00 summer time (07:00 UTC); the clocks went forward on Sunday 29 March.
    const startsAt = new Date('2026-03-30T07:00:00Z');
    // Friday 27 March 10:00 winter time is 08:00 UTC: 71 hours before, not 72.
    expect(reminderInstant(startsAt, 3).toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(reminderInstant(startsAt, 1).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('and across the autumn change', () => {
    // Tuesday 27 October 2026 18:00 winter time (16:00 UTC); the clocks went back on Sunday 25 October.
    const startsAt = new Date('2026-10-27T16:00:00Z');
    expect(reminderInstant(startsAt, 3).toISOString()).toBe('2026-10-24T15:00:00.000Z');
  });

  it('sends the three-day one, then the one-day one, and nothing once the shift started', () => {
    const startsAt = new Date('2027-06-12T07:00:00Z');
    const claimedAt = new Date('2027-06-01T07:00:00Z');
    expect(dueReminder(startsAt, claimedAt, new Date('2027-06-08T07:00:00Z'))).toBeNull();
    expect(dueReminder(startsAt, claimedAt, new Date('2027-06-09T07:00:00Z'))).toBe('threeDays');
    expect(dueReminder(startsAt, claimedAt, new Date('2027-06-11T07:00:00Z'))).toBe('oneDay');
    expect(dueReminder(startsAt, claimedAt, new Date('2027-06-12T07:00:00Z'))).toBeNull();
  });

  it('skips the three-day one for a place claimed after its time', () => {
    const startsAt = new Date('2027-06-12T07:00:00Z');
    expect(dueReminder(startsAt, new Date('2027-06-10T07:00:00Z'), new Date('2027-06-10T08:00:00Z'))).toBeNull();
  });
});

describe('hours of a shift', () => {
  it('count to the quarter hour', () => {
    expect(shiftHours(new Date('2027-06-12T07:00:00Z'), new Date('2027-06-12T09:00:00Z'))).toBe(2);
    expect(shiftHours(new Date('2027-06-12T07:00:00Z'), new Date('2027-06-12T08:20:00Z'))).toBe(1.25);
  });
});
