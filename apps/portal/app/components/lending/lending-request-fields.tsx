import { DateTimeField, RadioGroupField, SelectField, TextAreaField, TextField } from '../form-fields';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';

export const requestFields = ['organisationId', 'collector', 'collectDate', 'collectTime', 'transport', 'message'] as const;

export function requestLabels(t: Translate): Record<string, string> {
  return {
    organisationId: t('lending.request.organisation'),
    collector: t('lending.request.collector'),
    collectDate: t('lending.request.collectWhen'),
    collectTime: t('lending.search.fromTime'),
    transport: t('lending.request.transport'),
    message: t('lending.request.message'),
  };
}

// The hand-over part of one request to several owners: who collects, when they would like to, and
// whether someone must move the things. Each owner confirms or proposes its own time.
export function LendingRequestFields({
  memberships,
  values,
  errors,
}: {
  memberships: { organisation: { id: string; name: string } }[];
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const labels = requestLabels(t);
  const error = (name: string) => (errors[name] ? t(errors[name] as MessageKey) : undefined);
  return (
    <section className="section panel lending-request" aria-labelledby="lending-request-title">
      <h2 id="lending-request-title">{t('lending.request.title')}</h2>
      <p>{t('lending.request.intro')}</p>
      <SelectField
        name="organisationId"
        idPrefix="request"
        label={labels.organisationId!}
        error={error('organisationId')}
        defaultValue={values.organisationId ?? memberships[0]?.organisation.id ?? ''}
        options={[
          ...memberships.map((m) => ({ value: m.organisation.id, label: m.organisation.name })),
          { value: '', label: t('lending.request.privatePerson') },
        ]}
      />
      <TextField
        name="collector"
        idPrefix="request"
        label={labels.collector!}
        hint={t('lending.request.collectorHint')}
        error={error('collector')}
        defaultValue={values.collector}
        autoComplete="name"
        maxLength={200}
      />
      <div className="lending-request__when">
        <DateTimeField
          name="collectDate"
          idPrefix="request"
          type="date"
          label={labels.collectDate!}
          hint={t('lending.request.collectWhenHint')}
          error={error('collectDate')}
          value={values.collectDate}
        />
        <DateTimeField
          name="collectTime"
          idPrefix="request"
          type="time"
          label={labels.collectTime!}
          hint={t('lending.search.timeHint')}
          error={error('collectTime')}
          value={values.collectTime}
        />
      </div>
      <RadioGroupField
        name="transport"
        idPrefix="request"
        legend={labels.transport!}
        error={error('transport')}
        defaultValue={values.transport || 'no'}
        options={[
          { value: 'no', label: t('lending.request.transportNo') },
          { value: 'yes', label: t('lending.request.transportYes') },
        ]}
      />
      <TextAreaField
        name="message"
        idPrefix="request"
        label={labels.message!}
        error={error('message')}
        defaultValue={values.message}
      />
      <p>
        <button type="submit" className="button" name="intent" value="request">
          {t('lending.request.submit')}
        </button>
      </p>
    </section>
  );
}
