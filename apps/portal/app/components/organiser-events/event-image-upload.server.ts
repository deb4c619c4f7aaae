import { deleteEventImageRoute, uploadEventImageRoute } from '@talkoot/events/schemas';
import { data } from 'react-router';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, type ApiCaller } from '../../lib/api.server';
import { uploadImageToApi } from '../../lib/image-upload.server';
import type { FieldErrors } from '../../lib/forms';
import { redirectWithCookies } from '../../lib/responses.server';
import { eventPath } from './event-paths';

// The same limit as venue photos; the api turns the picture into a small WebP anyway.
export const MAX_EVENT_IMAGE_BYTES = 10 * 1024 * 1024;

export type EventImageFailure = { intent: 'image' | 'image-remove'; errors: FieldErrors; values: Record<string, string> };

// A picture over the limit is refused at the door (413, no reason); the rest by the api's reasons.
function imageErrors(error: ApiError): FieldErrors {
  if (error.status === 413) return { image: 'events.image.error.tooBig' };
  return apiErrorsToFields(error);
}

// The picture's two forms on the organiser's event page: upload (or replace) and remove.
export async function changeEventImage(
  caller: ApiCaller,
  organisationId: string,
  eventId: string,
  intent: 'image' | 'image-remove',
  formData: FormData,
  values: Record<string, string>,
) {
  const ofEvent = { id: organisationId, eventId };
  const here = eventPath(organisationId, eventId);
  const fail = (errors: FieldErrors, status = 400) => data<EventImageFailure>({ intent, errors, values }, { status });
  const altText = (values.imageAlt ?? '').trim();
  try {
    if (intent === 'image-remove') {
      if (values.confirmImageRemove !== 'yes') return fail({ confirmImageRemove: 'events.image.removeConfirmRequired' });
      await callApi(caller, deleteEventImageRoute, { params: ofEvent });
      return redirectWithCookies(`${here}?done=image-removed`);
    }
    const file = formData.get('image');
    const errors: FieldErrors = {};
    if (!(file instanceof File) || file.size === 0) errors.image = 'events.image.error.file';
    else if (file.size > MAX_EVENT_IMAGE_BYTES) errors.image = 'events.image.error.tooBig';
    if (!altText) errors.imageAlt = 'events.image.error.altRequired';
    else if (altText.length < 3 || altText.length > 300) errors.imageAlt = 'events.image.error.altLength';
    if (Object.keys(errors).length > 0 || !(file instanceof File)) return fail(errors);
    await uploadImageToApi(caller, uploadEventImageRoute, ofEvent, file, altText);
    return redirectWithCookies(`${here}?done=image`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500 || error.status === 403 || error.status === 404) throw error;
    const errors: FieldErrors = intent === 'image' ? imageErrors(error) : { form: 'validation.checkField' };
    return fail(errors, error.status);
  }
}
