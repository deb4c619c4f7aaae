import { describe, expect, it } from 'vitest';
import {
  type ClosedDates,
  type OpeningPeriod,
  closedDatesSchema,
  openIntervals,
  openingHoursProblem,
  openingPeriodSchema,
} from './opening-hours.js';

// Instants are written with their Helsinki offset: +02:00 in winter, +03:00 in summer. Summer time
// begins 29.3.2026 (03:00 → 04:00) and ends 25.10.2026 (04:00 → 03:00); both are Sundays.
const at = (iso: string) => new Date(iso);

const weekdays = (opens: string, closes: string, days = [1, 2, 3, 4, 5]): OpeningPeriod[] =>
  days.map((weekday) => ({ weekday, opens, closes }));
// Monday to Friday 08:00–22:00, Saturday 10:00–16:00, Sunday closed.
const usual: OpeningPeriod[] = [...weekdays('08:00', '22:00'), { weekday: 6, opens: '10:00', closes: '16:00' }];
const roundTheClock = weekdays('00:00', '24:00', [1, 2, 3, 4, 5, 6, 7]);
const christmas: ClosedDates = { from: '2026-12-24', to: '2026-12-26', reason: 'Christmas' };

describe('opening hours problem', () => {
  it('sets no limits when the space has no opening hours', () => {
    expect(openingHoursProblem(at('2027-05-01T03:00:00+03:00'), at('2027-05-04T03:00:00+03:00'), null, [])).toBeUndefined();
  });

  it('accepts a booking inside the hours, up to opening and closing time themselves', () => {
    expect(openingHoursProblem(at('2026-05-04T10:00:00+03:00'), at('2026-05-04T12:00:00+03:00'), usual, [])).toBeUndefined();
    expect(openingHoursProblem(at('2026-05-04T08:00:00+03:00'), at('2026-05-04T22:00:00+03:00'), usual, [])).toBeUndefined();
    expect(openingHoursProblem(at('2026-05-09T10:00:00+03:00'), at('2026-05-09T16:00:00+03:00'), usual, [])).toBeUndefined();
  });

  it('says when the space is open on a day the booking starts too early or ends too late', () => {
    expect(openingHoursProblem(at('2026-05-04T07:30:00+03:00'), at('2026-05-04T09:00:00+03:00'), usual, [])).toBe(
      'The space is open on that day 08:00–22:00',
    );
    expect(openingHoursProblem(at('2026-05-04T21:00:00+03:00'), at('2026-05-04T22:01:00+03:00'), usual, [])).toBe(
      'The space is open on that day 08:00–22:00',
    );
    expect(openingHoursProblem(at('2026-05-09T15:00:00+03:00'), at('2026-05-09T17:00:00+03:00'), usual, [])).toBe(
      'The space is open on that day 10:00–16:00',
    );
  });

  it('says so when the space is closed all day', () => {
    expect(openingHoursProblem(at('2026-05-10T12:00:00+03:00'), at('2026-05-10T13:00:00+03:00'), usual, [])).toBe(
      'The space is closed on that day',
    );
    expect(openingHoursProblem(at('2026-05-10T12:00:00+03:00'), at('2026-05-10T13:00:00+03:00'), [], [])).toBe(
      'The space is closed on that day',
    );
  });

  it('judges days in Helsinki, not in UTC', () => {
    // 23:30 on Sunday in UTC is already 01:30 on Monday in Helsinki: open round the clock on Mondays only.
    const mondays: OpeningPeriod[] = [{ weekday: 1, opens: '00:00', closes: '24:00' }];
    expect(openingHoursProblem(at('2026-05-10T22:30:00Z'), at('2026-05-10T23:30:00Z'), mondays, [])).toBeUndefined();
    expect(openingHoursProblem(at('2026-05-10T20:30:00Z'), at('2026-05-10T21:30:00Z'), mondays, [])).toBe(
      'The space is closed on that day',
    );
  });

  it('lists every period of a day with a break, and does not let a booking span the break', () => {
    const withLunch: OpeningPeriod[] = [
      { weekday: 1, opens: '13:00', closes: '22:00' },
      { weekday: 1, opens: '08:00', closes: '12:00' },
    ];
    expect(openingHoursProblem(at('2026-05-04T11:00:00+03:00'), at('2026-05-04T14:00:00+03:00'), withLunch, [])).toBe(
      'The space is open on that day 08:00–12:00, 13:00–22:00',
    );
    expect(openingHoursProblem(at('2026-05-04T13:00:00+03:00'), at('2026-05-04T14:00:00+03:00'), withLunch, [])).toBeUndefined();
  });

  it('lets a booking run from one period into a period that starts as the first ends', () => {
    const touching: OpeningPeriod[] = [
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '12:00', closes: '22:00' },
    ];
    expect(openingHoursProblem(at('2026-05-04T11:00:00+03:00'), at('2026-05-04T13:00:00+03:00'), touching, [])).toBeUndefined();
    expect(openingHoursProblem(at('2026-05-04T21:00:00+03:00'), at('2026-05-04T23:00:00+03:00'), touching, [])).toBe(
      'The space is open on that day 08:00–22:00',
    );
  });

  it('lets a booking run over several days when the space is open round the clock', () => {
    expect(
      openingHoursProblem(at('2026-05-08T18:00:00+03:00'), at('2026-05-11T10:00:00+03:00'), roundTheClock, []),
    ).toBeUndefined();
  });

  it('lets a booking run over midnight into a day that opens at 00:00', () => {
    const fridayNight: OpeningPeriod[] = [
      { weekday: 5, opens: '18:00', closes: '24:00' },
      { weekday: 6, opens: '00:00', closes: '04:00' },
    ];
    expect(
      openingHoursProblem(at('2026-05-08T20:00:00+03:00'), at('2026-05-09T03:00:00+03:00'), fridayNight, []),
    ).toBeUndefined();
    expect(openingHoursProblem(at('2026-05-08T20:00:00+03:00'), at('2026-05-09T05:00:00+03:00'), fridayNight, [])).toBe(
      'The space is open on that day 00:00–04:00',
    );
  });

  it('names the day the booking runs into when that day is closed', () => {
    const saturdays: OpeningPeriod[] = [{ weekday: 6, opens: '00:00', closes: '24:00' }];
    expect(openingHoursProblem(at('2026-05-09T20:00:00+03:00'), at('2026-05-10T02:00:00+03:00'), saturdays, [])).toBe(
      'The space is closed on that day',
    );
    expect(openingHoursProblem(at('2026-05-09T20:00:00+03:00'), at('2026-05-10T00:00:00+03:00'), saturdays, [])).toBeUndefined();
  });

  it('names the first day when a long booking starts before opening', () => {
    expect(
      openingHoursProblem(
        at('2026-05-08T07:00:00+03:00'),
        at('2026-05-09T02:00:00+03:00'),
        weekdays('08:00', '24:00', [5, 6]),
        [],
      ),
    ).toBe('The space is open on that day 08:00–24:00');
  });

  it('knows the spring day is 23 hours long', () => {
    // 02:00–05:00 on 29.3.2026 is 02:00 winter time to 05:00 summer time: two real hours.
    const earlySunday: OpeningPeriod[] = [{ weekday: 7, opens: '02:00', closes: '05:00' }];
    expect(
      openingHoursProblem(at('2026-03-29T02:00:00+02:00'), at('2026-03-29T05:00:00+03:00'), earlySunday, []),
    ).toBeUndefined();
    expect(openingHoursProblem(at('2026-03-29T01:30:00+02:00'), at('2026-03-29T04:30:00+03:00'), earlySunday, [])).toBe(
      'The space is open on that day 02:00–05:00',
    );
    expect(
      openingHoursProblem(at('2026-03-29T00:00:00+02:00'), at('2026-03-30T00:00:00+03:00'), roundTheClock, []),
    ).toBeUndefined();
  });

  it('knows the autumn day is 25 hours long', () => {
    // 02:00–05:00 on 25.10.2026 is 02:00 summer time to 05:00 winter time: four real hours.
    const earlySunday: OpeningPeriod[] = [{ weekday: 7, opens: '02:00', closes: '05:00' }];
    expect(
      openingHoursProblem(at('2026-10-25T02:00:00+03:00'), at('2026-10-25T05:00:00+02:00'), earlySunday, []),
    ).toBeUndefined();
    expect(openingHoursProblem(at('2026-10-25T02:00:00+03:00'), at('2026-10-25T05:01:00+02:00'), earlySunday, [])).toBe(
      'The space is open on that day 02:00–05:00',
    );
    expect(
      openingHoursProblem(at('2026-10-24T20:00:00+03:00'), at('2026-10-25T10:00:00+02:00'), roundTheClock, []),
    ).toBeUndefined();
  });

  it('refuses a booking that touches closed dates, naming the dates and the reason', () => {
    const message = 'The space is closed 24.12.2026–26.12.2026: Christmas';
    expect(openingHoursProblem(at('2026-12-25T10:00:00+02:00'), at('2026-12-25T12:00:00+02:00'), null, [christmas])).toBe(
      message,
    );
    expect(
      openingHoursProblem(at('2026-12-23T20:00:00+02:00'), at('2026-12-24T01:00:00+02:00'), roundTheClock, [christmas]),
    ).toBe(message);
    expect(
      openingHoursProblem(at('2026-12-26T23:00:00+02:00'), at('2026-12-27T01:00:00+02:00'), roundTheClock, [christmas]),
    ).toBe(message);
    expect(openingHoursProblem(at('2026-12-20T10:00:00+02:00'), at('2026-12-28T10:00:00+02:00'), null, [christmas])).toBe(
      message,
    );
  });

  it('accepts a booking that ends as the closed dates begin or starts as they end', () => {
    expect(
      openingHoursProblem(at('2026-12-23T20:00:00+02:00'), at('2026-12-24T00:00:00+02:00'), null, [christmas]),
    ).toBeUndefined();
    expect(
      openingHoursProblem(at('2026-12-27T00:00:00+02:00'), at('2026-12-27T02:00:00+02:00'), null, [christmas]),
    ).toBeUndefined();
  });

  it('names a single closed day once', () => {
    const midsummer: ClosedDates = { from: '2026-06-19', to: '2026-06-19', reason: 'Midsummer eve' };
    expect(openingHoursProblem(at('2026-06-19T12:00:00+03:00'), at('2026-06-19T14:00:00+03:00'), usual, [midsummer])).toBe(
      'The space is closed 19.6.2026: Midsummer eve',
    );
  });

  it('closes the whole Helsinki day on the days the clocks change', () => {
    const springDay: ClosedDates = { from: '2026-03-29', to: '2026-03-29', reason: 'Maintenance' };
    // The day runs from 00:00 winter time (22:00 UTC the day before) to 24:00 summer time (21:00 UTC).
    expect(openingHoursProblem(at('2026-03-28T21:00:00Z'), at('2026-03-28T22:00:00Z'), null, [springDay])).toBeUndefined();
    expect(openingHoursProblem(at('2026-03-28T21:00:00Z'), at('2026-03-28T22:01:00Z'), null, [springDay])).toContain('29.3.2026');
    expect(openingHoursProblem(at('2026-03-29T20:30:00Z'), at('2026-03-29T21:00:00Z'), null, [springDay])).toContain(
      'Maintenance',
    );
    expect(openingHoursProblem(at('2026-03-29T21:00:00Z'), at('2026-03-29T22:00:00Z'), null, [springDay])).toBeUndefined();
    const autumnDay: ClosedDates = { from: '2026-10-25', to: '2026-10-25', reason: 'Maintenance' };
    // 00:00 summer time (21:00 UTC the day before) to 24:00 winter time (22:00 UTC).
    expect(openingHoursProblem(at('2026-10-25T21:30:00Z'), at('2026-10-25T22:00:00Z'), null, [autumnDay])).toContain(
      'Maintenance',
    );
    expect(openingHoursProblem(at('2026-10-25T22:00:00Z'), at('2026-10-25T23:00:00Z'), null, [autumnDay])).toBeUndefined();
  });

  it('names the earliest of several closed ranges the booking touches', () => {
    const newYear: ClosedDates = { from: '2026-12-31', to: '2027-01-01', reason: 'New Year' };
    expect(
      openingHoursProblem(at('2026-12-20T10:00:00+02:00'), at('2027-01-02T10:00:00+02:00'), null, [newYear, christmas]),
    ).toBe('The space is closed 24.12.2026–26.12.2026: Christmas');
    expect(
      openingHoursProblem(at('2026-12-31T10:00:00+02:00'), at('2026-12-31T12:00:00+02:00'), null, [christmas, newYear]),
    ).toBe('The space is closed 31.12.2026–1.1.2027: New Year');
  });

  it('tells about closed dates before opening hours', () => {
    expect(openingHoursProblem(at('2026-12-24T07:00:00+02:00'), at('2026-12-24T09:00:00+02:00'), usual, [christmas])).toContain(
      'Christmas',
    );
  });

  it('refuses a booking that does not end after it starts', () => {
    expect(openingHoursProblem(at('2026-05-04T10:00:00+03:00'), at('2026-05-04T10:00:00+03:00'), null, [])).toBe(
      'A booking ends after it starts',
    );
    expect(openingHoursProblem(at('2026-05-04T10:00:00+03:00'), at('2026-05-04T09:00:00+03:00'), usual, [])).toBe(
      'A booking ends after it starts',
    );
  });
});

describe('open intervals', () => {
  it('lists the open hours of a week', () => {
    const week = openIntervals(at('2026-05-04T00:00:00+03:00'), at('2026-05-11T00:00:00+03:00'), usual, []);
    expect(week).toHaveLength(6);
    expect(week[0]).toEqual({ startsAt: at('2026-05-04T08:00:00+03:00'), endsAt: at('2026-05-04T22:00:00+03:00') });
    expect(week[4]).toEqual({ startsAt: at('2026-05-08T08:00:00+03:00'), endsAt: at('2026-05-08T22:00:00+03:00') });
    expect(week[5]).toEqual({ startsAt: at('2026-05-09T10:00:00+03:00'), endsAt: at('2026-05-09T16:00:00+03:00') });
  });

  it('cuts the intervals to the asked range, end excluded', () => {
    expect(openIntervals(at('2026-05-04T10:00:00+03:00'), at('2026-05-05T09:00:00+03:00'), usual, [])).toEqual([
      { startsAt: at('2026-05-04T10:00:00+03:00'), endsAt: at('2026-05-04T22:00:00+03:00') },
      { startsAt: at('2026-05-05T08:00:00+03:00'), endsAt: at('2026-05-05T09:00:00+03:00') },
    ]);
    expect(openIntervals(at('2026-05-04T22:00:00+03:00'), at('2026-05-05T08:00:00+03:00'), usual, [])).toEqual([]);
  });

  it('merges days open round the clock into one interval, whatever length the clocks give the week', () => {
    const from = at('2026-10-19T00:00:00+03:00');
    const to = at('2026-10-26T00:00:00+02:00');
    const week = openIntervals(from, to, roundTheClock, []);
    expect(week).toEqual([{ startsAt: from, endsAt: to }]);
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(169);
  });

  it('makes the spring Sunday 23 hours and the autumn Sunday 25 hours long', () => {
    const sundays = weekdays('00:00', '24:00', [7]);
    expect(openIntervals(at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z'), sundays, [])).toEqual([
      { startsAt: at('2026-03-28T22:00:00Z'), endsAt: at('2026-03-29T21:00:00Z') },
    ]);
    expect(openIntervals(at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'), sundays, [])).toEqual([
      { startsAt: at('2026-10-24T21:00:00Z'), endsAt: at('2026-10-25T22:00:00Z') },
    ]);
  });

  it('reads an opening time the spring clocks skip as the same time after the jump', () => {
    // 03:30 does not exist on 29.3.2026; the space opens at 04:30 summer time, when the clocks show 03:30 + 1 h.
    const skipped: OpeningPeriod[] = [{ weekday: 7, opens: '03:30', closes: '06:00' }];
    expect(openIntervals(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'), skipped, [])).toEqual([
      { startsAt: at('2026-03-29T04:30:00+03:00'), endsAt: at('2026-03-29T06:00:00+03:00') },
    ]);
  });

  it('reads an opening time the autumn clocks pass twice as the second, winter-time one', () => {
    const twice: OpeningPeriod[] = [{ weekday: 7, opens: '03:30', closes: '06:00' }];
    expect(openIntervals(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'), twice, [])).toEqual([
      { startsAt: at('2026-10-25T03:30:00+02:00'), endsAt: at('2026-10-25T06:00:00+02:00') },
    ]);
  });

  it('is open all the time without opening hours, apart from closed dates', () => {
    const from = at('2026-12-20T00:00:00+02:00');
    const to = at('2027-01-01T00:00:00+02:00');
    expect(openIntervals(from, to, null, [])).toEqual([{ startsAt: from, endsAt: to }]);
    expect(openIntervals(from, to, null, [christmas])).toEqual([
      { startsAt: from, endsAt: at('2026-12-24T00:00:00+02:00') },
      { startsAt: at('2026-12-27T00:00:00+02:00'), endsAt: to },
    ]);
  });

  it('takes closed dates out of the weekly hours', () => {
    const week = openIntervals(at('2026-12-21T00:00:00+02:00'), at('2026-12-28T00:00:00+02:00'), usual, [christmas]);
    // Monday to Wednesday remain; Thursday to Saturday are Christmas; Sunday is closed anyway.
    expect(week.map((interval) => interval.startsAt)).toEqual([
      at('2026-12-21T08:00:00+02:00'),
      at('2026-12-22T08:00:00+02:00'),
      at('2026-12-23T08:00:00+02:00'),
    ]);
  });

  it('merges overlapping periods given for the same day', () => {
    const overlapping: OpeningPeriod[] = [
      { weekday: 1, opens: '08:00', closes: '14:00' },
      { weekday: 1, opens: '12:00', closes: '20:00' },
      { weekday: 1, opens: '09:00', closes: '10:00' },
    ];
    expect(openIntervals(at('2026-05-04T00:00:00+03:00'), at('2026-05-05T00:00:00+03:00'), overlapping, [])).toEqual([
      { startsAt: at('2026-05-04T08:00:00+03:00'), endsAt: at('2026-05-04T20:00:00+03:00') },
    ]);
    expect(openingHoursProblem(at('2026-05-04T07:00:00+03:00'), at('2026-05-04T09:00:00+03:00'), overlapping, [])).toBe(
      'The space is open on that day 08:00–20:00',
    );
  });

  it('is empty for an empty or backwards range', () => {
    expect(openIntervals(at('2026-05-04T10:00:00+03:00'), at('2026-05-04T10:00:00+03:00'), null, [])).toEqual([]);
    expect(openIntervals(at('2026-05-04T10:00:00+03:00'), at('2026-05-04T09:00:00+03:00'), usual, [])).toEqual([]);
  });
});

describe('opening period schema', () => {
  const message = (input: unknown) => openingPeriodSchema.safeParse(input).error?.issues[0]?.message;

  it('accepts hours from 00:00 up to 24:00', () => {
    expect(openingPeriodSchema.parse({ weekday: 1, opens: '08:00', closes: '22:00' })).toEqual({
      weekday: 1,
      opens: '08:00',
      closes: '22:00',
    });
    expect(openingPeriodSchema.safeParse({ weekday: 7, opens: '00:00', closes: '24:00' }).success).toBe(true);
    expect(openingPeriodSchema.safeParse({ weekday: 3, opens: '23:59', closes: '24:00' }).success).toBe(true);
  });

  it('wants times as HH:MM', () => {
    expect(message({ weekday: 1, opens: '8:00', closes: '22:00' })).toBe('Give the opening time as HH:MM, from 00:00 to 23:59');
    expect(message({ weekday: 1, opens: '24:00', closes: '24:00' })).toBe('Give the opening time as HH:MM, from 00:00 to 23:59');
    expect(message({ weekday: 1, opens: '08:60', closes: '22:00' })).toBe('Give the opening time as HH:MM, from 00:00 to 23:59');
    expect(message({ weekday: 1, opens: '08:00', closes: '24:01' })).toBe('Give the closing time as HH:MM, from 00:01 to 24:00');
    expect(message({ weekday: 1, opens: '08:00', closes: '25:00' })).toBe('Give the closing time as HH:MM, from 00:01 to 24:00');
    expect(message({ weekday: 1, opens: '08:00', closes: '22.00' })).toBe('Give the closing time as HH:MM, from 00:01 to 24:00');
  });

  it('wants the space to close after it opens', () => {
    const result = openingPeriodSchema.safeParse({ weekday: 1, opens: '22:00', closes: '08:00' });
    expect(result.error?.issues[0]).toMatchObject({ message: 'The closing time comes after the opening time', path: ['closes'] });
    expect(message({ weekday: 1, opens: '08:00', closes: '08:00' })).toBe('The closing time comes after the opening time');
  });

  it('wants an ISO weekday from 1 to 7', () => {
    for (const weekday of [0, 8, 1.5, '1'])
      expect(message({ weekday, opens: '08:00', closes: '22:00' })).toMatch(/weekday|number/);
    expect(message({ weekday: 0, opens: '08:00', closes: '22:00' })).toBe(
      'Give the weekday as a number from 1 (Monday) to 7 (Sunday)',
    );
    expect(message({ weekday: 8, opens: '08:00', closes: '22:00' })).toBe(
      'Give the weekday as a number from 1 (Monday) to 7 (Sunday)',
    );
  });
});

describe('closed dates schema', () => {
  const message = (input: unknown) => closedDatesSchema.safeParse(input).error?.issues[0]?.message;

  it('accepts a range of days or a single day, trimming the reason', () => {
    expect(closedDatesSchema.parse({ from: '2026-12-24', to: '2026-12-26', reason: ' Christmas ' })).toEqual(christmas);
    expect(closedDatesSchema.safeParse({ from: '2026-06-19', to: '2026-06-19', reason: 'Midsummer eve' }).success).toBe(true);
  });

  it('wants real dates as YYYY-MM-DD', () => {
    expect(message({ from: '2026-02-30', to: '2026-03-01', reason: 'x' })).toBe(
      'Give the date as YYYY-MM-DD, for example 2026-12-24',
    );
    expect(message({ from: '24.12.2026', to: '2026-12-26', reason: 'x' })).toBe(
      'Give the date as YYYY-MM-DD, for example 2026-12-24',
    );
    expect(message({ from: '2026-12-24', to: '2026-12-24T00:00', reason: 'x' })).toBe(
      'Give the date as YYYY-MM-DD, for example 2026-12-24',
    );
    expect(closedDatesSchema.safeParse({ from: '2028-02-29', to: '2028-02-29', reason: 'Leap day' }).success).toBe(true);
  });

  it('wants the last day on or after the first', () => {
    const result = closedDatesSchema.safeParse({ from: '2026-12-26', to: '2026-12-24', reason: 'Christmas' });
    expect(result.error?.issues[0]).toMatchObject({ message: 'The last closed day is on or after the first', path: ['to'] });
  });

  it('wants a reason of 1 to 200 characters', () => {
    expect(message({ from: '2026-12-24', to: '2026-12-26', reason: '' })).toBe('Give a reason for the closing');
    expect(message({ from: '2026-12-24', to: '2026-12-26', reason: '   ' })).toBe('Give a reason for the closing');
    expect(message({ from: '2026-12-24', to: '2026-12-26', reason: 'x'.repeat(201) })).toBe(
      'The reason is at most 200 characters long',
    );
    expect(closedDatesSchema.safeParse({ from: '2026-12-24', to: '2026-12-26', reason: 'x'.repeat(200) }).success).toBe(true);
  });
});
