import type { ReactNode } from 'react';
import { Form } from 'react-router';
import { eventAccessibilityFacts, eventAudiences, eventCategories } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { ErrorSummary } from '../error-summary';
import {
  CheckboxField,
  CheckboxGroupField,
  DateTimeField,
  RadioGroupField,
  SelectField,
  type SelectGroup,
  TextAreaField,
  TextField,
} from '../form-fields';
import { accessibilityKeys, audienceKeys, categoryKeys, weekdayKeys } from './event-labels';

export const eventIdPrefix = 'event';

// The form's fields in reading order, with their visible names (also the error summary's order).
export function eventFieldLabels(t: Translate): Record<string, string> {
  return {
    form: t('events.form.title'),
    titleFi: t('events.form.titleFi'),
    titleSv: t('events.form.titleSv'),
    titleEn: t('events.form.titleEn'),
    descriptionFi: t('events.form.descriptionFi'),
    descriptionSv: t('events.form.descriptionSv'),
    descriptionEn: t('events.form.descriptionEn'),
    date: t('events.form.date'),
    startTime: t('events.form.startTime'),
    endTime: t('events.form.endTime'),
    endDate: t('events.form.endDate'),
    placeMode: t('events.form.placeMode'),
    venueSpace: t('events.form.venueSpace'),
    placeName: t('events.form.placeName'),
    address: t('events.form.address'),
    villageId: t('events.form.village'),
    category: t('events.form.category'),
    audiences: t('events.form.audiences'),
    priceMode: t('events.form.price'),
    priceEuros: t('events.form.priceEuros'),
    infoUrl: t('events.form.infoUrl'),
    frequency: t('events.form.frequency'),
    weekdays: t('events.form.weekdays'),
    interval: t('events.form.interval'),
    until: t('events.form.until'),
    count: t('events.form.count'),
    exceptions: t('events.form.exceptions'),
    coOrganisers: t('events.form.coOrganisers'),
  };
}

type EventFormProps = {
  values: Record<string, string>;
  errors: FieldErrors;
  venueGroups: SelectGroup[];
  villageGroups: SelectGroup[];
  // Other organisations that may be asked to co-organise (new events only).
  organisations: { id: string; name: string }[] | null;
  // A recurring event's times are changed one date at a time (below the form).
  hasFixedTimes: boolean;
  isRecurrenceEditable: boolean;
  // The event already has its space booked: no second request.
  hasBooking?: boolean;
  buttons: ReactNode;
};

export function EventForm({
  values,
  errors,
  venueGroups,
  villageGroups,
  organisations,
  hasFixedTimes,
  isRecurrenceEditable,
  hasBooking = false,
  buttons,
}: EventFormProps) {
  const { t } = useI18n();
  const labels = eventFieldLabels(t);
  const p = eventIdPrefix;
  const errorText = (name: string) => (errors[name] ? t(errors[name] as MessageKey) : undefined);
  const list = (name: string) => (values[name] ?? '').split(',').filter(Boolean);
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} idPrefix={p} />
      <Form method="post" noValidate className="event-form">
        <fieldset className="event-form__group">
          <legend>{t('events.form.whatTitle')}</legend>
          <p className="field__hint">{t('events.form.languagesHint')}</p>
          <TextField
            name="titleFi"
            idPrefix={p}
            label={labels.titleFi!}
            error={errorText('titleFi')}
            defaultValue={values.titleFi}
            maxLength={200}
          />
          <TextField
            name="titleSv"
            idPrefix={p}
            label={labels.titleSv!}
            error={errorText('titleSv')}
            defaultValue={values.titleSv}
            maxLength={200}
          />
          <TextField
            name="titleEn"
            idPrefix={p}
            label={labels.titleEn!}
            error={errorText('titleEn')}
            defaultValue={values.titleEn}
            maxLength={200}
          />
          <TextAreaField
            name="descriptionFi"
            idPrefix={p}
            label={labels.descriptionFi!}
            error={errorText('descriptionFi')}
            defaultValue={values.descriptionFi}
            lang="fi"
          />
          <TextAreaField
            name="descriptionSv"
            idPrefix={p}
            label={labels.descriptionSv!}
            error={errorText('descriptionSv')}
            defaultValue={values.descriptionSv}
            lang="sv"
          />
          <TextAreaField
            name="descriptionEn"
            idPrefix={p}
            label={labels.descriptionEn!}
            error={errorText('descriptionEn')}
            defaultValue={values.descriptionEn}
            lang="en"
          />
        </fieldset>

        <fieldset className="event-form__group">
          <legend>{t('events.form.whenTitle')}</legend>
          {hasFixedTimes ? (
            <p>{t('events.form.fixedTimes')}</p>
          ) : (
            <>
              <DateTimeField
                idPrefix={p}
                name="date"
                type="date"
                label={labels.date!}
                hint={t('events.form.dateHint')}
                error={errorText('date')}
                value={values.date}
              />
              <CheckboxField
                name="isAllDay"
                idPrefix={p}
                label={t('events.form.isAllDay')}
                hint={t('events.form.isAllDayHint')}
                hintClassName="event-form__checkbox-hint"
                isChecked={values.isAllDay === 'yes'}
              />
              <DateTimeField
                idPrefix={p}
                name="startTime"
                type="time"
                label={labels.startTime!}
                hint={t('events.form.timeHint')}
                error={errorText('startTime')}
                value={values.startTime}
              />
              <DateTimeField
                idPrefix={p}
                name="endTime"
                type="time"
                label={labels.endTime!}
                hint={t('events.form.timeHint')}
                error={errorText('endTime')}
                value={values.endTime}
              />
              <DateTimeField
                idPrefix={p}
                name="endDate"
                type="date"
                label={labels.endDate!}
                hint={t('events.form.endDateHint')}
                error={errorText('endDate')}
                value={values.endDate}
              />
            </>
          )}
        </fieldset>

        {isRecurrenceEditable ? <RecurrenceFields values={values} errorText={errorText} labels={labels} /> : null}

        <fieldset className="event-form__group">
          <legend>{t('events.form.whereTitle')}</legend>
          <RadioGroupField
            name="placeMode"
            idPrefix={p}
            legend={labels.placeMode!}
            error={errorText('placeMode')}
            defaultValue={values.placeMode}
            options={[
              { value: 'venue', label: t('events.form.placeVenue') },
              { value: 'other', label: t('events.form.placeOther') },
            ]}
          />
          <fieldset className="event-form__sub">
            <legend className="event-form__subtitle">{t('events.form.placeVenue')}</legend>
            <SelectField
              name="venueSpace"
              idPrefix={p}
              label={labels.venueSpace!}
              hint={t('events.form.venueSpaceHint')}
              error={errorText('venueSpace')}
              defaultValue={values.venueSpace}
              groups={venueGroups}
              placeholder={t('events.form.choose')}
            />
            {hasBooking ? (
              <p>{t('events.form.hasBooking')}</p>
            ) : (
              <CheckboxField
                name="requestSpace"
                idPrefix={p}
                label={t('events.form.requestSpace')}
                hint={t('events.form.requestSpaceHint')}
                hintClassName="event-form__checkbox-hint"
                isChecked={values.requestSpace === 'yes'}
              />
            )}
          </fieldset>
          <fieldset className="event-form__sub">
            <legend className="event-form__subtitle">{t('events.form.placeOther')}</legend>
            <TextField
              name="placeName"
              idPrefix={p}
              label={labels.placeName!}
              hint={t('events.form.placeNameHint')}
              error={errorText('placeName')}
              defaultValue={values.placeName}
              maxLength={200}
            />
            <TextField
              name="address"
              idPrefix={p}
              label={labels.address!}
              error={errorText('address')}
              defaultValue={values.address}
              maxLength={300}
            />
            <SelectField
              name="villageId"
              idPrefix={p}
              label={labels.villageId!}
              error={errorText('villageId')}
              defaultValue={values.villageId}
              groups={villageGroups}
              placeholder={t('events.form.choose')}
            />
          </fieldset>
        </fieldset>

        <fieldset className="event-form__group">
          <legend>{t('events.form.forWhomTitle')}</legend>
          <SelectField
            name="category"
            idPrefix={p}
            label={labels.category!}
            error={errorText('category')}
            defaultValue={values.category}
            options={eventCategories.map((category) => ({ value: category, label: t(categoryKeys[category]) }))}
            placeholder={t('events.form.choose')}
          />
          <CheckboxGroupField
            name="audiences"
            idPrefix={p}
            legend={labels.audiences!}
            hint={t('events.form.audiencesHint')}
            error={errorText('audiences')}
            options={eventAudiences.map((audience) => ({ value: audience, label: t(audienceKeys[audience]) }))}
            checked={list('audiences')}
          />
          <RadioGroupField
            name="priceMode"
            idPrefix={p}
            legend={labels.priceMode!}
            error={errorText('priceMode')}
            defaultValue={values.priceMode}
            options={[
              { value: 'free', label: t('events.form.priceFree') },
              { value: 'paid', label: t('events.form.pricePaid') },
            ]}
          />
          <TextField
            name="priceEuros"
            idPrefix={p}
            label={labels.priceEuros!}
            hint={t('events.form.priceEurosHint')}
            error={errorText('priceEuros')}
            defaultValue={values.priceEuros}
            inputMode="text"
            maxLength={12}
            className="input--short"
          />
          <CheckboxGroupField
            name="accessibility"
            idPrefix={p}
            legend={t('events.form.accessibility')}
            hint={t('events.form.accessibilityHint')}
            options={eventAccessibilityFacts.map((fact) => ({ value: fact, label: t(accessibilityKeys[fact]) }))}
            checked={list('accessibility')}
          />
          <CheckboxField
            name="isRideSharingWelcome"
            idPrefix={p}
            label={t('events.form.rideSharing')}
            hint={t('events.form.rideSharingHint')}
            hintClassName="event-form__checkbox-hint"
            isChecked={values.isRideSharingWelcome === 'yes'}
          />
          <TextField
            name="infoUrl"
            idPrefix={p}
            label={labels.infoUrl!}
            hint={t('events.form.infoUrlHint')}
            error={errorText('infoUrl')}
            defaultValue={values.infoUrl}
            maxLength={500}
            spellCheck={false}
          />
        </fieldset>

        {organisations ? (
          <fieldset className="event-form__group">
            <legend>{t('events.form.togetherTitle')}</legend>
            {organisations.length ? (
              <CheckboxGroupField
                name="coOrganisers"
                idPrefix={p}
                legend={labels.coOrganisers!}
                hint={t('events.form.coOrganisersHint')}
                error={errorText('coOrganisers')}
                options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
                checked={list('coOrganisers')}
                className="event-form__organisations"
              />
            ) : (
              <p>{t('events.form.noOrganisations')}</p>
            )}
          </fieldset>
        ) : null}

        <div className="actions event-form__buttons">{buttons}</div>
      </Form>
    </>
  );
}

function RecurrenceFields({
  values,
  errorText,
  labels,
}: {
  values: Record<string, string>;
  errorText: (name: string) => string | undefined;
  labels: Record<string, string>;
}) {
  const { t } = useI18n();
  const p = eventIdPrefix;
  return (
    <fieldset className="event-form__group">
      <legend>{t('events.form.repeatTitle')}</legend>
      <RadioGroupField
        name="frequency"
        idPrefix={p}
        legend={labels.frequency!}
        error={errorText('frequency')}
        defaultValue={values.frequency || 'none'}
        options={[
          { value: 'none', label: t('events.form.frequencyNone') },
          { value: 'weekly', label: t('events.form.frequencyWeekly') },
          { value: 'monthly-weekday', label: t('events.form.frequencyMonthlyWeekday') },
          { value: 'monthly-date', label: t('events.form.frequencyMonthlyDate') },
        ]}
      />
      <p className="field__hint">{t('events.form.repeatHint')}</p>
      <CheckboxGroupField
        name="weekdays"
        idPrefix={p}
        legend={labels.weekdays!}
        hint={t('events.form.weekdaysHint')}
        error={errorText('weekdays')}
        options={weekdayKeys.map((key, index) => ({ value: String(index + 1), label: t(key) }))}
        checked={(values.weekdays ?? '').split(',').filter(Boolean)}
        className="event-form__weekdays"
      />
      <TextField
        name="interval"
        idPrefix={p}
        label={labels.interval!}
        hint={t('events.form.intervalHint')}
        error={errorText('interval')}
        defaultValue={values.interval || '1'}
        inputMode="numeric"
        maxLength={2}
        className="input--short"
      />
      <RadioGroupField
        name="endMode"
        idPrefix={p}
        legend={t('events.form.endMode')}
        defaultValue={values.endMode || 'until'}
        options={[
          { value: 'until', label: t('events.form.endModeUntil') },
          { value: 'count', label: t('events.form.endModeCount') },
        ]}
      />
      <DateTimeField
        idPrefix={p}
        name="until"
        type="date"
        label={labels.until!}
        hint={t('events.form.untilHint')}
        error={errorText('until')}
        value={values.until}
      />
      <TextField
        name="count"
        idPrefix={p}
        label={labels.count!}
        hint={t('events.form.countHint')}
        error={errorText('count')}
        defaultValue={values.count}
        inputMode="numeric"
        maxLength={3}
        className="input--short"
      />
      <TextField
        name="exceptions"
        idPrefix={p}
        label={labels.exceptions!}
        hint={t('events.form.exceptionsHint')}
        error={errorText('exceptions')}
        defaultValue={values.exceptions}
        maxLength={2000}
      />
    </fieldset>
  );
}
