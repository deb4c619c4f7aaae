import { Form } from 'react-router';
import type { VenueManageView } from '../../lib/api-types';
import type { FormFailure } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { ErrorSummary } from '../error-summary';
import { CheckboxChoice, DateTimeField, RadioGroupField, TextField } from '../form-fields';
import { bookableByOptions, formatEuros, formatHours, NEW_CLOSED_ROWS, priceUnitOptions, weekdays } from './venue-admin-forms';

type Space = VenueManageView['spaces'][number];

function spaceFieldLabels(t: Translate, rowCount: number): Record<string, string> {
  const labels: Record<string, string> = {
    form: '',
    isApprovalRequired: t('venueAdmin.spaces.approval'),
    bookableBy: t('venueAdmin.spaces.bookableBy'),
    minHours: t('venueAdmin.spaces.minHours'),
    maxHours: t('venueAdmin.spaces.maxHours'),
    bufferBeforeMinutes: t('venueAdmin.spaces.bufferBefore'),
    bufferAfterMinutes: t('venueAdmin.spaces.bufferAfter'),
    minNoticeHours: t('venueAdmin.spaces.minNoticeHours'),
    maxDaysAhead: t('venueAdmin.spaces.maxDaysAhead'),
    hoursMode: t('venueAdmin.spaces.hoursMode'),
  };
  for (const weekday of weekdays) {
    const day = t(`venueAdmin.weekday.${weekday}` as MessageKey);
    labels[`opens-${weekday}`] = `${day}: ${t('venueAdmin.spaces.opens')}`;
    labels[`closes-${weekday}`] = `${day}: ${t('venueAdmin.spaces.closes')}`;
  }
  for (let index = 0; index < rowCount; index += 1) {
    const row = t('venueAdmin.spaces.closedRow', { number: index + 1 });
    labels[`closedFrom-${index}`] = `${row}: ${t('venueAdmin.spaces.closedFrom')}`;
    labels[`closedTo-${index}`] = `${row}: ${t('venueAdmin.spaces.closedTo')}`;
    labels[`closedReason-${index}`] = `${row}: ${t('venueAdmin.spaces.closedReason')}`;
  }
  Object.assign(labels, {
    priceUnit: t('venueAdmin.spaces.priceUnit'),
    priceMembers: t('venueAdmin.spaces.priceMembers'),
    priceRegion: t('venueAdmin.spaces.priceRegion'),
    pricePrivate: t('venueAdmin.spaces.pricePrivate'),
    deposit: t('venueAdmin.spaces.deposit'),
    freeCancellationHours: t('venueAdmin.spaces.freeCancellationHours'),
    cancellationFeePercent: t('venueAdmin.spaces.cancellationFeePercent'),
  });
  return labels;
}

type Props = { t: Translate; space: Space; index: number; failure?: FormFailure };

export function SpaceRulesForm({ t, space, index, failure }: Props) {
  const idPrefix = `space${index + 1}`;
  const saved = space.closedDates;
  // After a failed save the rows come back as typed; otherwise the saved ones plus an empty row.
  const rowCount = failure ? Math.max(saved.length + NEW_CLOSED_ROWS, countRows(failure.values)) : saved.length + NEW_CLOSED_ROWS;
  const labels = spaceFieldLabels(t, rowCount);
  const error = (name: string) => {
    const key = failure?.errors[name];
    return key ? t(key) : undefined;
  };
  const value = (name: string, fallback: string) => failure?.values[name] ?? fallback;
  const hours = space.openingHours;
  const periodOf = (weekday: number) => hours?.find((period) => period.weekday === weekday);
  const titleId = `${idPrefix}-title`;
  return (
    <section className="manage-section panel" aria-labelledby={titleId} data-space-id={space.id}>
      <h3 id={titleId}>{t('venueAdmin.spaces.spaceTitle', { name: space.name })}</h3>
      <ErrorSummary errors={failure?.errors} labels={labels} idPrefix={idPrefix} />
      <Form method="post" noValidate className="stack" aria-labelledby={titleId}>
        <input type="hidden" name="intent" value="space" />
        <input type="hidden" name="spaceId" value={space.id} />
        <RadioGroupField
          idPrefix={idPrefix}
          name="isApprovalRequired"
          legend={labels.isApprovalRequired!}
          defaultValue={value('isApprovalRequired', space.isApprovalRequired ? 'yes' : 'no')}
          options={[
            { value: 'yes', label: t('venueAdmin.spaces.approvalYes') },
            { value: 'no', label: t('venueAdmin.spaces.approvalNo') },
          ]}
          error={error('isApprovalRequired')}
        />
        <RadioGroupField
          idPrefix={idPrefix}
          name="bookableBy"
          legend={labels.bookableBy!}
          defaultValue={value('bookableBy', space.bookableBy)}
          options={bookableByOptions.map((option) => ({
            value: option,
            label: t(`venueAdmin.spaces.bookableBy.${option}` as MessageKey),
          }))}
          error={error('bookableBy')}
        />

        <fieldset className="manage-group stack">
          <legend>{t('venueAdmin.spaces.lengthTitle')}</legend>
          <TextField
            idPrefix={idPrefix}
            name="minHours"
            label={labels.minHours!}
            defaultValue={value('minHours', formatHours(space.minMinutes))}
            error={error('minHours')}
          />
          <TextField
            idPrefix={idPrefix}
            name="maxHours"
            label={labels.maxHours!}
            defaultValue={value('maxHours', formatHours(space.maxMinutes))}
            error={error('maxHours')}
          />
          <TextField
            idPrefix={idPrefix}
            name="bufferBeforeMinutes"
            label={labels.bufferBeforeMinutes!}
            inputMode="numeric"
            defaultValue={value('bufferBeforeMinutes', String(space.bufferBeforeMinutes))}
            error={error('bufferBeforeMinutes')}
          />
          <TextField
            idPrefix={idPrefix}
            name="bufferAfterMinutes"
            label={labels.bufferAfterMinutes!}
            inputMode="numeric"
            defaultValue={value('bufferAfterMinutes', String(space.bufferAfterMinutes))}
            error={error('bufferAfterMinutes')}
          />
        </fieldset>

        <fieldset className="manage-group stack">
          <legend>{t('venueAdmin.spaces.windowTitle')}</legend>
          <TextField
            idPrefix={idPrefix}
            name="minNoticeHours"
            label={labels.minNoticeHours!}
            inputMode="numeric"
            defaultValue={value('minNoticeHours', String(space.minNoticeHours))}
            error={error('minNoticeHours')}
          />
          <TextField
            idPrefix={idPrefix}
            name="maxDaysAhead"
            label={labels.maxDaysAhead!}
            inputMode="numeric"
            defaultValue={value('maxDaysAhead', String(space.maxDaysAhead))}
            error={error('maxDaysAhead')}
          />
        </fieldset>

        <fieldset className="manage-group">
          <legend>{t('venueAdmin.spaces.hoursTitle')}</legend>
          <RadioGroupField
            idPrefix={idPrefix}
            name="hoursMode"
            legend={labels.hoursMode!}
            defaultValue={value('hoursMode', hours ? 'weekly' : 'always')}
            options={[
              { value: 'always', label: t('venueAdmin.spaces.hoursAlways') },
              { value: 'weekly', label: t('venueAdmin.spaces.hoursWeekly') },
            ]}
            error={error('hoursMode')}
          />
          <p className="field__hint">{t('venueAdmin.spaces.hoursHint')}</p>
          {weekdays.map((weekday) => {
            const period = periodOf(weekday);
            const day = t(`venueAdmin.weekday.${weekday}` as MessageKey);
            const isClosed = failure ? failure.values[`closed-${weekday}`] === 'yes' : !!hours && !period;
            return (
              <fieldset className="manage-row" key={weekday}>
                <legend>{day}</legend>
                <CheckboxChoice
                  id={`${idPrefix}-closed-${weekday}`}
                  name={`closed-${weekday}`}
                  label={t('venueAdmin.spaces.closed')}
                  isChecked={isClosed}
                />
                <TextField
                  idPrefix={idPrefix}
                  name={`opens-${weekday}`}
                  label={t('venueAdmin.spaces.opens')}
                  defaultValue={value(`opens-${weekday}`, period?.opens ?? '')}
                  error={error(`opens-${weekday}`)}
                  maxLength={5}
                />
                <TextField
                  idPrefix={idPrefix}
                  name={`closes-${weekday}`}
                  label={t('venueAdmin.spaces.closes')}
                  defaultValue={value(`closes-${weekday}`, period?.closes ?? '')}
                  error={error(`closes-${weekday}`)}
                  maxLength={5}
                />
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset className="manage-group">
          <legend>{t('venueAdmin.spaces.closedDatesTitle')}</legend>
          <p className="field__hint">{t('venueAdmin.spaces.closedDatesHint')}</p>
          {Array.from({ length: rowCount }, (_, row) => {
            const savedRow = failure ? undefined : saved[row];
            const isNew = !failure && !savedRow;
            return (
              <fieldset className="manage-row manage-row--wide" key={row}>
                <legend>
                  {isNew ? t('venueAdmin.spaces.closedNew') : t('venueAdmin.spaces.closedRow', { number: row + 1 })}
                </legend>
                <DateTimeField
                  type="date"
                  className="manage-date"
                  idPrefix={idPrefix}
                  name={`closedFrom-${row}`}
                  label={t('venueAdmin.spaces.closedFrom')}
                  value={value(`closedFrom-${row}`, savedRow?.from ?? '')}
                  error={error(`closedFrom-${row}`)}
                />
                <DateTimeField
                  type="date"
                  className="manage-date"
                  idPrefix={idPrefix}
                  name={`closedTo-${row}`}
                  label={t('venueAdmin.spaces.closedTo')}
                  value={value(`closedTo-${row}`, savedRow?.to ?? '')}
                  error={error(`closedTo-${row}`)}
                />
                <TextField
                  idPrefix={idPrefix}
                  name={`closedReason-${row}`}
                  label={t('venueAdmin.spaces.closedReason')}
                  defaultValue={value(`closedReason-${row}`, savedRow?.reason ?? '')}
                  error={error(`closedReason-${row}`)}
                  maxLength={200}
                />
                {isNew ? null : (
                  <CheckboxChoice
                    id={`${idPrefix}-closedRemove-${row}`}
                    name={`closedRemove-${row}`}
                    label={t('venueAdmin.spaces.closedRemove')}
                    isChecked={failure?.values[`closedRemove-${row}`] === 'yes'}
                  />
                )}
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset className="manage-group stack">
          <legend>{t('venueAdmin.spaces.priceTitle')}</legend>
          <RadioGroupField
            idPrefix={idPrefix}
            name="priceUnit"
            legend={labels.priceUnit!}
            defaultValue={value('priceUnit', space.priceUnit)}
            options={priceUnitOptions.map((option) => ({
              value: option,
              label: t(`venueAdmin.spaces.priceUnit.${option}` as MessageKey),
            }))}
            error={error('priceUnit')}
          />
          <TextField
            idPrefix={idPrefix}
            name="priceMembers"
            label={labels.priceMembers!}
            hint={t('venueAdmin.spaces.priceHint')}
            defaultValue={value('priceMembers', formatEuros(space.priceMembersCents))}
            error={error('priceMembers')}
          />
          <TextField
            idPrefix={idPrefix}
            name="priceRegion"
            label={labels.priceRegion!}
            defaultValue={value('priceRegion', formatEuros(space.priceRegionCents))}
            error={error('priceRegion')}
          />
          <TextField
            idPrefix={idPrefix}
            name="pricePrivate"
            label={labels.pricePrivate!}
            defaultValue={value('pricePrivate', formatEuros(space.pricePrivateCents))}
            error={error('pricePrivate')}
          />
          <TextField
            idPrefix={idPrefix}
            name="deposit"
            label={labels.deposit!}
            defaultValue={value('deposit', formatEuros(space.depositCents))}
            error={error('deposit')}
          />
          <TextField
            idPrefix={idPrefix}
            name="freeCancellationHours"
            label={labels.freeCancellationHours!}
            inputMode="numeric"
            defaultValue={value('freeCancellationHours', String(space.freeCancellationHours))}
            error={error('freeCancellationHours')}
          />
          <TextField
            idPrefix={idPrefix}
            name="cancellationFeePercent"
            label={labels.cancellationFeePercent!}
            inputMode="numeric"
            defaultValue={value('cancellationFeePercent', String(space.cancellationFeePercent))}
            error={error('cancellationFeePercent')}
          />
        </fieldset>

        <button type="submit" className="button">
          {t('venueAdmin.spaces.save')}
          <span className="visually-hidden">: {space.name}</span>
        </button>
      </Form>
    </section>
  );
}

function countRows(values: Record<string, string>): number {
  return Object.keys(values).filter((name) => /^closedFrom-\d+$/.test(name)).length;
}
