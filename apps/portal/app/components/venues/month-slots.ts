import { dayText, daysInMonth, formatClock, helsinkiDayStart } from '@talkoot/platform/time';

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
    const start = helsinkiDayStart(dayText(year, month, day)).getTime();
    const end = helsinkiDayStart(dayText(year, month, day + 1)).getTime();
    for (const period of busy) {
      const from = Date.parse(period.startsAt);
      const to = Date.parse(period.endsAt);
      if (!(from < end && to > start)) continue;
      const slot: DaySlot = {
        day,
        from: formatClock(Math.max(from, start), language),
        to: to >= end ? '24' + formatClock(end, language).slice(2) : formatClock(to, language),
        status: period.status,
      };
      result.set(day, [...(result.get(day) ?? []), slot]);
    }
  }
  return result;
}
