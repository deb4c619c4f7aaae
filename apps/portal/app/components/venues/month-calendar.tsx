import { Link } from 'react-router';
import {
  daysInMonth,
  dayText,
  formatMonth,
  localeTag,
  monthText,
  shiftMonth,
  weekdayIndex,
  weekdayName,
} from '@talkoot/platform/time';
import type { BusyPeriod } from '../../lib/api-types';
import { useI18n } from '../../lib/root-data';
import { slotsByDay } from './month-slots';

type MonthCalendarProps = {
  venueId: string;
  spaceId: string;
  spaceName: string;
  year: number;
  month: number;
  busy: BusyPeriod[];
  // 'YYYY-MM-DD' in Helsinki, to mark today.
  today?: string;
};

// One month of a space as a real table: a row per week, a cell per day, busy times written out.
export function MonthCalendar({ venueId, spaceId, spaceName, year, month, busy, today }: MonthCalendarProps) {
  const { t, language } = useI18n();
  const tag = localeTag(language);
  const slots = slotsByDay(busy, year, month, language);
  const total = daysInMonth(year, month);
  const lead = weekdayIndex(year, month, 1);
  const cells: (number | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: total }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const previous = shiftMonth(year, month, -1);
  const next = shiftMonth(year, month, 1);
  const href = (target: { year: number; month: number }) =>
    `/venues/${venueId}?space=${encodeURIComponent(spaceId)}&month=${monthText(target.year, target.month)}#calendar-title`;
  const dayLabel = (day: number) =>
    new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(year, month - 1, day),
    );

  return (
    <div className="month">
      <nav className="month__nav" aria-label={t('venues.calendar.monthNav')}>
        <Link to={href(previous)} rel="prev">
          <span aria-hidden="true">← </span>
          {t('venues.calendar.previous')}
        </Link>
        <Link to={href(next)} rel="next">
          {t('venues.calendar.next')}
          <span aria-hidden="true"> →</span>
        </Link>
      </nav>
      <table className="month__table">
        <caption>{t('venues.calendar.caption', { space: spaceName, month: formatMonth(year, month, language) })}</caption>
        <thead>
          <tr>
            {Array.from({ length: 7 }, (_, index) => (
              <th key={index} scope="col">
                <abbr title={weekdayName(index + 1, language, 'long')}>{weekdayName(index + 1, language)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, weekIndex) => (
            <tr key={weekIndex}>
              {week.map((day, index) =>
                day === null ? (
                  <td key={index} className="month__blank">
                    <span className="visually-hidden">{t('venues.calendar.otherMonth')}</span>
                  </td>
                ) : (
                  <td
                    key={index}
                    className={`month__day${slots.has(day) ? ' month__day--busy' : ''}${today === dayText(year, month, day) ? ' month__day--today' : ''}`}
                    data-day={day}
                  >
                    <span className="month__date" aria-hidden="true">
                      {day}
                    </span>
                    <span className="month__full-date">{dayLabel(day)}</span>
                    {today === dayText(year, month, day) ? (
                      <span className="week__today-label">{t('venues.week.today')}</span>
                    ) : null}
                    {slots.has(day) ? (
                      <ul className="month__slots">
                        {slots.get(day)!.map((slot, slotIndex) => (
                          <li key={slotIndex} className={`month__slot month__slot--${slot.status}`}>
                            {t('venues.calendar.slot', {
                              from: slot.from,
                              to: slot.to,
                              status: t(slot.status === 'approved' ? 'venues.calendar.approved' : 'venues.calendar.requested'),
                            })}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="month__free">{t('venues.calendar.free')}</span>
                    )}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
