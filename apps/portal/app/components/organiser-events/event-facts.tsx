import { formatDay } from '@talkoot/platform/time';
import { formatEuros } from '@talkoot/platform/money';
import type { OrganiserEvent } from '../../lib/api-types';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { categoryKeys, whenText, weekdayKeys } from './event-labels';

const coStatusKeys: Record<'invited' | 'accepted' | 'declined', MessageKey> = {
  invited: 'events.co.invited',
  accepted: 'events.co.accepted',
  declined: 'events.co.declined',
};

// The event in short: when, where, who organises it (co-organisers with their answers).
export function EventFacts({ event }: { event: OrganiserEvent }) {
  const { t, language } = useI18n();
  const first = event.occurrences[0];
  return (
    <dl className="details">
      {first ? (
        <>
          <dt>{t('events.facts.when')}</dt>
          <dd>{whenText(first.startsAt, first.endsAt, event.isAllDay, language)}</dd>
        </>
      ) : null}
      <dt>{t('events.facts.where')}</dt>
      <dd>
        {event.placeName}
        {event.address ? `, ${event.address}` : ''}, {event.village.name}
      </dd>
      <dt>{t('events.facts.category')}</dt>
      <dd>{t(categoryKeys[event.category])}</dd>
      <dt>{t('events.facts.price')}</dt>
      <dd>{event.priceCents === null ? t('events.price.free') : formatEuros(event.priceCents, language)}</dd>
      <dt>{t('events.facts.organiser')}</dt>
      <dd>{event.organisation.name}</dd>
      {event.coOrganisers.length ? (
        <>
          <dt>{t('events.facts.coOrganisers')}</dt>
          <dd>
            <ul className="event-facts__list">
              {event.coOrganisers.map((co) => (
                <li key={co.id}>
                  {co.name}: {t(coStatusKeys[co.status])}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

// "Every 2 weeks on Tuesday and Thursday, until 15.12.2026; not on 24.12.2026".
export function RecurrenceSummary({ event }: { event: OrganiserEvent }) {
  const { t, language } = useI18n();
  const rule = event.recurrence;
  if (!rule) return null;
  const every =
    rule.frequency === 'weekly'
      ? t('events.repeat.weekly', {
          n: rule.interval,
          days: rule.weekdays.map((day) => t(weekdayKeys[day - 1]!)).join(', ') || '–',
        })
      : rule.frequency === 'monthly-weekday'
        ? t('events.repeat.monthlyWeekday', { n: rule.interval })
        : t('events.repeat.monthlyDate', { n: rule.interval });
  const end = rule.until
    ? t('events.repeat.until', { date: formatDay(Date.parse(`${rule.until}T12:00:00Z`), language) })
    : t('events.repeat.count', { n: rule.count ?? 0 });
  return (
    <p>
      <strong>{t('events.repeat.label')}:</strong> {every}, {end}. {t('events.repeat.dates', { n: event.occurrences.length })}
    </p>
  );
}
