import type { CalendarFilter } from '@talkoot/events/schemas';
import { eventAudiences, eventCategories, type Region } from '../../lib/api-types';
import type { Translate } from '../../lib/i18n';
import { audienceKeys, categoryKeys } from './calendar-labels';
import { CheckboxChoice } from '../form-fields';

type FilterFormProps = {
  t: Translate;
  filter: CalendarFilter;
  regions: Region[];
  organisations: { id: string; name: string }[];
  // The view and period travel with the form as hidden fields.
  hidden: Record<string, string>;
  isOpen: boolean;
};

// A GET form: the address it leads to is the filter (works without JavaScript, can be shared).
export function CalendarFilterForm({ t, filter, regions, organisations, hidden, isOpen }: FilterFormProps) {
  const municipalities = regions.flatMap((region) => region.municipalities);
  return (
    <details className="calendar-filter" open={isOpen}>
      <summary>{t('calendar.filter.open')}</summary>
      <form method="get" action="/calendar" className="calendar-filter__form">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor="calendar-q">{t('calendar.filter.q')}</label>
          <p className="field__hint" id="calendar-q-hint">
            {t('calendar.filter.qHint')}
          </p>
          <input
            id="calendar-q"
            name="q"
            type="search"
            defaultValue={filter.q}
            aria-describedby="calendar-q-hint"
            maxLength={100}
          />
        </div>
        <fieldset className="field calendar-filter__group">
          <legend>{t('calendar.filter.municipality')}</legend>
          <div className="choices calendar-filter__choices">
            {municipalities.map((municipality) => (
              <Choice
                key={municipality.id}
                name="municipality"
                value={municipality.id}
                label={municipality.name}
                isChecked={filter.municipality.includes(municipality.id)}
              />
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="calendar-village">{t('calendar.filter.village')}</label>
          <select id="calendar-village" name="village" defaultValue={filter.village[0] ?? ''}>
            <option value="">{t('calendar.filter.allVillages')}</option>
            {municipalities.map((municipality) => (
              <optgroup key={municipality.id} label={municipality.name}>
                {municipality.villages.map((village) => (
                  <option key={village.id} value={village.id}>
                    {village.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="calendar-organiser">{t('calendar.filter.organiser')}</label>
          <select id="calendar-organiser" name="organiser" defaultValue={filter.organiser[0] ?? ''}>
            <option value="">{t('calendar.filter.allOrganisers')}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field calendar-filter__group">
          <legend>{t('calendar.filter.audience')}</legend>
          <div className="choices calendar-filter__choices">
            {eventAudiences.map((audience) => (
              <Choice
                key={audience}
                name="audience"
                value={audience}
                label={t(audienceKeys[audience])}
                isChecked={filter.audience.includes(audience)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="field calendar-filter__group">
          <legend>{t('calendar.filter.category')}</legend>
          <div className="choices calendar-filter__choices">
            {eventCategories.map((category) => (
              <Choice
                key={category}
                name="category"
                value={category}
                label={t(categoryKeys[category])}
                isChecked={filter.category.includes(category)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="field calendar-filter__group">
          <legend>{t('calendar.filter.other')}</legend>
          <div className="choices">
            <Choice name="free" value="1" label={t('calendar.filter.free')} isChecked={filter.free} />
            <Choice name="accessible" value="1" label={t('calendar.filter.accessible')} isChecked={filter.accessible} />
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            {t('calendar.filter.submit')}
          </button>
          <a href="/calendar" className="button button--secondary">
            {t('calendar.filter.clear')}
          </a>
        </div>
      </form>
    </details>
  );
}

function Choice({ name, value, label, isChecked }: { name: string; value: string; label: string; isChecked: boolean }) {
  return <CheckboxChoice id={`calendar-${name}-${value}`} name={name} value={value} label={label} isChecked={isChecked} />;
}
