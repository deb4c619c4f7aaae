import { formatEuros } from '@talkoot/platform/money';
import { weekdayName } from '@talkoot/platform/time';
import type { OpeningPeriod, PriceUnit } from '../../lib/api-types';
import type { Language, MessageKey, Translate } from '../../lib/i18n';

// "18:00" -> "18.00" in Finnish and Swedish (as written in Finland), "18:00" in English.
export function clockText(time: string, language: Language): string {
  const [hours = '0', minutes = '00'] = time.split(':');
  return `${Number(hours)}${language === 'en' ? ':' : '.'}${minutes}`;
}

const unitKeys: Record<Exclude<PriceUnit, 'free'>, MessageKey> = {
  hour: 'venues.price.perHour',
  day: 'venues.price.perDay',
  fixed: 'venues.price.fixed',
};

// "45 € / tunti"; a zero price is "maksuton".
export function priceText(t: Translate, language: Language, unit: PriceUnit, cents: number): string {
  if (unit === 'free' || cents === 0) return t('venues.price.free');
  return t(unitKeys[unit], { price: formatEuros(cents, language, 'brief') });
}

// Weekdays with the same hours grouped: "ma–pe 8.00–22.00", "la 10.00–18.00".
export function openingHoursLines(openingHours: OpeningPeriod[], language: Language): { days: string; hours: string }[] {
  const byDay = new Map<number, string>();
  for (let weekday = 1; weekday <= 7; weekday++) {
    const periods = openingHours
      .filter((period) => period.weekday === weekday)
      .toSorted((a, b) => a.opens.localeCompare(b.opens))
      .map((period) => `${clockText(period.opens, language)}–${clockText(period.closes, language)}`);
    if (periods.length > 0) byDay.set(weekday, periods.join(', '));
  }
  const lines: { days: string; hours: string }[] = [];
  let weekday = 1;
  while (weekday <= 7) {
    const hours = byDay.get(weekday);
    if (!hours) {
      weekday++;
      continue;
    }
    let last = weekday;
    while (last < 7 && byDay.get(last + 1) === hours) last++;
    const days =
      last === weekday ? weekdayName(weekday, language) : `${weekdayName(weekday, language)}–${weekdayName(last, language)}`;
    lines.push({ days, hours });
    weekday = last + 1;
  }
  return lines;
}

export function closedWeekdays(openingHours: OpeningPeriod[], language: Language): string[] {
  const open = new Set(openingHours.map((period) => period.weekday));
  return [1, 2, 3, 4, 5, 6, 7].filter((weekday) => !open.has(weekday)).map((weekday) => weekdayName(weekday, language));
}
