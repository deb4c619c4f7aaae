import type { Organisation, Region } from '../../lib/api-types';
import { organisationKinds } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { Translate } from '../../lib/i18n';
import { kindLabelKeys, villageGroups } from '../../lib/labels';
import { SelectField, TextAreaField, TextField } from '../form-fields';

export function organisationFieldLabels(t: Translate): Record<string, string> {
  return {
    name: t('organisationForm.name'),
    kind: t('organisationForm.kind'),
    villageId: t('organisationForm.village'),
    businessId: t('organisationForm.businessId'),
    contactEmail: t('organisationForm.contactEmail'),
    contactPhone: t('organisationForm.contactPhone'),
    descriptionFi: t('organisationForm.descriptionFi'),
    descriptionSv: t('organisationForm.descriptionSv'),
    descriptionEn: t('organisationForm.descriptionEn'),
  };
}

type Props = {
  t: Translate;
  idPrefix: string;
  regions: Region[];
  organisation?: Organisation;
  // What the user typed when the form came back with errors.
  values?: Record<string, string>;
  errors?: FieldErrors;
};

// The fields of an organisation, shared by the create form and the edit form.
export function OrganisationFields({ t, idPrefix, regions, organisation, values, errors }: Props) {
  const labels = organisationFieldLabels(t);
  const error = (name: string) => {
    const key = errors?.[name];
    return key ? t(key) : undefined;
  };
  const value = (name: string, fallback: string | null | undefined) => values?.[name] ?? fallback ?? '';
  return (
    <>
      <TextField
        idPrefix={idPrefix}
        name="name"
        label={labels.name!}
        defaultValue={value('name', organisation?.name)}
        error={error('name')}
      />
      <SelectField
        idPrefix={idPrefix}
        name="kind"
        label={labels.kind!}
        defaultValue={value('kind', organisation?.kind)}
        placeholder={t('form.choose')}
        options={organisationKinds.map((kind) => ({ value: kind, label: t(kindLabelKeys[kind]) }))}
        error={error('kind')}
      />
      <SelectField
        idPrefix={idPrefix}
        name="villageId"
        label={labels.villageId!}
        hint={t('organisationForm.villageHint')}
        defaultValue={value('villageId', organisation?.village.id)}
        placeholder={t('form.choose')}
        groups={villageGroups(regions)}
        error={error('villageId')}
      />
      <TextField
        idPrefix={idPrefix}
        name="businessId"
        label={labels.businessId!}
        hint={t('organisationForm.businessIdHint')}
        defaultValue={value('businessId', organisation?.businessId)}
        error={error('businessId')}
      />
      <TextField
        idPrefix={idPrefix}
        name="contactEmail"
        type="email"
        label={labels.contactEmail!}
        hint={t('form.optional')}
        spellCheck={false}
        defaultValue={value('contactEmail', organisation?.contactEmail)}
        error={error('contactEmail')}
      />
      <TextField
        idPrefix={idPrefix}
        name="contactPhone"
        type="tel"
        label={labels.contactPhone!}
        hint={t('form.optional')}
        defaultValue={value('contactPhone', organisation?.contactPhone)}
        error={error('contactPhone')}
      />
      <TextAreaField
        idPrefix={idPrefix}
        name="descriptionFi"
        lang="fi"
        label={labels.descriptionFi!}
        defaultValue={value('descriptionFi', organisation?.description.fi)}
        error={error('descriptionFi')}
      />
      <TextAreaField
        idPrefix={idPrefix}
        name="descriptionSv"
        lang="sv"
        label={labels.descriptionSv!}
        hint={t('form.optional')}
        defaultValue={value('descriptionSv', organisation?.description.sv)}
        error={error('descriptionSv')}
      />
      <TextAreaField
        idPrefix={idPrefix}
        name="descriptionEn"
        lang="en"
        label={labels.descriptionEn!}
        hint={t('form.optional')}
        defaultValue={value('descriptionEn', organisation?.description.en)}
        error={error('descriptionEn')}
      />
    </>
  );
}
