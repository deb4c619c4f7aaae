import { formatEuros } from '@talkoot/platform/money';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { localised } from './lending-labels';
import type { Borrowers, ItemDetails } from './lending-view';

const borrowerKeys: Record<Borrowers, MessageKey> = {
  members: 'lending.item.who.members',
  region: 'lending.item.who.region',
  residents: 'lending.item.who.residents',
};

// What a borrower needs to know before asking: where, how to collect, what it costs, the rules.
export function ItemFacts({ item }: { item: ItemDetails }) {
  const { t, language } = useI18n();
  const fee = (cents: number) => (cents === 0 ? t('lending.item.free') : formatEuros(cents, language));
  const description = localised(item.description, language);
  return (
    <dl className="space-rules">
      {description ? (
        <div>
          <dt>{t('lending.item.description')}</dt>
          <dd>{description}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('lending.item.keptAt')}</dt>
        <dd>{[item.address, item.village, item.place].filter(Boolean).join(', ')}</dd>
      </div>
      {item.pickUpInstructions ? (
        <div>
          <dt>{t('lending.item.pickUp')}</dt>
          <dd>{item.pickUpInstructions}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('lending.item.fees')}</dt>
        <dd>
          <ul className="plain-list">
            <li>
              {t('lending.item.feeMembers')}: {fee(item.feeMembersCents)}
            </li>
            <li>
              {t('lending.item.feeOrganisations')}: {fee(item.feeOrganisationsCents)}
            </li>
            <li>
              {t('lending.item.feePrivate')}: {fee(item.feePrivateCents)}
            </li>
            {item.depositCents ? (
              <li>
                {t('lending.item.deposit')}: {formatEuros(item.depositCents, language)}
              </li>
            ) : null}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('lendingAdmin.form.borrowers')}</dt>
        <dd>{item.borrowers.map((who) => t(borrowerKeys[who])).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('lendingAdmin.form.approval')}</dt>
        <dd>
          <ul className="plain-list">
            <li>{t(item.isApprovalRequired ? 'lending.item.approval' : 'lending.item.instant')}</li>
            {item.maxDays ? <li>{t('lending.item.longest', { days: item.maxDays })}</li> : null}
            {item.noticeDays ? <li>{t('lending.item.notice', { days: item.noticeDays })}</li> : null}
          </ul>
        </dd>
      </div>
      {item.conditionNotes ? (
        <div>
          <dt>{t('lending.item.condition')}</dt>
          <dd>{item.conditionNotes}</dd>
        </div>
      ) : null}
    </dl>
  );
}
