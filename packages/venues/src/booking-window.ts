import { addDays, addMinutes, daysBetween, formatShortDate, helsinkiDayOf } from '@talkoot/platform';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// The notice is elapsed hours, so the owner gets the time to prepare whatever the clocks do. How far
// ahead is counted in Helsinki calendar days: a day opens for booking all at once at midnight,
// which is easy to tell a user ("book on or after 24.5.2027").
export function bookingWindowProblem(
  startsAt: Date,
  now: Date,
  window: { minNoticeHours: number; maxDaysAhead: number },
): string | undefined {
  if (startsAt < addMinutes(now, window.minNoticeHours * 60)) {
    return window.minNoticeHours > 0
      ? `Book at least ${plural(window.minNoticeHours, 'hour', 'hours')} ahead`
      : 'The booking would start in the past';
  }
  const startDay = helsinkiDayOf(startsAt);
  if (daysBetween(helsinkiDayOf(now), startDay) > window.maxDaysAhead) {
    const opens =
      window.maxDaysAhead > 0
        ? `Bookings open ${plural(window.maxDaysAhead, 'day', 'days')} ahead`
        : 'Bookings open on the day itself';
    return `${opens}: book on or after ${formatShortDate(addDays(startDay, -window.maxDaysAhead), { withYear: true })}`;
  }
  return undefined;
}
