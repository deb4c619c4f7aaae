// Calendar days and clock times of the region (Europe/Helsinki), whatever the server's own zone.
const timeZone = 'Europe/Helsinki';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number };

export function helsinkiParts(date: Date): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(date)) parts[part.type] = part.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

// Minutes Helsinki is ahead of UTC at that instant (120 in winter, 180 in summer).
function offsetMinutes(instant: number): number {
  const local = helsinkiParts(new Date(instant));
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

const pad = (value: number) => String(value).padStart(2, '0');

export function isDateText(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isTimeText(value: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  return !!match && Number(match[1]) <= 23 && Number(match[2]) <= 59;
}

// "2026-12-15" + "18:00" in Helsinki -> "2026-12-15T18:00:00+02:00" and its instant.
export function helsinkiToInstant(dateText: string, timeText: string): { iso: string; time: number } | null {
  if (!isDateText(dateText) || !isTimeText(timeText)) return null;
  const [year, month, day] = dateText.split('-').map(Number) as [number, number, number];
  const [hour, minute] = timeText.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let offset = offsetMinutes(wall - offsetMinutes(wall) * 60_000);
  const time = wall - offset * 60_000;
  offset = offsetMinutes(time);
  const sign = offset >= 0 ? '+' : '-';
  const absolute = Math.abs(offset);
  return { iso: `${dateText}T${timeText}:00${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`, time };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthText(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

export function dayText(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function parseMonth(value: string | null, now = new Date()): { year: number; month: number } {
  const match = value ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (match && Number(match[1]) >= 2000 && Number(match[1]) <= 2100) return { year: Number(match[1]), month: Number(match[2]) };
  const local = helsinkiParts(now);
  return { year: local.year, month: local.month };
}

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

// Monday = 0 … Sunday = 6, for a calendar date (no time zone involved).
export function weekdayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function localeTag(language: 'fi' | 'sv' | 'en'): string {
  return language === 'en' ? 'en-GB' : language === 'sv' ? 'sv-FI' : 'fi-FI';
}

export function formatTime(instant: number, language: 'fi' | 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(localeTag(language), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

export function formatDay(instant: number, language: 'fi' | 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(localeTag(language), { timeZone, weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric' }).format(instant);
}

// A busy period cut to each Helsinki day it touches: "18.00–21.00", or "00.00–24.00" for a whole day.
export type DaySlot = { day: number; from: string; to: string; status: 'requested' | 'approved' };

export function slotsByDay(
  busy: { startsAt: string; endsAt: string; status: 'requested' | 'approved' }[],
  year: number,
  month: number,
  language: 'fi' | 'sv' | 'en',
): Map<number, DaySlot[]> {
  const result = new Map<number, DaySlot[]>();
  const days = daysInMonth(year, month);
  for (let day = 1; day <= days; day++) {
    const start = helsinkiToInstant(dayText(year, month, day), '00:00')!.time;
    const next = shiftDay(year, month, day);
    const end = helsinkiToInstant(next, '00:00')!.time;
    for (const period of busy) {
      const from = Date.parse(period.startsAt);
      const to = Date.parse(period.endsAt);
      if (!(from < end && to > start)) continue;
      const slot: DaySlot = {
        day,
        from: formatTime(Math.max(from, start), language),
        to: to >= end ? '24' + formatTime(end, language).slice(2) : formatTime(to, language),
        status: period.status,
      };
      result.set(day, [...(result.get(day) ?? []), slot]);
    }
  }
  return result;
}

function shiftDay(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day + 1));
  return dayText(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// The Helsinki day and time of an instant, for filling a form again.
export function toLocalInputs(iso: string): { date: string; time: string } {
  const local = helsinkiParts(new Date(iso));
  return { date: dayText(local.year, local.month, local.day), time: `${pad(local.hour)}:${pad(local.minute)}` };
}
