import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SERIES_OCCURRENCES, type SeriesRule, expandSeries, seriesRuleSchema } from './recurrence.js';

// Instants carry their Helsinki offset: +02:00 in winter, +03:00 in summer (29.3.–25.10.2026).
const at = (iso: string) => new Date(iso);
const rule = (overrides: Partial<SeriesRule>): SeriesRule => ({
  frequency: 'weekly',
  weekdays: [2],
  until: '2026-04-07',
  skipDates: [],
  ...overrides,
});

// Tuesday 17.3.2026, 18:00–21:00 winter time.
const tuesdayEvening = { startsAt: at('2026-03-17T18:00:00+02:00'), endsAt: at('2026-03-17T21:00:00+02:00') };

describe('series expansion', () => {
  it('repeats weekly up to and including the last day, keeping the wall-clock time over the spring change', () => {
    expect(expandSeries(tuesdayEvening, rule({}))).toEqual([
      { date: '2026-03-17', startsAt: at('2026-03-17T18:00:00+02:00'), endsAt: at('2026-03-17T21:00:00+02:00') },
      { date: '2026-03-24', startsAt: at('2026-03-24T18:00:00+02:00'), endsAt: at('2026-03-24T21:00:00+02:00') },
      // Summer time: the same 18:00–21:00, an hour earlier in UTC.
      { date: '2026-03-31', startsAt: at('2026-03-31T18:00:00+03:00'), endsAt: at('2026-03-31T21:00:00+03:00') },
      { date: '2026-04-07', startsAt: at('2026-04-07T18:00:00+03:00'), endsAt: at('2026-04-07T21:00:00+03:00') },
    ]);
    expect(expandSeries(tuesdayEvening, rule({}))[2]?.startsAt.toISOString()).toBe('2026-03-31T15:00:00.000Z');
  });

  it('keeps the wall-clock time over the autumn change', () => {
    const first = { startsAt: at('2026-10-20T18:00:00+03:00'), endsAt: at('2026-10-20T21:00:00+03:00') };
    expect(expandSeries(first, rule({ until: '2026-10-27' })).map((occurrence) => occurrence.startsAt.toISOString())).toEqual([
      '2026-10-20T15:00:00.000Z',
      '2026-10-27T16:00:00.000Z',
    ]);
  });

  it('stops the day before when the last day is not one of the weekdays', () => {
    expect(expandSeries(tuesdayEvening, rule({ until: '2026-04-06' })).map((occurrence) => occurrence.date)).toEqual([
      '2026-03-17',
      '2026-03-24',
      '2026-03-31',
    ]);
  });

  it('leaves out the skipped dates', () => {
    expect(
      expandSeries(tuesdayEvening, rule({ skipDates: ['2026-03-24', '2026-04-01'] })).map((occurrence) => occurrence.date),
    ).toEqual(['2026-03-17', '2026-03-31', '2026-04-07']);
    expect(expandSeries(tuesdayEvening, rule({ skipDates: ['2026-03-17'] }))[0]?.date).toBe('2026-03-24');
  });

  it('includes the first occurrence only when its weekday is chosen', () => {
    expect(expandSeries(tuesdayEvening, rule({ weekdays: [4] })).map((occurrence) => occurrence.date)).toEqual([
      '2026-03-19',
      '2026-03-26',
      '2026-04-02',
    ]);
    expect(expandSeries(tuesdayEvening, rule({ weekdays: [4] }))[0]).toEqual({
      date: '2026-03-19',
      startsAt: at('2026-03-19T18:00:00+02:00'),
      endsAt: at('2026-03-19T21:00:00+02:00'),
    });
  });

  it('goes through several weekdays in date order, none before the first occurrence', () => {
    // Wednesday 18.3.2026; Monday 16.3. is in the same week but before the first occurrence.
    const wednesday = { startsAt: at('2026-03-18T09:00:00+02:00'), endsAt: at('2026-03-18T10:00:00+02:00') };
    expect(
      expandSeries(wednesday, rule({ weekdays: [5, 1, 3], until: '2026-03-30' })).map((occurrence) => occurrence.date),
    ).toEqual(['2026-03-18', '2026-03-20', '2026-03-23', '2026-03-25', '2026-03-27', '2026-03-30']);
  });

  it('takes every other week counted from the Monday of the first week', () => {
    const wednesday = { startsAt: at('2026-03-18T09:00:00+02:00'), endsAt: at('2026-03-18T10:00:00+02:00') };
    const series = expandSeries(
      wednesday,
      rule({ frequency: 'biweekly', weekdays: [1, 3, 5], until: '2026-04-13', skipDates: ['2026-04-01'] }),
    );
    // Week 0 is 16.–22.3., week 1 (23.–29.3.) is left out, week 2 is 30.3.–5.4., week 4 starts 13.4.
    expect(series.map((occurrence) => occurrence.date)).toEqual([
      '2026-03-18',
      '2026-03-20',
      '2026-03-30',
      '2026-04-03',
      '2026-04-13',
    ]);
  });

  it('counts the biweekly rhythm from the first week even when the first day is not chosen', () => {
    // Sunday 22.3. is the last day of week 0, so the first Monday in the series is 30.3., not 23.3.
    const sunday = { startsAt: at('2026-03-22T12:00:00+02:00'), endsAt: at('2026-03-22T13:00:00+02:00') };
    expect(
      expandSeries(sunday, rule({ frequency: 'biweekly', weekdays: [1], until: '2026-04-30' })).map(
        (occurrence) => occurrence.date,
      ),
    ).toEqual(['2026-03-30', '2026-04-13', '2026-04-27']);
  });

  it('keeps an end on the next day on the next day, whatever the clocks do that night', () => {
    // Saturday 17.10.2026 22:00 to Sunday 02:30, summer time: four and a half hours.
    const saturdayNight = { startsAt: at('2026-10-17T22:00:00+03:00'), endsAt: at('2026-10-18T02:30:00+03:00') };
    expect(expandSeries(saturdayNight, rule({ weekdays: [6], until: '2026-10-31' }))).toEqual([
      { date: '2026-10-17', startsAt: at('2026-10-17T22:00:00+03:00'), endsAt: at('2026-10-18T02:30:00+03:00') },
      { date: '2026-10-24', startsAt: at('2026-10-24T22:00:00+03:00'), endsAt: at('2026-10-25T02:30:00+03:00') },
      { date: '2026-10-31', startsAt: at('2026-10-31T22:00:00+02:00'), endsAt: at('2026-11-01T02:30:00+02:00') },
    ]);
    // Until 04:30 the autumn night is an hour longer in real time.
    const untilLate = { startsAt: at('2026-10-17T22:00:00+03:00'), endsAt: at('2026-10-18T04:30:00+03:00') };
    const [, night] = expandSeries(untilLate, rule({ weekdays: [6], until: '2026-10-24' }));
    expect(night).toEqual({
      date: '2026-10-24',
      startsAt: at('2026-10-24T22:00:00+03:00'),
      endsAt: at('2026-10-25T04:30:00+02:00'),
    });
    expect((night!.endsAt.getTime() - night!.startsAt.getTime()) / 3_600_000).toBe(7.5);
  });

  it('moves a time the spring clocks skip to the same time after the jump', () => {
    // Sundays 03:30–05:00; on 29.3.2026 03:30 does not exist and becomes 04:30 summer time.
    const sunday = { startsAt: at('2026-03-22T03:30:00+02:00'), endsAt: at('2026-03-22T05:00:00+02:00') };
    expect(expandSeries(sunday, rule({ weekdays: [7], until: '2026-04-05' }))).toEqual([
      { date: '2026-03-22', startsAt: at('2026-03-22T03:30:00+02:00'), endsAt: at('2026-03-22T05:00:00+02:00') },
      { date: '2026-03-29', startsAt: at('2026-03-29T04:30:00+03:00'), endsAt: at('2026-03-29T05:00:00+03:00') },
      { date: '2026-04-05', startsAt: at('2026-04-05T03:30:00+03:00'), endsAt: at('2026-04-05T05:00:00+03:00') },
    ]);
  });

  it('takes the second, winter-time one of a time the autumn clocks pass twice', () => {
    const sunday = { startsAt: at('2026-10-18T03:30:00+03:00'), endsAt: at('2026-10-18T05:00:00+03:00') };
    expect(expandSeries(sunday, rule({ weekdays: [7], until: '2026-10-25' }))[1]).toEqual({
      date: '2026-10-25',
      startsAt: at('2026-10-25T03:30:00+02:00'),
      endsAt: at('2026-10-25T05:00:00+02:00'),
    });
  });

  it('reads the dates and weekdays in Helsinki, not in UTC', () => {
    // 00:30 on Tuesday in Helsinki is still Monday in UTC.
    const earlyTuesday = { startsAt: at('2026-03-16T22:30:00Z'), endsAt: at('2026-03-16T23:30:00Z') };
    expect(expandSeries(earlyTuesday, rule({ until: '2026-03-24' }))).toEqual([
      { date: '2026-03-17', startsAt: at('2026-03-17T00:30:00+02:00'), endsAt: at('2026-03-17T01:30:00+02:00') },
      { date: '2026-03-24', startsAt: at('2026-03-24T00:30:00+02:00'), endsAt: at('2026-03-24T01:30:00+02:00') },
    ]);
  });

  it('keeps seconds and milliseconds of the first occurrence', () => {
    const odd = { startsAt: at('2026-03-17T18:00:30.250+02:00'), endsAt: at('2026-03-17T21:00:00+02:00') };
    expect(expandSeries(odd, rule({}))[3]?.startsAt).toEqual(at('2026-04-07T18:00:30.250+03:00'));
  });

  it('is just the first occurrence when the series ends that day, and empty when it ends before', () => {
    expect(expandSeries(tuesdayEvening, rule({ until: '2026-03-17' }))).toEqual([{ date: '2026-03-17', ...tuesdayEvening }]);
    expect(expandSeries(tuesdayEvening, rule({ until: '2026-03-16' }))).toEqual([]);
  });

  it('can give more occurrences than one series may have, for the caller to refuse', () => {
    expect(MAX_SERIES_OCCURRENCES).toBe(104);
    // Every Tuesday for two years: 105 occurrences counting both ends.
    expect(expandSeries(tuesdayEvening, rule({ until: '2028-03-14' }))).toHaveLength(105);
  });
});

describe('series rule schema', () => {
  // Monday 23.11.2026 at noon in Helsinki.
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(at('2026-11-23T12:00:00+02:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const valid = { frequency: 'weekly', weekdays: [2, 4], until: '2027-05-31', skipDates: ['2026-12-24'] };
  const message = (input: unknown) => seriesRuleSchema.safeParse(input).error?.issues[0]?.message;

  it('accepts a rule, skipped dates being optional', () => {
    expect(seriesRuleSchema.parse(valid)).toEqual(valid);
    expect(seriesRuleSchema.parse({ frequency: 'biweekly', weekdays: [7], until: '2027-05-31' })).toEqual({
      frequency: 'biweekly',
      weekdays: [7],
      until: '2027-05-31',
      skipDates: [],
    });
  });

  it('wants weekly or every other week', () => {
    expect(message({ ...valid, frequency: 'daily' })).toBe('Choose weekly or every other week');
  });

  it('wants at least one weekday, each an ISO weekday chosen once', () => {
    expect(message({ ...valid, weekdays: [] })).toBe('Choose at least one weekday');
    expect(message({ ...valid, weekdays: [0] })).toBe('Give each weekday as a number from 1 (Monday) to 7 (Sunday)');
    expect(message({ ...valid, weekdays: [8] })).toBe('Give each weekday as a number from 1 (Monday) to 7 (Sunday)');
    expect(message({ ...valid, weekdays: [1.5] })).toBe('Give each weekday as a number from 1 (Monday) to 7 (Sunday)');
    expect(message({ ...valid, weekdays: [1, 1] })).toBe('Choose each weekday at most once');
  });

  it('wants the series to end within 2 years from today', () => {
    expect(seriesRuleSchema.safeParse({ ...valid, until: '2028-11-23' }).success).toBe(true);
    expect(message({ ...valid, until: '2028-11-24' })).toBe('A series ends within 2 years from today');
  });

  it('takes today in Helsinki, where the day changes before it does in UTC', () => {
    // 22:30 UTC on 23.11. is 00:30 on 24.11. in Helsinki.
    vi.setSystemTime(at('2026-11-23T22:30:00Z'));
    expect(seriesRuleSchema.safeParse({ ...valid, until: '2028-11-24' }).success).toBe(true);
    expect(message({ ...valid, until: '2028-11-25' })).toBe('A series ends within 2 years from today');
  });

  it('wants real dates as YYYY-MM-DD', () => {
    expect(message({ ...valid, until: '2027-02-29' })).toBe('Give the date as YYYY-MM-DD, for example 2027-05-31');
    expect(message({ ...valid, until: '31.5.2027' })).toBe('Give the date as YYYY-MM-DD, for example 2027-05-31');
    expect(message({ ...valid, skipDates: ['2026-13-01'] })).toBe('Give the date as YYYY-MM-DD, for example 2027-05-31');
    expect(seriesRuleSchema.safeParse({ ...valid, until: '2028-02-29' }).success).toBe(true);
  });
});
