import { Form } from 'react-router';
import { toLocalInputs } from '@talkoot/platform/time';
import type { OrganiserEvent } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { ErrorSummary } from '../error-summary';
import { DateTimeField, TextField } from '../form-fields';
import { pickText, whenText } from './event-labels';

export type OccurrenceFailure = { occurrenceId: string; errors: FieldErrors; values: Record<string, string> } | null;

// Each date of a recurring event: cancel it, move it or add a note, one small form each.
export function OccurrenceList({ event, now, failure }: { event: OrganiserEvent; now: number; failure: OccurrenceFailure }) {
  const { t, language } = useI18n();
  // Past dates cannot be changed usefully; show what is coming (at most a year of weekly dates).
  const upcoming = event.occurrences.filter((occurrence) => Date.parse(occurrence.endsAt) > now).slice(0, 60);
  return (
    <section className="section" aria-labelledby="event-dates">
      <h2 id="event-dates">{t('events.dates.title')}</h2>
      <p>{t('events.dates.intro')}</p>
      {upcoming.length === 0 ? <p>{t('events.dates.none')}</p> : null}
      <ul className="event-dates">
        {upcoming.map((occurrence) => {
          const prefix = `date-${occurrence.id.slice(0, 8)}`;
          const isFailed = failure?.occurrenceId === occurrence.id;
          const values = isFailed ? failure.values : {};
          const errors = isFailed ? failure.errors : {};
          const errorText = (name: string) => (errors[name] ? t(errors[name] as MessageKey) : undefined);
          const local = toLocalInputs(occurrence.startsAt);
          const end = toLocalInputs(occurrence.endsAt);
          const note = pickText(occurrence.note, language);
          const when = whenText(occurrence.startsAt, occurrence.endsAt, event.isAllDay, language);
          return (
            <li
              key={occurrence.id}
              className={occurrence.isCancelled ? 'event-dates__item event-dates__item--cancelled' : 'event-dates__item'}
            >
              <p className="event-dates__when">
                {when}
                {occurrence.isCancelled ? (
                  <strong className="event-status event-status--cancelled">{t('events.dates.cancelled')}</strong>
                ) : null}
              </p>
              {note ? (
                <p className="event-dates__note" lang={note.language}>
                  {t('events.dates.noteLabel')}: {note.text}
                </p>
              ) : null}
              <details open={isFailed}>
                <summary>{t('events.dates.change', { when })}</summary>
                <ErrorSummary
                  errors={errors}
                  labels={{
                    moveDate: t('events.form.date'),
                    moveStartTime: t('events.form.startTime'),
                    moveEndTime: t('events.form.endTime'),
                    noteFi: t('events.dates.noteFi'),
                    form: t('events.dates.title'),
                  }}
                  idPrefix={prefix}
                />
                <Form method="post" className="event-dates__form">
                  <input type="hidden" name="occurrenceId" value={occurrence.id} />
                  {occurrence.isCancelled ? (
                    <button
                      type="submit"
                      name="intent"
                      value="occurrence-restore"
                      className="button button--secondary button--small"
                    >
                      {t('events.dates.restore')}
                    </button>
                  ) : (
                    <button
                      type="submit"
                      name="intent"
                      value="occurrence-cancel"
                      className="button button--secondary button--small"
                    >
                      {t('events.dates.cancel')}
                    </button>
                  )}
                </Form>
                <Form method="post" noValidate className="event-dates__form">
                  <input type="hidden" name="occurrenceId" value={occurrence.id} />
                  <h3 className="event-form__subtitle">{t('events.dates.moveTitle')}</h3>
                  <DateTimeField
                    idPrefix={prefix}
                    name="moveDate"
                    type="date"
                    label={t('events.form.date')}
                    hint={t('events.form.dateHint')}
                    error={errorText('moveDate')}
                    value={values.moveDate ?? local.date}
                  />
                  {event.isAllDay ? (
                    <input type="hidden" name="moveIsAllDay" value="yes" />
                  ) : (
                    <>
                      <DateTimeField
                        idPrefix={prefix}
                        name="moveStartTime"
                        type="time"
                        label={t('events.form.startTime')}
                        hint={t('events.form.timeHint')}
                        error={errorText('moveStartTime')}
                        value={values.moveStartTime ?? local.time}
                      />
                      <DateTimeField
                        idPrefix={prefix}
                        name="moveEndTime"
                        type="time"
                        label={t('events.form.endTime')}
                        hint={t('events.form.timeHint')}
                        error={errorText('moveEndTime')}
                        value={values.moveEndTime ?? end.time}
                      />
                    </>
                  )}
                  <button type="submit" name="intent" value="occurrence-move" className="button button--secondary button--small">
                    {t('events.dates.move')}
                  </button>
                </Form>
                <Form method="post" noValidate className="event-dates__form">
                  <input type="hidden" name="occurrenceId" value={occurrence.id} />
                  <h3 className="event-form__subtitle">{t('events.dates.noteTitle')}</h3>
                  <TextField
                    name="noteFi"
                    idPrefix={prefix}
                    label={t('events.dates.noteFi')}
                    hint={t('events.dates.noteHint')}
                    error={errorText('noteFi')}
                    defaultValue={values.noteFi ?? occurrence.note?.fi}
                    maxLength={500}
                  />
                  <TextField
                    name="noteSv"
                    idPrefix={prefix}
                    label={t('events.dates.noteSv')}
                    defaultValue={values.noteSv ?? occurrence.note?.sv}
                    maxLength={500}
                  />
                  <TextField
                    name="noteEn"
                    idPrefix={prefix}
                    label={t('events.dates.noteEn')}
                    defaultValue={values.noteEn ?? occurrence.note?.en}
                    maxLength={500}
                  />
                  <button type="submit" name="intent" value="occurrence-note" className="button button--secondary button--small">
                    {t('events.dates.saveNote')}
                  </button>
                </Form>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
