import { Form } from 'react-router';
import type { Region, VenueManageView } from '../../lib/api-types';
import type { FormFailure } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { villageGroups } from '../../lib/labels';
import { ErrorSummary } from '../error-summary';
import { CheckboxChoice, SelectField, TextAreaField, TextField } from '../form-fields';
import { accessibilityOptions, facilityOptions } from './venue-admin-forms';

export function venueFieldLabels(t: Translate): Record<string, string> {
  return {
    form: '',
    name: t('venueAdmin.details.name'),
    address: t('venueAdmin.details.address'),
    villageId: t('venueAdmin.details.village'),
    capacity: t('venueAdmin.details.capacity'),
    descriptionFi: t('venueAdmin.details.descriptionFi'),
    descriptionSv: t('venueAdmin.details.descriptionSv'),
    descriptionEn: t('venueAdmin.details.descriptionEn'),
    contactName: t('venueAdmin.details.contactName'),
    contactPhone: t('venueAdmin.details.contactPhone'),
    contactEmail: t('venueAdmin.details.contactEmail'),
    keyInstructions: t('venueAdmin.details.keyInstructions'),
    paymentIban: t('venueAdmin.details.iban'),
  };
}

type Props = { t: Translate; venue: VenueManageView; regions: Region[]; failure?: FormFailure };

export function VenueDetailsForm({ t, venue, regions, failure }: Props) {
  const idPrefix = 'details';
  const labels = venueFieldLabels(t);
  const error = (name: string) => {
    const key = failure?.errors[name];
    return key ? t(key) : undefined;
  };
  const value = (name: string, saved: string | number | null | undefined) =>
    failure?.values[name] ?? (saved === null || saved === undefined ? '' : String(saved));
  const chosen = (list: 'facilities' | 'accessibility', option: string) =>
    failure ? (failure.values[list] ?? '').split(',').includes(option) : venue[list].includes(option);
  return (
    <section className="manage-section section" aria-labelledby="details-title">
      <h2 id="details-title">{t('venueAdmin.details.title')}</h2>
      <ErrorSummary errors={failure?.errors} labels={labels} idPrefix={idPrefix} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="details" />
        <TextField
          idPrefix={idPrefix}
          name="name"
          label={labels.name!}
          defaultValue={value('name', venue.name)}
          error={error('name')}
          maxLength={160}
        />
        <TextField
          idPrefix={idPrefix}
          name="address"
          label={labels.address!}
          defaultValue={value('address', venue.address)}
          error={error('address')}
          autoComplete="street-address"
          maxLength={300}
        />
        <SelectField
          idPrefix={idPrefix}
          name="villageId"
          label={labels.villageId!}
          defaultValue={value('villageId', venue.village.id)}
          placeholder={t('form.choose')}
          groups={villageGroups(regions)}
          error={error('villageId')}
        />
        <TextField
          idPrefix={idPrefix}
          name="capacity"
          label={labels.capacity!}
          defaultValue={value('capacity', venue.capacity)}
          error={error('capacity')}
          inputMode="numeric"
        />
        <TextAreaField
          idPrefix={idPrefix}
          name="descriptionFi"
          label={labels.descriptionFi!}
          lang="fi"
          defaultValue={value('descriptionFi', venue.description.fi)}
          error={error('descriptionFi')}
        />
        <TextAreaField
          idPrefix={idPrefix}
          name="descriptionSv"
          label={labels.descriptionSv!}
          lang="sv"
          defaultValue={value('descriptionSv', venue.description.sv)}
          error={error('descriptionSv')}
        />
        <TextAreaField
          idPrefix={idPrefix}
          name="descriptionEn"
          label={labels.descriptionEn!}
          lang="en"
          defaultValue={value('descriptionEn', venue.description.en)}
          error={error('descriptionEn')}
        />
        <fieldset className="field">
          <legend>{t('venueAdmin.details.facilities')}</legend>
          <div className="manage-checks">
            {facilityOptions.map((option) => (
              <CheckboxChoice
                key={option}
                id={`${idPrefix}-facility-${option}`}
                name="facilities"
                value={option}
                label={capitalise(t(`venues.facility.${option}` as MessageKey))}
                isChecked={chosen('facilities', option)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('venueAdmin.details.accessibility')}</legend>
          <div className="manage-checks">
            {accessibilityOptions.map((option) => (
              <CheckboxChoice
                key={option}
                id={`${idPrefix}-accessibility-${option}`}
                name="accessibility"
                value={option}
                label={capitalise(t(`venues.accessibility.${option}` as MessageKey))}
                isChecked={chosen('accessibility', option)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="manage-group stack">
          <legend>{t('venueAdmin.details.contactTitle')}</legend>
          <TextField
            idPrefix={idPrefix}
            name="contactName"
            label={labels.contactName!}
            defaultValue={value('contactName', venue.contactName)}
            error={error('contactName')}
            autoComplete="name"
            maxLength={160}
          />
          <TextField
            idPrefix={idPrefix}
            name="contactPhone"
            type="tel"
            label={labels.contactPhone!}
            defaultValue={value('contactPhone', venue.contactPhone)}
            error={error('contactPhone')}
            autoComplete="tel"
          />
          <TextField
            idPrefix={idPrefix}
            name="contactEmail"
            type="email"
            label={labels.contactEmail!}
            defaultValue={value('contactEmail', venue.contactEmail)}
            error={error('contactEmail')}
            autoComplete="email"
          />
        </fieldset>
        <TextAreaField
          idPrefix={idPrefix}
          name="keyInstructions"
          label={labels.keyInstructions!}
          hint={t('venueAdmin.details.keyInstructionsHint')}
          defaultValue={value('keyInstructions', venue.keyInstructions)}
          error={error('keyInstructions')}
        />
        <TextField
          idPrefix={idPrefix}
          name="paymentIban"
          label={labels.paymentIban!}
          hint={t('venueAdmin.details.ibanHint')}
          defaultValue={value('paymentIban', venue.paymentIban && venue.paymentIban.replace(/(.{4})/g, '$1 ').trim())}
          error={error('paymentIban')}
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t('venueAdmin.save')}
        </button>
      </Form>
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
