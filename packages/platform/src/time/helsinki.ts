import { tzOffset } from '@date-fns/tz';
import { type CalendarDay, calendarDayOf, isRealDate, parseCalendarDay } from './calendar-day.js';

// The region's time zone: times are stored as UTC instants and people read them in Helsinki.
// Everything here works from UTC offsets through Intl, so the machine's own zone (TZ) never matters.
export const HELSINKI = 'Europe/Helsinki';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type Instant = Date | number | string;

const toMs = (instant: Instant) =>
  instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);

// Minutes Helsinki is ahead of UTC at that instant: 120 in winter, 180 in summer.
export function helsinkiOffsetMinutes(instant: Instant): number {
  return tzOffset(HELSINKI, new Date(toMs(instant)));
}

// The Helsinki wall clock at an instant, as milliseconds read like a UTC time (so that the
// UTC getters of `new Date(wall)` give the local year, month, day, hour and minute).
export function toHelsinkiWallClock(instant: Instant): number {
  const ms = toMs(instant);
  return ms + helsinkiOffsetMinutes(ms) * MINUTE_MS;
}

// The instant a Helsinki wall-clock time names. A time the clocks skip in spring (03:30 on the last
// Sunday of March) means the same time after the jump (04:30); a time they pass twice in autumn
// (03:00–03:59 on the last Sunday of October) means the second, winter-time one. Worked out from
// offsets only: TZDate's own choice for those times depends on the machine's time zone.
export function fromHelsinkiWallClock(wall: number): Date {
  const before = helsinkiOffsetMinutes(wall - DAY_MS);
  const after = helsinkiOffsetMinutes(wall + DAY_MS);
  const readings = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => helsinkiOffsetMinutes(instant) * MINUTE_MS === wall - instant);
  return new Date(readings.length ? Math.max(...readings) : wall - before * MINUTE_MS);
}

export type HelsinkiParts = { year: number; month: number; day: number; hour: number; minute: number };

export function helsinkiParts(instant: Instant): HelsinkiParts {
  const wall = new Date(toHelsinkiWallClock(instant));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

// The Helsinki calendar day an instant falls on.
export function helsinkiDayOf(instant: Instant): CalendarDay {
  return calendarDayOf(Math.floor(toHelsinkiWallClock(instant) / DAY_MS));
}

export function helsinkiToday(now: Instant = new Date()): CalendarDay {
  return helsinkiDayOf(now);
}

// Milliseconds since the Helsinki midnight that began the instant's day (wall-clock time).
export function helsinkiTimeOfDay(instant: Instant): number {
  const wall = toHelsinkiWallClock(instant);
  return wall - Math.floor(wall / DAY_MS) * DAY_MS;
}

// A Helsinki day and a wall-clock time on it (ms since midnight; a full day names the next midnight).
export function helsinkiInstantAt(date: CalendarDay, timeOfDay: number): Date {
  const { year, month, day } = parseCalendarDay(date);
  return fromHelsinkiWallClock(Date.UTC(year, month - 1, day) + timeOfDay);
}

// 'HH:MM' on a Helsinki day as an instant; '24:00' is the midnight at the end of the day.
export function helsinkiInstant(date: CalendarDay, clock: string): Date {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return helsinkiInstantAt(date, (hours * 60 + minutes) * MINUTE_MS);
}

// Midnight is never skipped or repeated in Helsinki (the clocks change at 03:00/04:00).
export function helsinkiDayStart(date: CalendarDay): Date {
  return helsinkiInstantAt(date, 0);
}

export function isClockText(value: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  return !!match && Number(match[1]) <= 23 && Number(match[2]) <= 59;
}

// A date and clock typed into a form, as the instant and as ISO text with the offset in force
// ("2026-12-15" + "18:00" → "2026-12-15T18:00:00+02:00"); null when either is not real.
export function helsinkiToInstant(date: string, clock: string): { iso: string; time: number } | null {
  if (!isRealDate(date) || !isClockText(clock)) return null;
  const { year, month, day } = parseCalendarDay(date);
  const wall = Date.UTC(year, month - 1, day, Number(clock.slice(0, 2)), Number(clock.slice(3)));
  const time = fromHelsinkiWallClock(wall).getTime();
  // The offset that turns the typed wall clock into this instant: in the spring gap that is the
  // winter one, so "03:30+02:00" names the same instant as 04:30 summer time.
  const offset = (wall - time) / MINUTE_MS;
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return { iso: `${date}T${clock}:00${sign}${hours}:${minutes}`, time };
}

// The Helsinki day and clock time of an instant, for filling a form again: the inverse of helsinkiToInstant.
export function toLocalInputs(instant: Instant): { date: CalendarDay; time: string } {
  const { hour, minute } = helsinkiParts(instant);
  return { date: helsinkiDayOf(instant), time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

// True when the Helsinki clock shows this time twice: on the last Sunday of October 03:00–03:59
// comes first in summer time (UTC+3), then again in winter time (UTC+2).
export function isRepeatedHelsinkiTime(instant: Instant): boolean {
  const ms = toMs(instant);
  const offset = helsinkiOffsetMinutes(ms);
  const wall = ms + offset * MINUTE_MS;
  for (const probe of [ms - 3_600_000, ms + 3_600_000]) {
    const other = helsinkiOffsetMinutes(probe);
    // The same wall-clock time, read with the other offset, is another real instant.
    if (other !== offset && helsinkiOffsetMinutes(wall - other * MINUTE_MS) === other) return true;
  }
  return false;
}

// A month 'YYYY-MM' from an address (years 2000–2100), else the month it is now in Helsinki.
export function parseMonth(value: string | null, now: Instant = new Date()): { year: number; month: number } {
  const match = value ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (match && Number(match[1]) >= 2000 && Number(match[1]) <= 2100) return { year: Number(match[1]), month: Number(match[2]) };
  const local = helsinkiParts(now);
  return { year: local.year, month: local.month };
}
