import { Link } from 'react-router';
import { TextField } from '../form-fields';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { AvailabilityGrid } from './availability-grid';
import { categoryKeys, localised } from './lending-labels';
import type { SearchHit } from './lending-view';

export const takeField = (itemId: string) => `take-${itemId}`;

// The hits, nearest village first as the api sorts them. A signed-in person writes how many to take
// from each owner right here: the numbers travel with the request form around the list.
export function LendingResults({
  hits,
  when,
  wanted,
  canRequest,
  taken,
  errors,
}: {
  hits: SearchHit[];
  when: string;
  wanted: number | null;
  canRequest: boolean;
  taken: Record<string, string>;
  errors: FieldErrors;
}) {
  const { t, language } = useI18n();
  return (
    <section className="section" aria-labelledby="lending-results-title">
      <h2 id="lending-results-title">{t('lending.search.resultsTitle', { when })}</h2>
      {hits.length === 0 ? (
        <div className="panel panel--info">
          <p>
            <strong>{t('lending.search.none')}</strong>
          </p>
          <p>{t('lending.search.noneAdvice')}</p>
        </div>
      ) : (
        <>
          <p>{t('lending.search.count', { count: hits.length })}</p>
          <ul className="card-list lending-results">
            {hits.map(({ item, free, days }) => {
              const name = localised(item.name, language);
              const field = takeField(item.id);
              return (
                <li key={item.id} className="card lending-hit">
                  <h3>
                    <Link to={`/lending/items/${item.id}`}>{name}</Link>
                  </h3>
                  <p className="muted">
                    {t(categoryKeys[item.category])} · {t('lending.search.owner', { name: item.owner.name })}
                  </p>
                  <p>{t('lending.search.place', { place: [item.village, item.place].filter(Boolean).join(', ') })}</p>
                  <p className="lending-hit__free">
                    <strong>{t('lending.search.freeForPeriod', { free, total: item.quantity })}</strong>
                  </p>
                  <AvailabilityGrid days={days} total={item.quantity} wanted={wanted} />
                  {canRequest && free > 0 ? (
                    <TextField
                      name={field}
                      idPrefix="request"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      className="lending-hit__take"
                      label={`${t('lending.search.take')}: ${name}`}
                      hint={t('lending.search.takeHint', { free })}
                      error={errors[field] ? t(errors[field] as MessageKey) : undefined}
                      defaultValue={taken[field] ?? ''}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
