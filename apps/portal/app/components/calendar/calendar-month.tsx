import {
  daysInMonth,
  dayText,
  formatClock,
  formatDayHeading,
  formatMonth,
  helsinkiDayOf,
  weekdayIndex,
} from '@talkoot/platform/time';
import type { CalendarEntry } from '../../lib/api-types';
import type { Language, Translate } from '../../lib/i18n';
import { pickLocalisedText } from '../../lib/labels';
import { weekdayNames } from './calendar-time';

type MonthProps = {
  year: number;
  month: number;
  items: CalendarEntry[];
  today: string;
  t: Translate;
  language: Language;
  dayHref: (date: string) => string;
};

// A busy day shows its first few events and a link to the whole day in the list: the month stays
// readable at a glance, and light, however full the region's calendar is.
const TITLES_PER_DAY = 4;

// A real table for a month at a glance; under 40em wide the CSS turns it into a list of the days
// that have events (each cell then shows its full day name).
export function CalendarMonth({ year, month, items, today, t, language, dayHref }: MonthProps) {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const item of items) {
    const day = helsinkiDayOf(item.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const days = daysInMonth(year, month);
  const lead = weekdayIndex(year, month, 1);
  const cells: (number | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, index) => index + 1),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, index) => cells.slice(index * 7, index * 7 + 7));
  const longNames = weekdayNames(language, 'long');
  const shortNames = weekdayNames(language, 'short');
  return (
    <table className="calendar-month">
      <caption className="visually-hidden">{formatMonth(year, month, language)}</caption>
      <thead>
        <tr>
          {shortNames.map((name, index) => (
            <th key={name} scope="col">
              <abbr title={longNames[index]}>{name}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, weekIndex) => (
          <tr key={weekIndex}>
            {week.map((day, index) => {
              // A day of the next or previous month: an empty cell (a no-break space keeps it a cell).
              if (day === null)
                return (
                  <td key={`blank-${index}`} className="calendar-month__blank">
                    {'\u00a0'}
                  </td>
                );
              const date = dayText(year, month, day);
              const dayItems = byDay.get(date) ?? [];
              const classes = [
                'calendar-month__cell',
                dayItems.length ? 'calendar-month__cell--busy' : 'calendar-month__cell--empty',
                date === today ? 'calendar-month__cell--today' : '',
              ];
              return (
                <td key={date} className={classes.join(' ').trim()}>
                  <p className="calendar-month__date">
                    <span className="calendar-month__number" aria-hidden="true">
                      {day}
                    </span>
                    <span className="calendar-month__full">{formatDayHeading(date, language)}</span>
                    {date === today ? <span className="calendar-month__today"> {t('calendar.today')}</span> : null}
                  </p>
                  {dayItems.length ? (
                    <ul className="calendar-month__events">
                      {dayItems.slice(0, TITLES_PER_DAY).map((item) => {
                        const title = pickLocalisedText(item.title, language);
                        const isCancelled = item.isCancelled || item.status === 'cancelled';
                        return (
                          <li
                            key={item.id}
                            className={
                              isCancelled ? 'calendar-month__event calendar-month__event--cancelled' : 'calendar-month__event'
                            }
                          >
                            <span className="calendar-month__time">
                              {item.isAllDay ? t('calendar.allDay') : formatClock(item.startsAt, language)}
                            </span>{' '}
                            <a href={`/events/${item.eventId}`}>{title?.text ?? t('calendar.untitled')}</a>
                            {isCancelled ? <span className="calendar-cancelled"> ({t('calendar.cancelledShort')})</span> : null}
                          </li>
                        );
                      })}
                      {dayItems.length > TITLES_PER_DAY ? (
                        <li className="calendar-month__event">
                          <a href={dayHref(date)}>{t('calendar.moreOnDay', { count: dayItems.length - TITLES_PER_DAY })}</a>
                        </li>
                      ) : null}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
