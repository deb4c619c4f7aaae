import { Link } from 'react-router';
import { addDays, formatDate, isoWeekNumber, localeTag, weekdayName } from '@talkoot/platform/time';
import type { BusySlot, SpaceRules } from '../../lib/api-types';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { cellState, isClosedDate, weekHours, type CellState } from './week-time';

type WeekCalendarProps = {
  venueId: string;
  spaceId: string;
  spaceName: string;
  // The Monday of the week, 'YYYY-MM-DD'.
  monday: string;
  today: string;
  busy: BusySlot[];
  rules: Pick<SpaceRules, 'openingHours' | 'closedDates'>;
};

const stateKeys: Record<Exclude<CellState, 'none'>, MessageKey> = {
  free: 'venues.calendar.free',
  approved: 'venues.calendar.approved',
  requested: 'venues.calendar.requested',
  closed: 'venues.week.closed',
};

// One week of a space as a real table: days as columns, an hour per row, each cell in words
// (and in colour and pattern). Narrow screens scroll the table inside its own labelled region.
export function WeekCalendar({ venueId, spaceId, spaceName, monday, today, busy, rules }: WeekCalendarProps) {
  const { t, language } = useI18n();
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  const hours = weekHours(rules.openingHours);
  const href = (week: string) => `/venues/${venueId}?space=${encodeURIComponent(spaceId)}&view=week&week=${week}#calendar-title`;
  const shortDate = (date: string) =>
    new Intl.DateTimeFormat(localeTag(language), { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${date}T12:00:00Z`),
    );
  const caption = t('venues.week.caption', {
    space: spaceName,
    week: isoWeekNumber(monday),
    from: formatDate(monday, language),
    to: formatDate(days[6]!, language),
  });
  const hourText = (hour: number) => `${String(hour).padStart(2, '0')}–${String(hour + 1).padStart(2, '0')}`;

  return (
    <div className="week">
      <nav className="month__nav" aria-label={t('venues.week.nav')}>
        <Link to={href(addDays(monday, -7))} rel="prev">
          <span aria-hidden="true">← </span>
          {t('venues.week.previous')}
        </Link>
        <Link to={href(addDays(monday, 7))} rel="next">
          {t('venues.week.next')}
          <span aria-hidden="true"> →</span>
        </Link>
      </nav>
      <ul className="week__legend" aria-label={t('venues.week.legend')}>
        {(['free', 'requested', 'approved', 'closed'] as const).map((state) => (
          <li key={state}>
            <span className={`week__swatch week__cell--${state}`} aria-hidden="true" />
            {t(stateKeys[state])}
          </li>
        ))}
      </ul>
      {/* Narrow screens: the same week as a list of days, each told as runs of hours. */}
      <div className="week__list">
        <p className="week__list-title">{caption}</p>
        <ul className="plain-list">
          {days.map((date, index) => (
            <li key={date} className={date === today ? 'week__day week__day--today' : 'week__day'}>
              <h3 className="week__day-title">
                {weekdayName(index + 1, language, 'long')} {shortDate(date)}
                {date === today ? <span className="week__today-label">{t('venues.week.today')}</span> : null}
              </h3>
              <ul className="week__runs">
                {hourRuns(date, hours, busy, rules).map((run) => (
                  <li key={run.from} className={`week__run week__cell--${run.state}`}>
                    {`${String(run.from).padStart(2, '0')}–${String(run.to).padStart(2, '0')}`} {t(stateKeys[run.state])}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
      {/* A scrolling region must be reachable by keyboard to be scrolled without a mouse (WCAG 2.1.1). */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <section className="week__scroll" aria-labelledby="week-caption" tabIndex={0}>
        <table className="week__table">
          <caption id="week-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="week__corner">
                <span className="visually-hidden">{t('venues.confirm.when')}</span>
              </th>
              {days.map((date, index) => {
                const isToday = date === today;
                const closed = isClosedDate(date, rules.closedDates);
                return (
                  <th
                    key={date}
                    scope="col"
                    className={isToday ? 'week__today' : undefined}
                    aria-current={isToday ? 'date' : undefined}
                  >
                    <abbr title={weekdayName(index + 1, language, 'long')}>{weekdayName(index + 1, language)}</abbr>{' '}
                    <span className="week__date">{shortDate(date)}</span>
                    {isToday ? <span className="week__today-label">{t('venues.week.today')}</span> : null}
                    {closed?.reason ? <span className="week__reason">{closed.reason}</span> : null}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {hours.map((hour) => (
              <tr key={hour}>
                <th scope="row" className="week__hour">
                  {hourText(hour)}
                </th>
                {days.map((date) => {
                  const state = cellState(date, hour, busy, rules);
                  return (
                    <td
                      key={date}
                      className={`week__cell week__cell--${state}${date === today ? ' week__cell--today' : ''}`}
                      data-date={date}
                      data-hour={hour}
                    >
                      {state === 'none' ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('venues.week.noHour')}</span>
                        </>
                      ) : (
                        t(stateKeys[state])
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

// Consecutive hours of a day in the same state: "07–13 vapaa", "13–16 varattu".
function hourRuns(date: string, hours: number[], busy: BusySlot[], rules: Pick<SpaceRules, 'openingHours' | 'closedDates'>) {
  const runs: { from: number; to: number; state: Exclude<CellState, 'none'> }[] = [];
  for (const hour of hours) {
    const state = cellState(date, hour, busy, rules);
    if (state === 'none') continue;
    const last = runs.at(-1);
    if (last && last.state === state && last.to === hour) last.to = hour + 1;
    else runs.push({ from: hour, to: hour + 1, state });
  }
  return runs;
}
