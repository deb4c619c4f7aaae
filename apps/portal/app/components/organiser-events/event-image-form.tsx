import { Form } from 'react-router';
import type { OrganiserEvent } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/root-data';
import { ErrorSummary } from '../error-summary';
import { CheckboxField, FieldError, TextField } from '../form-fields';

type Props = {
  event: OrganiserEvent;
  failure: { intent: 'image' | 'image-remove'; errors: FieldErrors; values: Record<string, string> } | null;
};

const idPrefix = 'event-image';

// The event picture: upload or replace it (with its description for screen readers) and remove it.
// Plain multipart forms, so they work without JavaScript.
export function EventImageSection({ event, failure }: Props) {
  const { t } = useI18n();
  const uploadErrors = failure?.intent === 'image' ? failure.errors : undefined;
  const removeError = failure?.intent === 'image-remove' ? failure.errors.confirmImageRemove : undefined;
  const error = (name: string) => {
    const key = uploadErrors?.[name];
    return key ? t(key) : undefined;
  };
  // The api serves the picture only for published (and cancelled) events.
  const isVisible = event.status !== 'draft';
  return (
    <section className="section" aria-labelledby="event-image">
      <h2 id="event-image">{t('events.image.title')}</h2>
      {event.imageUrl && event.imageAlt ? (
        <>
          {isVisible ? (
            <figure className="event-image__figure">
              <img src={event.imageUrl} alt={event.imageAlt} />
              <figcaption>
                {t('events.image.altLabel')}: {event.imageAlt}
              </figcaption>
            </figure>
          ) : (
            <>
              <p>{t('events.image.draftHidden')}</p>
              <p>
                {t('events.image.altLabel')}: {event.imageAlt}
              </p>
            </>
          )}
        </>
      ) : (
        <p>{t('events.image.none')}</p>
      )}

      <h3 id="event-image-upload">{event.imageUrl ? t('events.image.replaceTitle') : t('events.image.uploadTitle')}</h3>
      <ErrorSummary
        errors={uploadErrors}
        labels={{ image: t('events.image.file'), imageAlt: t('events.image.alt'), form: '' }}
        idPrefix={idPrefix}
      />
      <Form method="post" encType="multipart/form-data" noValidate className="stack" aria-labelledby="event-image-upload">
        <div className={error('image') ? 'field field--error' : 'field'}>
          <label htmlFor={`${idPrefix}-image`}>{t('events.image.file')}</label>
          <p className="field__hint" id={`${idPrefix}-image-hint`}>
            {t('events.image.fileHint')}
          </p>
          {error('image') ? <FieldError id={`${idPrefix}-image-error`} error={error('image')} /> : null}
          <input
            type="file"
            id={`${idPrefix}-image`}
            name="image"
            className="event-image__file"
            accept="image/jpeg,image/png,image/webp"
            required
            aria-invalid={error('image') ? true : undefined}
            aria-describedby={[`${idPrefix}-image-hint`, error('image') ? `${idPrefix}-image-error` : '']
              .filter(Boolean)
              .join(' ')}
          />
        </div>
        <TextField
          idPrefix={idPrefix}
          name="imageAlt"
          label={t('events.image.alt')}
          hint={t('events.image.altHint')}
          defaultValue={failure?.intent === 'image' ? failure.values.imageAlt : undefined}
          error={error('imageAlt')}
          required
          maxLength={300}
        />
        <button type="submit" name="intent" value="image" className="button">
          {t('events.image.upload')}
        </button>
      </Form>

      {event.imageUrl ? (
        <Form method="post" className="confirm stack event-image__remove" noValidate aria-labelledby="event-image-remove">
          <h3 id="event-image-remove">{t('events.image.removeTitle')}</h3>
          <CheckboxField
            id="event-image-confirm"
            name="confirmImageRemove"
            label={t('events.image.removeConfirm')}
            error={removeError ? t(removeError) : undefined}
          />
          <button type="submit" name="intent" value="image-remove" className="button button--secondary">
            {t('events.image.remove')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
