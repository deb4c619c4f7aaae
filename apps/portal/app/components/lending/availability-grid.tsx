import { formatShortDate, isoWeekday, weekdayName } from '@talkoot/platform/time';
import type { Language, MessageKey, Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';

export type DayAvailability = { date: string; free: number };

export type DayLevel = 'enough' | 'notEnough' | 'none';

// Whether a day can serve the wanted number; without one, any free unit is enough.
export function dayLevel(free: number, wanted: number | null): DayLevel {
  if (free <= 0) return 'none';
  return wanted !== null && free < wanted ? 'notEnough' : 'enough';
}

const levelKeys: Record<DayLevel, MessageKey> = {
  enough: 'lending.grid.enough',
  notEnough: 'lending.grid.notEnough',
  none: 'lending.grid.none',
};

// "la 14.3.": short enough for a phone, the way people write a day here.
export function shortDayText(date: string, language: Language): string {
  return `${weekdayName(isoWeekday(date), language)} ${formatShortDate(date, { withYear: false })}`;
}

// "38 / 50 vapaana la 14.3.", read at a glance: the day, the count, and a word as well as a colour
// (colour alone is not enough for WCAG 1.4.1).
export function AvailabilityGrid({
  days,
  total,
  wanted,
  caption,
}: {
  days: DayAvailability[];
  total: number;
  wanted: number | null;
  caption?: string;
}) {
  const { t, language } = useI18n();
  return (
    <figure className="availability">
      <figcaption className="availability__caption">{caption ?? t('lending.grid.caption')}</figcaption>
      <ul className="availability__days">
        {days.map((day) => (
          <AvailabilityDay key={day.date} day={day} total={total} wanted={wanted} t={t} language={language} />
        ))}
      </ul>
    </figure>
  );
}

function AvailabilityDay({
  day,
  total,
  wanted,
  t,
  language,
}: {
  day: DayAvailability;
  total: number;
  wanted: number | null;
  t: Translate;
  language: Language;
}) {
  const level = dayLevel(day.free, wanted);
  return (
    <li className={`availability__day availability__day--${level}`}>
      <span className="availability__date">{shortDayText(day.date, language)}</span>
      <span className="availability__count">{t('lending.grid.cell', { free: day.free, total })}</span>
      {/* Without a wanted number "enough" says nothing; "none free" still does. */}
      {wanted !== null || level === 'none' ? <span className="availability__level">{t(levelKeys[level])}</span> : null}
    </li>
  );
}
