import { describe, expect, it } from 'vitest';
import { type EventRecurrence, MAX_EVENT_OCCURRENCES, eventRecurrenceSchema, expandRecurrence } from './recurrence.js';

// Instants are written with their Helsinki offset: +02:00 in winter, +03:00 in summer. Summer time
// begins 29.3.2026 (03:00 → 04:00) and ends 25.10.2026 (04:00 → 03:00); both are Sundays.
const at = (iso: string) => new Date(iso);
const rule = (overrides: Partial<EventRecurrence>): EventRecurrence => ({
  frequency: 'weekly',
  interval: 1,
  weekdays: [],
  until: null,
  count: null,
  exceptions: [],
  ...overrides,
});
const dates = (occurrences: { date: string }[]) => occurrences.map((occurrence) => occurrence.date);
const isoTimes = (occurrences: { startsAt: Date; endsAt: Date }[]) =>
  occurrences.map((o) => `${o.startsAt.toISOString()}/${o.endsAt.toISOString()}`);

describe('weekly recurrence', () => {
  it('repeats on the first weekday and keeps 18:00 Helsinki time across the autumn clock change', () => {
    const first = { startsAt: at('2026-10-11T18:00:00+03:00'), endsAt: at('2026-10-11T20:00:00+03:00') };
    const occurrences = expandRecurrence(first, rule({ count: 4 }));
    expect(dates(occurrences)).toEqual(['2026-10-11', '2026-10-18', '2026-10-25', '2026-11-01']);
    expect(isoTimes(occurrences)).toEqual([
      '2026-10-11T15:00:00.000Z/2026-10-11T17:00:00.000Z',
      '2026-10-18T15:00:00.000Z/2026-10-18T17:00:00.000Z',
      '2026-10-25T16:00:00.000Z/2026-10-25T18:00:00.000Z',
      '2026-11-01T16:00:00.000Z/2026-11-01T18:00:00.000Z',
    ]);
  });

  it('keeps the wall-clock time across the spring clock change', () => {
    const first = { startsAt: at('2026-03-22T18:00:00+02:00'), endsAt: at('2026-03-22T19:30:00+02:00') };
    expect(isoTimes(expandRecurrence(first, rule({ until: '2026-03-29' })))).toEqual([
      '2026-03-22T16:00:00.000Z/2026-03-22T17:30:00.000Z',
      '2026-03-29T15:00:00.000Z/2026-03-29T16:30:00.000Z',
    ]);
  });

  it('moves a time the clocks skip to the same time after the jump, and takes the winter reading of a doubled hour', () => {
    const spring = expandRecurrence(
      { startsAt: at('2026-03-22T03:30:00+02:00'), endsAt: at('2026-03-22T05:00:00+02:00') },
      rule({ count: 2 }),
    );
    expect(spring[1]!.startsAt.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 04:30 +03:00
    expect(spring[1]!.endsAt.toISOString()).toBe('2026-03-29T02:00:00.000Z'); // 05:00 +03:00
    const autumn = expandRecurrence(
      { startsAt: at('2026-10-18T03:30:00+03:00'), endsAt: at('2026-10-18T05:00:00+03:00') },
      rule({ count: 2 }),
    );
    expect(autumn[1]!.startsAt.toISOString()).toBe('2026-10-25T01:30:00.000Z'); // 03:30 +02:00
  });

  it('repeats on several weekdays every second week, from the first date on', () => {
    // Wednesday 2026-09-02; Mondays and Wednesdays every other week.
    const first = { startsAt: at('2026-09-02T10:00:00+03:00'), endsAt: at('2026-09-02T11:00:00+03:00') };
    expect(dates(expandRecurrence(first, rule({ interval: 2, weekdays: [3, 1], count: 5 })))).toEqual([
      '2026-09-02',
      '2026-09-14',
      '2026-09-16',
      '2026-09-28',
      '2026-09-30',
    ]);
  });

  it('skips exception dates without counting them', () => {
    const first = { startsAt: at('2026-12-03T18:00:00+02:00'), endsAt: at('2026-12-03T19:00:00+02:00') };
    const occurrences = expandRecurrence(first, rule({ count: 3, exceptions: ['2026-12-24', '2026-12-31'] }));
    expect(dates(occurrences)).toEqual(['2026-12-03', '2026-12-10', '2026-12-17']);
    expect(dates(expandRecurrence(first, rule({ count: 5, exceptions: ['2026-12-24', '2026-12-31'] })))).toEqual([
      '2026-12-03',
      '2026-12-10',
      '2026-12-17',
      '2027-01-07',
      '2027-01-14',
    ]);
  });

  it('always starts with the first date, even on a weekday outside the chosen ones, unless that date is skipped', () => {
    // Tuesday 2026-09-01; then Thursdays.
    const first = { startsAt: at('2026-09-01T10:00:00+03:00'), endsAt: at('2026-09-01T11:00:00+03:00') };
    expect(dates(expandRecurrence(first, rule({ weekdays: [4], count: 3 })))).toEqual(['2026-09-01', '2026-09-03', '2026-09-10']);
    expect(dates(expandRecurrence(first, rule({ weekdays: [4], count: 3, exceptions: ['2026-09-01'] })))).toEqual([
      '2026-09-03',
      '2026-09-10',
      '2026-09-17',
    ]);
  });

  it('stops at the until date, inclusive, or after count, whichever comes first', () => {
    const first = { startsAt: at('2026-05-04T18:00:00+03:00'), endsAt: at('2026-05-04T19:00:00+03:00') };
    expect(dates(expandRecurrence(first, rule({ until: '2026-05-18' })))).toEqual(['2026-05-04', '2026-05-11', '2026-05-18']);
    expect(dates(expandRecurrence(first, rule({ until: '2026-05-17' })))).toEqual(['2026-05-04', '2026-05-11']);
    expect(dates(expandRecurrence(first, rule({ until: '2026-12-31', count: 2 })))).toEqual(['2026-05-04', '2026-05-11']);
  });

  it('keeps the day span of a multi-day event', () => {
    // Friday 18:00 to Sunday 16:00, across the autumn clock change.
    const first = { startsAt: at('2026-10-16T18:00:00+03:00'), endsAt: at('2026-10-18T16:00:00+03:00') };
    const second = expandRecurrence(first, rule({ count: 2 }))[1]!;
    expect(second.date).toBe('2026-10-23');
    expect(second.startsAt.toISOString()).toBe('2026-10-23T15:00:00.000Z');
    expect(second.endsAt.toISOString()).toBe('2026-10-25T14:00:00.000Z'); // 16:00 +02:00
  });

  it('keeps an all-day event bounded by local midnights', () => {
    const first = { startsAt: at('2026-10-24T00:00:00+03:00'), endsAt: at('2026-10-25T00:00:00+03:00') };
    const occurrences = expandRecurrence(first, rule({ count: 2, interval: 1, weekdays: [6] }));
    expect(isoTimes(occurrences)).toEqual([
      '2026-10-23T21:00:00.000Z/2026-10-24T21:00:00.000Z',
      '2026-10-30T22:00:00.000Z/2026-10-31T22:00:00.000Z',
    ]);
  });

  it('uses Helsinki days, not UTC days, for an event just after midnight', () => {
    // 00:30 Helsinki on Monday is still Sunday in UTC.
    const first = { startsAt: at('2026-06-01T00:30:00+03:00'), endsAt: at('2026-06-01T02:00:00+03:00') };
    const occurrences = expandRecurrence(first, rule({ count: 2 }));
    expect(dates(occurrences)).toEqual(['2026-06-01', '2026-06-08']);
    expect(occurrences[1]!.startsAt.toISOString()).toBe('2026-06-07T21:30:00.000Z');
  });

  it(`returns at most ${MAX_EVENT_OCCURRENCES + 1} occurrences so that the caller can refuse more than ${MAX_EVENT_OCCURRENCES}`, () => {
    const first = { startsAt: at('2026-01-05T18:00:00+02:00'), endsAt: at('2026-01-05T19:00:00+02:00') };
    const daily = expandRecurrence(first, rule({ weekdays: [1, 2, 3, 4, 5, 6, 7], until: '2028-12-31' }));
    expect(daily).toHaveLength(MAX_EVENT_OCCURRENCES + 1);
    expect(expandRecurrence(first, rule({ weekdays: [1, 2, 3, 4, 5, 6, 7], count: MAX_EVENT_OCCURRENCES }))).toHaveLength(
      MAX_EVENT_OCCURRENCES,
    );
  });
});

describe('monthly recurrence', () => {
  it('repeats on the same nth weekday of the month (2nd Tuesday)', () => {
    const first = { startsAt: at('2026-01-13T18:00:00+02:00'), endsAt: at('2026-01-13T20:00:00+02:00') };
    const occurrences = expandRecurrence(first, rule({ frequency: 'monthly-weekday', count: 5 }));
    expect(dates(occurrences)).toEqual(['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14', '2026-05-12']);
    expect(occurrences[3]!.startsAt.toISOString()).toBe('2026-04-14T15:00:00.000Z');
  });

  it('treats a 5th weekday as the last weekday of the month', () => {
    // Friday 2026-01-30 is the 5th Friday of January.
    const first = { startsAt: at('2026-01-30T18:00:00+02:00'), endsAt: at('2026-01-30T20:00:00+02:00') };
    expect(dates(expandRecurrence(first, rule({ frequency: 'monthly-weekday', count: 4 })))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
    ]);
  });

  it('repeats every third month on the nth weekday', () => {
    const first = { startsAt: at('2026-02-01T12:00:00+02:00'), endsAt: at('2026-02-01T14:00:00+02:00') }; // 1st Sunday
    expect(dates(expandRecurrence(first, rule({ frequency: 'monthly-weekday', interval: 3, until: '2027-02-28' })))).toEqual([
      '2026-02-01',
      '2026-05-03',
      '2026-08-02',
      '2026-11-01',
      '2027-02-07',
    ]);
  });

  it('repeats on the same date and skips months without it', () => {
    const first = { startsAt: at('2026-01-31T18:00:00+02:00'), endsAt: at('2026-01-31T19:00:00+02:00') };
    const occurrences = expandRecurrence(first, rule({ frequency: 'monthly-date', count: 4 }));
    expect(dates(occurrences)).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']);
    expect(occurrences[1]!.startsAt.toISOString()).toBe('2026-03-31T15:00:00.000Z');
  });

  it('repeats on the 29th of February only in leap years with a yearly interval', () => {
    const first = { startsAt: at('2028-02-29T18:00:00+02:00'), endsAt: at('2028-02-29T19:00:00+02:00') };
    expect(dates(expandRecurrence(first, rule({ frequency: 'monthly-date', interval: 12, count: 2 })))).toEqual([
      '2028-02-29',
      '2032-02-29',
    ]);
  });
});

describe('recurrence schema', () => {
  it('accepts a weekly rule with a count and fills the defaults', () => {
    const parsed = eventRecurrenceSchema.parse({ frequency: 'weekly', interval: 1, weekdays: [4, 2, 2], count: 10 });
    const typed: EventRecurrence = parsed;
    expect(typed).toEqual({ frequency: 'weekly', interval: 1, weekdays: [2, 4], until: null, count: 10, exceptions: [] });
  });

  it('requires exactly one of the last date and the number of times', () => {
    const neither = eventRecurrenceSchema.safeParse({ frequency: 'weekly', interval: 1 });
    expect(neither.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['until', 'Give either the last date or the number of times, not both'],
    ]);
    expect(eventRecurrenceSchema.safeParse({ frequency: 'weekly', interval: 1, until: '2026-12-31', count: 3 }).success).toBe(
      false,
    );
    expect(eventRecurrenceSchema.safeParse({ frequency: 'weekly', interval: 1, until: '2026-12-31' }).success).toBe(true);
  });

  it('refuses bad intervals, weekdays, dates and counts with clear messages', () => {
    const messages = (input: unknown) =>
      eventRecurrenceSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages({ frequency: 'weekly', interval: 13, count: 2 })).toEqual([
      'interval: The event repeats at least every 12 weeks or months',
    ]);
    expect(messages({ frequency: 'weekly', interval: 1, weekdays: [0], count: 2 })).toEqual([
      'weekdays.0: Weekdays are 1 (Monday) to 7 (Sunday)',
    ]);
    expect(messages({ frequency: 'weekly', interval: 1, until: '2026-02-30' })).toEqual([
      'until: Give the last date as a date (YYYY-MM-DD)',
    ]);
    expect(messages({ frequency: 'weekly', interval: 1, count: 201 })).toEqual(['count: The event can repeat at most 200 times']);
    expect(messages({ frequency: 'monthly-date', interval: 1, count: 2, weekdays: [1] })).toEqual([
      'weekdays: Weekdays are chosen only for a weekly event',
    ]);
    expect(messages({ frequency: 'daily', interval: 1, count: 2 })).toEqual([
      'frequency: Choose how the event repeats: weekly, on a weekday of the month or on a date of the month',
    ]);
    expect(messages({ frequency: 'weekly', interval: 1, count: 2, exceptions: ['24.12.2026'] })).toEqual([
      'exceptions.0: Give each skipped date as a date (YYYY-MM-DD)',
    ]);
  });
});
