import { tzOffset } from '@date-fns/tz';

const HELSINKI = 'Europe/Helsinki';

// The instant a Helsinki calendar day starts (plus `days`); today when no date is given.
export function helsinkiDayStart(date: string | null, days = 0, today = new Date()): Date {
  let year: number;
  let month: number;
  let day: number;
  if (date) {
    [year, month, day] = date.split('-').map(Number) as [number, number, number];
  } else {
    const wall = new Date(today.getTime() + tzOffset(HELSINKI, today) * 60_000);
    [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()];
  }
  const wall = Date.UTC(year, month - 1, day + days);
  // Midnight is never skipped or repeated in Helsinki (the clocks change at 03:00/04:00).
  const offset = tzOffset(HELSINKI, new Date(wall));
  return new Date(wall - offset * 60_000);
}
