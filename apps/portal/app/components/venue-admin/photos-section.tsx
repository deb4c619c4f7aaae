import { Form } from 'react-router';
import type { FormFailure } from '../../lib/forms';
import type { MessageKey, Translate } from '../../lib/i18n';
import { ErrorSummary } from '../error-summary';
import { CheckboxChoice, FieldError, TextField } from '../form-fields';

export interface ManagedPhoto {
  id: string;
  thumbnailUrl: string;
  altText: string;
  width: number;
  height: number;
}

// The photos of a venue or a lending item, with forms to add and remove them (no JavaScript needed).
type Props = {
  t: Translate;
  photos: readonly ManagedPhoto[];
  max: number;
  // What "none yet" and "full" say: the venue's or the item's words.
  texts: { none: MessageKey; full: MessageKey };
  uploadFailure?: FormFailure;
  deleteFailure?: FormFailure;
};

export function PhotosSection({ t, photos, max, texts, uploadFailure, deleteFailure }: Props) {
  const idPrefix = 'photo-upload';
  const error = (name: string) => {
    const key = uploadFailure?.errors[name];
    return key ? t(key) : undefined;
  };
  const isFull = photos.length >= max;
  return (
    <section className="manage-section section" aria-labelledby="photos-title">
      <h2 id="photos-title">{t('venueAdmin.photos.title')}</h2>
      {photos.length === 0 ? (
        <p>{t(texts.none)}</p>
      ) : (
        <>
          <p>{t('venueAdmin.photos.count', { count: photos.length, max })}</p>
          <ul className="manage-photos">
            {photos.map((photo, index) => {
              const deleteError = deleteFailure?.values.photoId === photo.id ? deleteFailure.errors.confirm : undefined;
              const confirmId = `photo-${photo.id}-confirm`;
              return (
                <li key={photo.id} data-photo-id={photo.id}>
                  <img
                    src={photo.thumbnailUrl}
                    alt={photo.altText}
                    width={480}
                    height={Math.round((480 * photo.height) / photo.width)}
                  />
                  <p>
                    <span className="visually-hidden">{t('venueAdmin.photos.photoLabel', { number: index + 1 })}: </span>
                    {photo.altText}
                  </p>
                  <Form method="post" className={deleteError ? 'field field--error' : undefined}>
                    <input type="hidden" name="intent" value="delete-photo" />
                    <input type="hidden" name="photoId" value={photo.id} />
                    {deleteError ? <FieldError id={`${confirmId}-error`} error={t(deleteError)} role="alert" /> : null}
                    <CheckboxChoice
                      id={confirmId}
                      name="confirm"
                      describedBy={deleteError ? `${confirmId}-error` : undefined}
                      label={
                        <>
                          {t('venueAdmin.photos.confirmDelete')}
                          <span className="visually-hidden"> ({t('venueAdmin.photos.photoLabel', { number: index + 1 })})</span>
                        </>
                      }
                    />
                    <button type="submit" className="button button--secondary button--small">
                      {t('venueAdmin.photos.delete')}
                      <span className="visually-hidden">: {t('venueAdmin.photos.photoLabel', { number: index + 1 })}</span>
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <h3 id="photo-upload-title">{t('venueAdmin.photos.uploadTitle')}</h3>
      {isFull ? (
        <p className="panel panel--info">{t(texts.full, { max })}</p>
      ) : (
        <>
          <ErrorSummary
            errors={uploadFailure?.errors}
            labels={{ photo: t('venueAdmin.photos.file'), altText: t('venueAdmin.photos.altText'), form: '' }}
            idPrefix={idPrefix}
          />
          <Form method="post" encType="multipart/form-data" noValidate className="stack" aria-labelledby="photo-upload-title">
            <input type="hidden" name="intent" value="upload-photo" />
            <div className={error('photo') ? 'field field--error' : 'field'}>
              <label htmlFor={`${idPrefix}-photo`}>{t('venueAdmin.photos.file')}</label>
              <p className="field__hint" id={`${idPrefix}-photo-hint`}>
                {t('venueAdmin.photos.fileHint')}
              </p>
              {error('photo') ? <FieldError id={`${idPrefix}-photo-error`} error={error('photo')} /> : null}
              <input
                type="file"
                id={`${idPrefix}-photo`}
                name="photo"
                accept="image/jpeg,image/png,image/webp"
                required
                aria-invalid={error('photo') ? true : undefined}
                aria-describedby={[`${idPrefix}-photo-hint`, error('photo') ? `${idPrefix}-photo-error` : '']
                  .filter(Boolean)
                  .join(' ')}
              />
            </div>
            <TextField
              idPrefix={idPrefix}
              name="altText"
              label={t('venueAdmin.photos.altText')}
              hint={t('venueAdmin.photos.altTextHint')}
              defaultValue={uploadFailure?.values.altText}
              error={error('altText')}
              required
              maxLength={300}
            />
            <button type="submit" className="button">
              {t('venueAdmin.photos.upload')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
