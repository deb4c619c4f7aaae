import { DateTimeField, SelectField, TextField } from '../form-fields';
import { useI18n } from '../../lib/root-data';

type FieldTexts = {
  idPrefix: string;
  labels: Record<string, string>;
  values: Record<string, string | undefined>;
  errorText: (name: string) => string | undefined;
};

// When: the day and the clock times, typed in Helsinki time, in every booking form (a request, a
// series, the waiting list, an assisted booking).
export function BookingWhenFields({ idPrefix, labels, values, errorText }: FieldTexts) {
  const { t } = useI18n();
  return (
    <>
      <DateTimeField
        idPrefix={idPrefix}
        name="date"
        type="date"
        label={labels.date!}
        hint={t('venues.form.dateHint')}
        error={errorText('date')}
        value={values.date}
      />
      <DateTimeField
        idPrefix={idPrefix}
        name="startTime"
        type="time"
        label={labels.startTime!}
        hint={t('venues.form.timeHint')}
        error={errorText('startTime')}
        value={values.startTime}
      />
      <DateTimeField
        idPrefix={idPrefix}
        name="endTime"
        type="time"
        label={labels.endTime!}
        hint={t('venues.form.timeHint')}
        error={errorText('endTime')}
        value={values.endTime}
      />
    </>
  );
}

// What it is called: the title the owner sees with the request.
export function BookingTitleField({ idPrefix, labels, values, errorText }: FieldTexts) {
  const { t } = useI18n();
  return (
    <TextField
      name="title"
      idPrefix={idPrefix}
      label={labels.title!}
      hint={t('venues.form.bookingTitleHint')}
      error={errorText('title')}
      defaultValue={values.title}
      maxLength={200}
    />
  );
}

// Who books: one of the booker's organisations (the first by default) or the booker privately.
export function BookingOrganisationField({
  idPrefix,
  labels,
  values,
  errorText,
  memberships,
}: FieldTexts & { memberships: { organisation: { id: string; name: string } }[] }) {
  const { t } = useI18n();
  return (
    <SelectField
      name="organisationId"
      idPrefix={idPrefix}
      label={labels.organisationId!}
      hint={t('venues.form.organisationHint')}
      error={errorText('organisationId')}
      defaultValue={values.organisationId ?? memberships[0]?.organisation.id ?? ''}
      options={[
        ...memberships.map((m) => ({ value: m.organisation.id, label: m.organisation.name })),
        { value: '', label: t('venues.form.myself') },
      ]}
    />
  );
}
