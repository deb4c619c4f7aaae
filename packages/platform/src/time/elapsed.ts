// Elapsed time between instants, whatever the clocks do: a notice period, an expiry. For calendar
// days (the same wall-clock time a day later) use addDays on a CalendarDay and helsinkiInstantAt.

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

// 24-hour days: a session or an invitation lasts exactly so long, across clock changes too.
export function addElapsedDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
