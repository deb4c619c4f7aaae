import { formatDayHeading, helsinkiDayOf } from '@talkoot/platform/time';
import type { CalendarEntry } from '../../lib/api-types';
import type { Language, Translate } from '../../lib/i18n';
import { pickLocalisedText } from '../../lib/labels';
import { accessibilityWords, audienceWords, categoryKeys } from './calendar-labels';
import { priceText, timeText } from './calendar-time';

type ListProps = {
  items: CalendarEntry[];
  t: Translate;
  language: Language;
  // The embed opens the full site in a new tab; links are then absolute.
  linkBase?: string;
  opensNewTab?: boolean;
  // Day headings under the page's period heading (3) or right under the h1 (2).
  dayLevel?: 2 | 3;
};

// Plain anchors and props instead of router hooks: the embed renders this outside the router.
export function CalendarList({ items, t, language, linkBase = '', opensNewTab = false, dayLevel = 3 }: ListProps) {
  if (items.length === 0) return <p className="calendar-empty">{t('calendar.empty')}</p>;
  const byDay = new Map<string, CalendarEntry[]>();
  for (const item of items) {
    const day = helsinkiDayOf(item.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const DayHeading = dayLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="calendar-days">
      {[...byDay].map(([day, dayItems]) => (
        <section key={day} className="calendar-day" aria-labelledby={`day-${day}`}>
          <DayHeading id={`day-${day}`} className="calendar-day__heading">
            {formatDayHeading(day, language)}
          </DayHeading>
          <ul className="calendar-items">
            {dayItems.map((item) => (
              <CalendarListItem
                key={item.id}
                item={item}
                t={t}
                language={language}
                linkBase={linkBase}
                opensNewTab={opensNewTab}
                titleLevel={dayLevel === 2 ? 3 : 4}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

type ItemProps = {
  item: CalendarEntry;
  t: Translate;
  language: Language;
  linkBase: string;
  opensNewTab: boolean;
  titleLevel: 3 | 4;
};

function CalendarListItem({ item, t, language, linkBase, opensNewTab, titleLevel }: ItemProps) {
  const Title = titleLevel === 3 ? 'h3' : 'h4';
  const title = pickLocalisedText(item.title, language);
  const isCancelled = item.isCancelled || item.status === 'cancelled';
  const note = item.note ? pickLocalisedText(item.note, language) : null;
  const accessibility = accessibilityWords(t, item.accessibility);
  return (
    <li className={isCancelled ? 'calendar-item calendar-item--cancelled' : 'calendar-item'}>
      <p className="calendar-item__time">{timeText(item, language, t('calendar.allDay'))}</p>
      <div className="calendar-item__body">
        <Title className="calendar-item__title">
          {isCancelled ? <span className="calendar-cancelled">{t('calendar.cancelled')}: </span> : null}
          <a
            href={`${linkBase}/events/${item.eventId}`}
            {...(opensNewTab ? { target: '_blank', rel: 'noopener' } : {})}
            lang={title?.language === language ? undefined : title?.language}
          >
            {title?.text ?? t('calendar.untitled')}
            {opensNewTab ? <span className="visually-hidden"> {t('calendar.opensNewTab')}</span> : null}
          </a>
        </Title>
        {note ? (
          <p className="calendar-item__note" lang={note.language === language ? undefined : note.language}>
            {note.text}
          </p>
        ) : null}
        <dl className="calendar-facts">
          <div>
            <dt>{t('calendar.place')}</dt>
            <dd>
              {item.placeName}, {item.village.name}
              {item.village.name !== item.municipality.name ? ` (${item.municipality.name})` : ''}
            </dd>
          </div>
          {item.organisers.length ? (
            <div>
              <dt>{item.organisers.length > 1 ? t('calendar.organisers') : t('calendar.organiser')}</dt>
              <dd>{item.organisers.map((organiser) => organiser.name).join(', ')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('calendar.categoryLabel')}</dt>
            <dd>
              {t(categoryKeys[item.category])}
              {item.audiences.length && !(item.audiences.length === 1 && item.audiences[0] === 'everyone')
                ? ` · ${t('calendar.for', { audiences: audienceWords(t, item.audiences) })}`
                : ''}
            </dd>
          </div>
          <div>
            <dt>{t('calendar.price')}</dt>
            <dd>{priceText(item.priceCents, language, t('calendar.free'))}</dd>
          </div>
          {accessibility ? (
            <div>
              <dt>{t('calendar.accessibilityLabel')}</dt>
              <dd>{accessibility}</dd>
            </div>
          ) : null}
        </dl>
        {item.isRideSharingWelcome ? <p className="calendar-item__ride">{t('calendar.rideSharing')}</p> : null}
      </div>
    </li>
  );
}
