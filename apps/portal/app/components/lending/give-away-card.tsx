import type { ReactNode } from 'react';
import { formatDay } from '@talkoot/platform/time';
import type { GiveAway } from './give-away-api.server';
import { categoryKeys, localised } from './lending-labels';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';

export const giveAwayStateKeys: Record<GiveAway['state'], MessageKey> = {
  offered: 'giveAway.state.offered',
  claimed: 'giveAway.state.claimed',
  given: 'giveAway.state.given',
  withdrawn: 'giveAway.state.withdrawn',
};

// One offer as people read it: what, how many, from whom, where it is now, and its state.
export function GiveAwayCard({
  offer,
  headingLevel = 2,
  children,
}: {
  offer: GiveAway;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t, language } = useI18n();
  const name = localised(offer.item.name, language);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const place = offer.address
    ? `${offer.address}, ${offer.village.name}, ${offer.municipality.name}`
    : `${offer.village.name}, ${offer.municipality.name}`;
  const description = localised(offer.item.description, language);
  return (
    <article className="loan-group give-away" aria-labelledby={`give-away-${offer.id}`}>
      <Heading id={`give-away-${offer.id}`}>{t('giveAway.units', { count: offer.units, name })}</Heading>
      <p>
        <span className="loan-state">{t(giveAwayStateKeys[offer.state])}</span>
      </p>
      <dl className="give-away__facts">
        <dt>{t('giveAway.giver')}</dt>
        <dd>{offer.owner.name}</dd>
        <dt>{t('giveAway.where')}</dt>
        <dd>{place}</dd>
        <dt>{t('giveAway.category')}</dt>
        <dd>{t(categoryKeys[offer.item.category])}</dd>
        <dt>{t('giveAway.offeredOn')}</dt>
        <dd>{formatDay(offer.createdAt, language)}</dd>
        {offer.claimer ? (
          <>
            <dt>{t('giveAway.claimer')}</dt>
            <dd>{offer.claimer.name}</dd>
          </>
        ) : null}
      </dl>
      {description ? <p>{description}</p> : null}
      {offer.note ? (
        <p>
          <strong>{t('giveAway.note')}:</strong> {offer.note}
        </p>
      ) : null}
      {children}
    </article>
  );
}
