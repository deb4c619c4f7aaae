import { Link } from 'react-router';
import { formatDayHeading, helsinkiDayOf } from '@talkoot/platform/time';
import type { CalendarEntry } from '../../lib/api-types';
import type { Language, Translate } from '../../lib/i18n';
import { pickLocalisedText } from '../../lib/labels';
import { timeText } from '../calendar/calendar-time';

type Props = { items: CalendarEntry[]; t: Translate; language: Language };

// The home page's short list: day, time, name and place. Everything else is one click away on the
// event's own page, so the list stays readable on a phone.
export function WeekEvents({ items, t, language }: Props) {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const item of items) {
    const day = helsinkiDayOf(item.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  return (
    <div className="home-week">
      {[...byDay].map(([day, dayItems]) => (
        <section key={day} className="home-week__day" aria-labelledby={`home-day-${day}`}>
          <h3 id={`home-day-${day}`} className="home-week__heading">
            {formatDayHeading(day, language)}
          </h3>
          <ul className="home-week__items">
            {dayItems.map((item) => {
              const title = pickLocalisedText(item.title, language);
              const isCancelled = item.isCancelled || item.status === 'cancelled';
              return (
                <li key={item.id} className={isCancelled ? 'home-event home-event--cancelled' : 'home-event'}>
                  <span className="home-event__time">{timeText(item, language, t('calendar.allDay'))}</span>
                  <span className="home-event__what">
                    {isCancelled ? <span className="home-event__cancelled">{t('calendar.cancelled')}: </span> : null}
                    <Link
                      to={`/events/${item.eventId}`}
                      className="home-event__title"
                      lang={title?.language === language ? undefined : title?.language}
                    >
                      {title?.text ?? t('calendar.untitled')}
                    </Link>
                    <span className="home-event__place">
                      {item.placeName}, {item.village.name}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
