import { describe, expect, it } from 'vitest';
import { bookingWindowProblem } from './booking-window.js';

// Instants carry their Helsinki offset: +02:00 in winter, +03:00 in summer (29.3.–25.10.2026).
const at = (iso: string) => new Date(iso);
const window = { minNoticeHours: 24, maxDaysAhead: 180 };

describe('booking window', () => {
  const now = at('2026-11-23T12:00:00+02:00');

  it('accepts a booking inside the window', () => {
    expect(bookingWindowProblem(at('2026-12-01T18:00:00+02:00'), now, window)).toBeUndefined();
  });

  it('wants the notice, and accepts a booking exactly that far ahead', () => {
    expect(bookingWindowProblem(at('2026-11-24T11:59:00+02:00'), now, window)).toBe('Book at least 24 hours ahead');
    expect(bookingWindowProblem(at('2026-11-24T12:00:00+02:00'), now, window)).toBeUndefined();
    expect(bookingWindowProblem(at('2026-11-23T11:00:00+02:00'), now, window)).toBe('Book at least 24 hours ahead');
  });

  it('speaks of one hour in the singular', () => {
    expect(bookingWindowProblem(at('2026-11-23T12:30:00+02:00'), now, { minNoticeHours: 1, maxDaysAhead: 180 })).toBe(
      'Book at least 1 hour ahead',
    );
  });

  it('without notice refuses only a start in the past', () => {
    const noNotice = { minNoticeHours: 0, maxDaysAhead: 180 };
    expect(bookingWindowProblem(now, now, noNotice)).toBeUndefined();
    expect(bookingWindowProblem(at('2026-11-23T11:59:00+02:00'), now, noNotice)).toBe('The booking would start in the past');
  });

  it('counts the notice in elapsed hours over the spring clock change', () => {
    // 20:00 on Saturday 28.3.2026 plus 24 real hours is 21:00 on Sunday, summer time.
    const saturday = at('2026-03-28T20:00:00+02:00');
    expect(bookingWindowProblem(at('2026-03-29T20:30:00+03:00'), saturday, window)).toBe('Book at least 24 hours ahead');
    expect(bookingWindowProblem(at('2026-03-29T21:00:00+03:00'), saturday, window)).toBeUndefined();
  });

  it('counts the notice in elapsed hours over the autumn clock change', () => {
    // 20:00 on Saturday 24.10.2026 plus 24 real hours is 19:00 on Sunday, winter time.
    const saturday = at('2026-10-24T20:00:00+03:00');
    expect(bookingWindowProblem(at('2026-10-25T18:59:00+02:00'), saturday, window)).toBe('Book at least 24 hours ahead');
    expect(bookingWindowProblem(at('2026-10-25T19:00:00+02:00'), saturday, window)).toBeUndefined();
  });

  it('opens whole Helsinki days ahead and names the first day a later booking can be made', () => {
    // 180 days after 23.11.2026 is 22.5.2027; the whole of that day can be booked.
    expect(bookingWindowProblem(at('2027-05-22T23:30:00+03:00'), now, window)).toBeUndefined();
    expect(bookingWindowProblem(at('2027-05-23T00:00:00+03:00'), now, window)).toBe(
      'Bookings open 180 days ahead: book on or after 24.11.2026',
    );
    expect(bookingWindowProblem(at('2027-11-23T12:00:00+02:00'), now, window)).toBe(
      'Bookings open 180 days ahead: book on or after 27.5.2027',
    );
  });

  it('counts days in Helsinki, where the next day starts two or three hours before it does in UTC', () => {
    // 22:30 UTC on 23.11. is already 00:30 on 24.11. in Helsinki, so 23.5.2027 is open.
    const afterMidnight = at('2026-11-23T22:30:00Z');
    expect(bookingWindowProblem(at('2027-05-23T10:00:00+03:00'), afterMidnight, window)).toBeUndefined();
    expect(bookingWindowProblem(at('2027-05-24T00:30:00+03:00'), afterMidnight, window)).toBe(
      'Bookings open 180 days ahead: book on or after 25.11.2026',
    );
  });

  it('counts calendar days across the clock changes', () => {
    const tomorrowOnly = { minNoticeHours: 0, maxDaysAhead: 1 };
    const saturday = at('2026-03-28T12:00:00+02:00');
    expect(bookingWindowProblem(at('2026-03-29T23:30:00+03:00'), saturday, tomorrowOnly)).toBeUndefined();
    expect(bookingWindowProblem(at('2026-03-30T00:00:00+03:00'), saturday, tomorrowOnly)).toBe(
      'Bookings open 1 day ahead: book on or after 29.3.2026',
    );
    const autumnSaturday = at('2026-10-24T12:00:00+03:00');
    expect(bookingWindowProblem(at('2026-10-25T23:30:00+02:00'), autumnSaturday, tomorrowOnly)).toBeUndefined();
    expect(bookingWindowProblem(at('2026-10-26T00:00:00+02:00'), autumnSaturday, tomorrowOnly)).toBe(
      'Bookings open 1 day ahead: book on or after 25.10.2026',
    );
  });

  it('allows only today when bookings open 0 days ahead', () => {
    const todayOnly = { minNoticeHours: 0, maxDaysAhead: 0 };
    expect(bookingWindowProblem(at('2026-11-23T23:59:00+02:00'), now, todayOnly)).toBeUndefined();
    expect(bookingWindowProblem(at('2026-11-24T00:00:00+02:00'), now, todayOnly)).toBe(
      'Bookings open on the day itself: book on or after 24.11.2026',
    );
  });

  it('tells about too short a notice first', () => {
    expect(bookingWindowProblem(at('2026-11-24T10:00:00+02:00'), now, { minNoticeHours: 48, maxDaysAhead: 0 })).toBe(
      'Book at least 48 hours ahead',
    );
  });
});
