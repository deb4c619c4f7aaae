import { Form } from 'react-router';
import { ErrorSummary } from '../error-summary';
import { CheckboxGroupField, RadioGroupField, SelectField, TextAreaField, TextField } from '../form-fields';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { categoryKeys, itemCategories } from './lending-labels';

type Choices = {
  venues: { id: string; name: string }[];
  villages: { label: string; options: { value: string; label: string }[] }[];
};

function itemLabels(t: Translate): Record<string, string> {
  return {
    nameFi: t('lendingAdmin.form.nameFi'),
    nameSv: t('lendingAdmin.form.nameSv'),
    nameEn: t('lendingAdmin.form.nameEn'),
    descriptionFi: t('lendingAdmin.form.descriptionFi'),
    descriptionSv: t('lendingAdmin.form.descriptionSv'),
    descriptionEn: t('lendingAdmin.form.descriptionEn'),
    category: t('lendingAdmin.form.category'),
    quantity: t('lendingAdmin.form.quantity'),
    venueId: t('lendingAdmin.form.venue'),
    address: t('lendingAdmin.form.address'),
    villageId: t('lendingAdmin.form.village'),
    pickUpInstructions: t('lendingAdmin.form.pickUp'),
    borrowers: t('lendingAdmin.form.borrowers'),
    approval: t('lendingAdmin.form.approval'),
    feeMembers: t('lending.item.feeMembers'),
    feeOrganisations: t('lending.item.feeOrganisations'),
    feePrivate: t('lending.item.feePrivate'),
    deposit: t('lendingAdmin.form.deposit'),
    maxDays: t('lendingAdmin.form.maxDays'),
    noticeDays: t('lendingAdmin.form.noticeDays'),
    conditionNotes: t('lendingAdmin.form.condition'),
  };
}

// Every field of an item in one plain form, grouped the way an owner thinks about it.
export function ItemForm({ values, errors, choices }: { values: Record<string, string>; errors: FieldErrors; choices: Choices }) {
  const { t } = useI18n();
  const labels = itemLabels(t);
  const error = (name: string) => (errors[name] ? t(errors[name] as MessageKey) : undefined);
  const text = (name: string, extra: { hint?: string; type?: 'number'; lang?: string } = {}) => (
    <TextField
      name={name}
      idPrefix="item"
      label={labels[name]!}
      hint={extra.hint}
      error={error(name)}
      defaultValue={values[name]}
      type={extra.type}
      inputMode={extra.type === 'number' ? 'numeric' : undefined}
    />
  );
  const area = (name: string, lang?: string, hint?: string) => (
    <TextAreaField
      name={name}
      idPrefix="item"
      label={labels[name]!}
      hint={hint}
      error={error(name)}
      defaultValue={values[name]}
      lang={lang}
    />
  );
  return (
    <>
      <ErrorSummary errors={Object.keys(errors).length ? errors : undefined} labels={labels} idPrefix="item" />
      <Form method="post" noValidate className="item-form">
        <fieldset className="section">
          <legend>{t('lending.item.description')}</legend>
          <p className="field__hint">{t('lendingAdmin.form.nameHint')}</p>
          {text('nameFi')}
          {text('nameSv')}
          {text('nameEn')}
          {area('descriptionFi', 'fi')}
          {area('descriptionSv', 'sv')}
          {area('descriptionEn', 'en')}
          <SelectField
            name="category"
            idPrefix="item"
            label={labels.category!}
            error={error('category')}
            defaultValue={values.category}
            options={itemCategories.map((category) => ({ value: category, label: t(categoryKeys[category]) }))}
          />
          {text('quantity', { hint: t('lendingAdmin.form.quantityHint'), type: 'number' })}
          {area('conditionNotes')}
        </fieldset>
        <fieldset className="section">
          <legend>{t('lending.item.keptAt')}</legend>
          <SelectField
            name="venueId"
            idPrefix="item"
            label={labels.venueId!}
            error={error('venueId')}
            defaultValue={values.venueId}
            options={[
              { value: '', label: t('lendingAdmin.form.noVenue') },
              ...choices.venues.map((venue) => ({ value: venue.id, label: venue.name })),
            ]}
          />
          {text('address')}
          <SelectField
            name="villageId"
            idPrefix="item"
            label={labels.villageId!}
            error={error('villageId')}
            defaultValue={values.villageId}
            placeholder={t('lending.search.anyVillage')}
            groups={choices.villages}
          />
          {area('pickUpInstructions', undefined, t('lendingAdmin.form.pickUpHint'))}
        </fieldset>
        <fieldset className="section">
          <legend>{t('lendingAdmin.form.rules')}</legend>
          <CheckboxGroupField
            name="borrowers"
            idPrefix="item"
            legend={labels.borrowers!}
            error={error('borrowers')}
            checked={(values.borrowers ?? 'region').split(' ')}
            options={[
              { value: 'members', label: t('lending.item.who.members') },
              { value: 'region', label: t('lending.item.who.region') },
              { value: 'residents', label: t('lending.item.who.residents') },
            ]}
          />
          <RadioGroupField
            name="approval"
            idPrefix="item"
            legend={labels.approval!}
            error={error('approval')}
            defaultValue={values.approval || 'yes'}
            options={[
              { value: 'yes', label: t('lendingAdmin.form.approvalYes') },
              { value: 'no', label: t('lendingAdmin.form.approvalNo') },
            ]}
          />
          {text('maxDays', { type: 'number' })}
          {text('noticeDays', { type: 'number' })}
        </fieldset>
        <fieldset className="section">
          <legend>{t('lendingAdmin.form.feesTitle')}</legend>
          <p className="field__hint">{t('lendingAdmin.form.feeHint')}</p>
          {text('feeMembers')}
          {text('feeOrganisations')}
          {text('feePrivate')}
          {text('deposit', { hint: t('lendingAdmin.form.depositHint') })}
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t('lendingAdmin.form.save')}
          </button>
        </p>
      </Form>
    </>
  );
}
