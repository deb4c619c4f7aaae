import { Form } from 'react-router';
import { ErrorSummary } from '../error-summary';
import { DateTimeField, SelectField, TextField } from '../form-fields';
import type { Region } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { categoryKeys, itemCategories } from './lending-labels';
import type { SearchField, SearchValues } from './lending-search';

export function searchLabels(t: Translate): Record<SearchField, string> {
  return {
    text: t('lending.search.text'),
    category: t('lending.search.category'),
    quantity: t('lending.search.quantity'),
    municipalityId: t('lending.search.municipality'),
    villageId: t('lending.search.village'),
    fromDate: t('lending.search.fromDate'),
    fromTime: t('lending.search.fromTime'),
    toDate: t('lending.search.toDate'),
    toTime: t('lending.search.toTime'),
  };
}

// A GET form: a search is an address that can be shared, and works without JavaScript.
export function LendingSearchForm({ regions, values, errors }: { regions: Region[]; values: SearchValues; errors: FieldErrors }) {
  const { t } = useI18n();
  const labels = searchLabels(t);
  const municipalities = regions
    .flatMap((region) => region.municipalities)
    .toSorted((a, b) => a.name.localeCompare(b.name, 'fi'));
  const error = (name: SearchField) => (errors[name] ? t(errors[name] as MessageKey) : undefined);
  return (
    <section className="section panel" aria-labelledby="lending-search-title">
      <h2 id="lending-search-title">{t('lending.search.title')}</h2>
      <ErrorSummary errors={Object.keys(errors).length ? errors : undefined} labels={labels} idPrefix="search" />
      <Form method="get" noValidate className="search-form lending-search">
        <fieldset className="lending-search__group">
          <legend>{t('lending.search.what')}</legend>
          <TextField
            name="text"
            idPrefix="search"
            label={labels.text}
            hint={t('lending.search.textHint')}
            error={error('text')}
            defaultValue={values.text}
          />
          <SelectField
            name="category"
            idPrefix="search"
            label={labels.category}
            error={error('category')}
            defaultValue={values.category}
            placeholder={t('lending.search.anyCategory')}
            options={itemCategories.map((category) => ({ value: category, label: t(categoryKeys[category]) }))}
          />
          <TextField
            name="quantity"
            idPrefix="search"
            type="number"
            inputMode="numeric"
            min={1}
            label={labels.quantity}
            hint={t('lending.search.quantityHint')}
            error={error('quantity')}
            defaultValue={values.quantity}
          />
        </fieldset>
        <fieldset className="lending-search__group">
          <legend>{t('lending.search.where')}</legend>
          <SelectField
            name="municipalityId"
            idPrefix="search"
            label={labels.municipalityId}
            error={error('municipalityId')}
            defaultValue={values.municipalityId}
            placeholder={t('lending.search.anyMunicipality')}
            options={municipalities.map((municipality) => ({ value: municipality.id, label: municipality.name }))}
          />
          <SelectField
            name="villageId"
            idPrefix="search"
            label={labels.villageId}
            hint={t('lending.search.villageHint')}
            error={error('villageId')}
            defaultValue={values.villageId}
            placeholder={t('lending.search.anyVillage')}
            groups={municipalities.map((municipality) => ({
              label: municipality.name,
              options: municipality.villages.map((village) => ({ value: village.id, label: village.name })),
            }))}
          />
        </fieldset>
        <fieldset className="lending-search__group lending-search__group--when">
          <legend>{t('lending.search.when')}</legend>
          {(['fromDate', 'fromTime', 'toDate', 'toTime'] as const).map((name) => (
            <DateTimeField
              key={name}
              name={name}
              idPrefix="search"
              type={name.endsWith('Date') ? 'date' : 'time'}
              label={labels[name]}
              hint={t(name.endsWith('Date') ? 'lending.search.dateHint' : 'lending.search.timeHint')}
              error={error(name)}
              value={values[name]}
            />
          ))}
        </fieldset>
        <div className="search-form__actions">
          <button type="submit" className="button">
            {t('lending.search.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}
