import { describe, expect, it } from 'vitest';
import { isRepeatedHelsinkiTime } from '@talkoot/platform/time';
import { formatHelsinkiClock, formatHelsinkiTime, formatHelsinkiTimeRange } from './mail-phrases.js';

// 25.10.2026: at 04:00 summer time (UTC+3) the clocks go back to 03:00 winter time (UTC+2), so
// 03:00–03:59 happens twice. 29.3.2026: at 03:00 (UTC+2) they jump to 04:00 (UTC+3).
describe('times in the repeated autumn hour', () => {
  it('knows exactly which instants have a twin on the Helsinki clock', () => {
    expect(isRepeatedHelsinkiTime('2026-10-25T03:00:00+03:00')).toBe(true);
    expect(isRepeatedHelsinkiTime('2026-10-25T03:59:00+03:00')).toBe(true);
    expect(isRepeatedHelsinkiTime('2026-10-25T03:00:00+02:00')).toBe(true);
    expect(isRepeatedHelsinkiTime('2026-10-25T03:59:00+02:00')).toBe(true);
    expect(isRepeatedHelsinkiTime('2026-10-25T02:59:00+03:00')).toBe(false);
    expect(isRepeatedHelsinkiTime('2026-10-25T04:00:00+02:00')).toBe(false);
    // The spring gap has no twins: 02:59 winter time is followed by 04:00 summer time.
    expect(isRepeatedHelsinkiTime('2026-03-29T02:59:00+02:00')).toBe(false);
    expect(isRepeatedHelsinkiTime('2026-03-29T04:00:00+03:00')).toBe(false);
    expect(isRepeatedHelsinkiTime('2026-07-01T03:30:00+03:00')).toBe(false);
  });

  it('names summer or winter time and the UTC offset in each language', () => {
    const first = '2026-10-25T03:30:00+03:00';
    const second = '2026-10-25T03:00:00+02:00';
    expect(formatHelsinkiClock(first, 'fi')).toBe('03.30 (kesäaika, UTC+3)');
    expect(formatHelsinkiClock(second, 'fi')).toBe('03.00 (talviaika, UTC+2)');
    expect(formatHelsinkiClock(first, 'sv')).toBe('03.30 (sommartid, UTC+3)');
    expect(formatHelsinkiClock(second, 'sv')).toBe('03.00 (vintertid, UTC+2)');
    expect(formatHelsinkiClock(first, 'en')).toBe('03:30 (summer time, UTC+3)');
    expect(formatHelsinkiClock(second, 'en')).toBe('03:00 (winter time, UTC+2)');
    expect(formatHelsinkiTime(first, 'fi')).toBe('sunnuntaina 25. lokakuuta 2026 klo 03.30 (kesäaika, UTC+3)');
    expect(formatHelsinkiTimeRange(first, second, 'en')).toBe(
      'Sunday, 25 October 2026, 03:30 (summer time, UTC+3)–03:00 (winter time, UTC+2)',
    );
  });

  it('adds nothing to ordinary times, on either clock-change day', () => {
    expect(formatHelsinkiClock('2026-10-25T04:30:00+02:00', 'fi')).toBe('04.30');
    expect(formatHelsinkiClock('2026-10-25T02:30:00+03:00', 'en')).toBe('02:30');
    expect(formatHelsinkiClock('2026-03-29T04:30:00+03:00', 'sv')).toBe('04.30');
    expect(formatHelsinkiTimeRange('2026-03-29T02:30:00+02:00', '2026-03-29T04:30:00+03:00', 'fi')).toBe(
      'sunnuntaina 29.3.2026 klo 02.30–04.30',
    );
  });
});
