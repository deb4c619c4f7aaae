import { Form, Link } from 'react-router';
import { formatDay, helsinkiToInstant, mondayOf } from '@talkoot/platform/time';
import { ErrorSummary } from '../error-summary';
import { DateTimeField, SelectField, TextField } from '../form-fields';
import type { Region, VenueSearchResults } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { clockText, priceText } from './venue-format';

export type SearchValues = { municipalityId: string; villageId: string; date: string; from: string; to: string; people: string };

export function searchLabels(t: Translate): Record<string, string> {
  return {
    municipalityId: t('venues.search.municipality'),
    villageId: t('venues.search.village'),
    date: t('venues.form.date'),
    from: t('venues.form.startTime'),
    to: t('venues.form.endTime'),
    people: t('venues.search.people'),
  };
}

// A GET form, so a search is a link that can be shared and works without JavaScript.
export function VenueSearchForm({ regions, values, errors }: { regions: Region[]; values: SearchValues; errors: FieldErrors }) {
  const { t } = useI18n();
  const labels = searchLabels(t);
  const municipalities = regions
    .flatMap((region) => region.municipalities)
    .toSorted((a, b) => a.name.localeCompare(b.name, 'fi'));
  const error = (name: string) => (errors[name] ? t(errors[name] as MessageKey) : undefined);
  return (
    <section className="section panel" aria-labelledby="search-title">
      <h2 id="search-title">{t('venues.search.title')}</h2>
      <p>{t('venues.search.intro')}</p>
      <ErrorSummary errors={Object.keys(errors).length ? errors : undefined} labels={labels} idPrefix="search" />
      <Form method="get" noValidate className="search-form">
        <SelectField
          name="municipalityId"
          idPrefix="search"
          label={labels.municipalityId!}
          hint={t('venues.search.placeHint')}
          error={error('municipalityId')}
          defaultValue={values.municipalityId}
          placeholder={t('venues.search.anyMunicipality')}
          options={municipalities.map((municipality) => ({ value: municipality.id, label: municipality.name }))}
        />
        <SelectField
          name="villageId"
          idPrefix="search"
          label={labels.villageId!}
          hint={t('venues.search.placeHint')}
          error={error('villageId')}
          defaultValue={values.villageId}
          placeholder={t('venues.search.anyVillage')}
          groups={municipalities.map((municipality) => ({
            label: municipality.name,
            options: municipality.villages.map((village) => ({ value: village.id, label: village.name })),
          }))}
        />
        <DateTimeField
          name="date"
          idPrefix="search"
          type="date"
          label={labels.date!}
          hint={t('venues.form.dateHint')}
          error={error('date')}
          value={values.date}
        />
        <DateTimeField
          name="from"
          idPrefix="search"
          type="time"
          label={labels.from!}
          hint={t('venues.form.timeHint')}
          error={error('from')}
          value={values.from}
        />
        <DateTimeField
          name="to"
          idPrefix="search"
          type="time"
          label={labels.to!}
          hint={t('venues.form.timeHint')}
          error={error('to')}
          value={values.to}
        />
        <TextField
          name="people"
          idPrefix="search"
          type="number"
          inputMode="numeric"
          min={1}
          label={labels.people!}
          hint={t('venues.search.peopleHint')}
          error={error('people')}
          defaultValue={values.people}
        />
        <div className="search-form__actions">
          <button type="submit" className="button">
            {t('venues.search.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function VenueSearchResultList({ search, values }: { search: VenueSearchResults; values: SearchValues }) {
  const { t, language } = useI18n();
  const when = `${formatDay(helsinkiToInstant(values.date, '12:00')!.time, language)} ${clockText(values.from, language)}–${clockText(values.to, language)}`;
  const venueHref = (venueId: string, spaceId: string) =>
    `/venues/${venueId}?${new URLSearchParams({ space: spaceId, date: values.date, from: values.from, to: values.to, view: 'week', week: mondayOf(values.date) })}`;
  return (
    <section className="section" aria-labelledby="results-title">
      <h2 id="results-title">{t('venues.search.resultsTitle', { when })}</h2>
      {search.results.length === 0 ? (
        <div className="panel panel--info">
          <p>
            <strong>{t('venues.search.none')}</strong>
          </p>
          <p>{t('venues.search.noneAdvice')}</p>
        </div>
      ) : (
        <>
          <p>{t('venues.search.count', { count: search.results.length })}</p>
          <ul className="card-list search-results">
            {search.results.map(({ venue, space }) => (
              <li key={space.id} className="card">
                <h3>
                  <Link to={venueHref(venue.id, space.id)}>
                    {venue.name}: {space.name}
                  </Link>
                </h3>
                <p className="search-results__meta">
                  {venue.village.name}, {venue.municipality.name} · {venue.address}
                </p>
                <ul className="plain-list">
                  {space.capacity ? <li>{t('venues.search.capacity', { count: space.capacity })}</li> : null}
                  <li>
                    {space.priceUnit === 'free' || (space.priceRegionCents === 0 && space.pricePrivateCents === 0)
                      ? `${t('venues.rules.price')}: ${t('venues.price.free')}`
                      : t('venues.search.price', {
                          region: priceText(t, language, space.priceUnit, space.priceRegionCents),
                          private: priceText(t, language, space.priceUnit, space.pricePrivateCents),
                        })}
                  </li>
                  <li>{t(space.isApprovalRequired ? 'venues.spaces.approval' : 'venues.spaces.noApproval')}</li>
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
