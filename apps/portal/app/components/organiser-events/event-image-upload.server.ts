import { data } from 'react-router';
import { ApiError, callApi, type ApiCaller } from '../../lib/api.server';
import { uploadImageToApi } from '../../lib/image-upload.server';
import type { FieldErrors } from '../../lib/forms';
import { redirectWithCookies } from '../../lib/responses.server';
import { apiEventPath, eventPath } from './event-paths';

// The same limit as venue photos; the api turns the picture into a small WebP anyway.
export const MAX_EVENT_IMAGE_BYTES = 10 * 1024 * 1024;

export type EventImageFailure = { intent: 'image' | 'image-remove'; errors: FieldErrors; values: Record<string, string> };

function putEventImage(caller: ApiCaller, path: string, file: File, altText: string): Promise<void> {
  return uploadImageToApi(caller, 'PUT', path, file, altText);
}

function imageErrors(error: ApiError, altText: string): FieldErrors {
  const errors: FieldErrors = {};
  if (error.status === 413) errors.image = 'events.image.error.tooBig';
  if (error.fields.image) errors.image = /not a picture/i.test(error.fields.image) ? 'events.image.error.unreadable' : 'events.image.error.file';
  if (error.fields.imageAlt) errors.imageAlt = altText ? 'events.image.error.altLength' : 'events.image.error.altRequired';
  if (Object.keys(errors).length === 0) errors.form = 'validation.checkField';
  return errors;
}

// The picture's two forms on the organiser's event page: upload (or replace) and remove.
export async function changeEventImage(caller: ApiCaller, organisationId: string, eventId: string, intent: 'image' | 'image-remove', formData: FormData, values: Record<string, string>) {
  const api = `${apiEventPath(organisationId, eventId)}/image`;
  const here = eventPath(organisationId, eventId);
  const fail = (errors: FieldErrors, status = 400) => data<EventImageFailure>({ intent, errors, values }, { status });
  const altText = (values.imageAlt ?? '').trim();
  try {
    if (intent === 'image-remove') {
      if (values.confirmImageRemove !== 'yes') return fail({ confirmImageRemove: 'events.image.removeConfirmRequired' });
      await callApi(caller, api, { method: 'DELETE' });
      return redirectWithCookies(`${here}?done=image-removed`);
    }
    const file = formData.get('image');
    const errors: FieldErrors = {};
    if (!(file instanceof File) || file.size === 0) errors.image = 'events.image.error.file';
    else if (file.size > MAX_EVENT_IMAGE_BYTES) errors.image = 'events.image.error.tooBig';
    if (!altText) errors.imageAlt = 'events.image.error.altRequired';
    else if (altText.length < 3 || altText.length > 300) errors.imageAlt = 'events.image.error.altLength';
    if (Object.keys(errors).length > 0 || !(file instanceof File)) return fail(errors);
    await putEventImage(caller, api, file, altText);
    return redirectWithCookies(`${here}?done=image`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 403 || error.status === 404) throw error;
    const errors: FieldErrors = intent === 'image' ? imageErrors(error, altText) : { form: 'validation.checkField' };
    return fail(errors, error.status);
  }
}
