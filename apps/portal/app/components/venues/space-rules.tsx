import type { SpaceRules } from '../../lib/api-types';
import { useI18n } from '../../lib/root-data';
import { closedWeekdays, openingHoursLines, priceText } from './venue-format';
import { formatEuros } from '@talkoot/platform/money';
import { formatDate } from '@talkoot/platform/time';

// The rules of one space in plain words: when it is open, what it costs, how far ahead, cancelling.
export function SpaceRulesList({ rules, today }: { rules: SpaceRules; today: string }) {
  const { t, language } = useI18n();
  const opening = rules.openingHours ? openingHoursLines(rules.openingHours, language) : null;
  const closedDays = rules.openingHours ? closedWeekdays(rules.openingHours, language) : [];
  const closedDates = rules.closedDates.filter((period) => period.to >= today).toSorted((a, b) => a.from.localeCompare(b.from));
  const isFree =
    rules.priceUnit === 'free' ||
    (rules.priceMembersCents === 0 && rules.priceRegionCents === 0 && rules.pricePrivateCents === 0);
  const notice =
    rules.minNoticeHours % 24 === 0 && rules.minNoticeHours >= 48
      ? t('venues.rules.days', { count: rules.minNoticeHours / 24 })
      : t('venues.hours', { count: rules.minNoticeHours });

  return (
    <dl className="space-rules">
      <div>
        <dt>{t('venues.rules.openingHours')}</dt>
        <dd>
          {opening === null ? (
            t('venues.rules.alwaysOpen')
          ) : opening.length === 0 ? (
            t('venues.rules.neverOpen')
          ) : (
            <ul className="plain-list">
              {opening.map((line) => (
                <li key={line.days}>
                  <span className="space-rules__days">{line.days}</span> {line.hours}
                </li>
              ))}
              {closedDays.length > 0 ? <li>{t('venues.rules.closedWeekdays', { days: closedDays.join(', ') })}</li> : null}
            </ul>
          )}
        </dd>
      </div>
      {closedDates.length > 0 ? (
        <div>
          <dt>{t('venues.rules.closedDates')}</dt>
          <dd>
            <ul className="plain-list">
              {closedDates.map((period) => (
                <li key={`${period.from}-${period.to}`}>
                  {period.from === period.to
                    ? formatDate(period.from, language)
                    : `${formatDate(period.from, language)}–${formatDate(period.to, language)}`}
                  {period.reason ? `: ${period.reason}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('venues.rules.price')}</dt>
        <dd>
          {isFree ? (
            t('venues.price.free')
          ) : (
            <ul className="plain-list">
              <li>
                {t('venues.price.tier.members')}: {priceText(t, language, rules.priceUnit, rules.priceMembersCents)}
              </li>
              <li>
                {t('venues.price.tier.region')}: {priceText(t, language, rules.priceUnit, rules.priceRegionCents)}
              </li>
              <li>
                {t('venues.price.tier.private')}: {priceText(t, language, rules.priceUnit, rules.pricePrivateCents)}
              </li>
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('venues.rules.deposit')}</dt>
        <dd>{rules.depositCents > 0 ? formatEuros(rules.depositCents, language, 'brief') : t('venues.rules.noDeposit')}</dd>
      </div>
      <div>
        <dt>{t('venues.rules.window')}</dt>
        <dd>
          {rules.minNoticeHours > 0
            ? t('venues.rules.windowText', { notice, days: rules.maxDaysAhead })
            : t('venues.rules.windowNoNotice', { days: rules.maxDaysAhead })}
        </dd>
      </div>
      <div>
        <dt>{t('venues.rules.cancellation')}</dt>
        <dd>
          {rules.cancellationFeePercent === 0
            ? t('venues.rules.cancelFree')
            : rules.freeCancellationHours > 0
              ? t('venues.rules.cancelFee', { hours: rules.freeCancellationHours, percent: rules.cancellationFeePercent })
              : t('venues.rules.cancelFeeAlways', { percent: rules.cancellationFeePercent })}
        </dd>
      </div>
    </dl>
  );
}
