// The api's refusals in the reader's language. An error names its rule (`error.reason`, per field
// `error.fieldReasons`); api-reasons.ts says each one in fi/sv/en. The api's English messages are
// for api clients and never shown here.
import type { ValidationReason } from '@talkoot/platform/schemas';
import { type ApiReason, isApiReason, reasonMessages } from './api-reasons';
import type { ApiError } from './api.server';
import { type FieldErrors, formatMessages, toFieldName } from './forms';
import type { MessageKey } from './i18n';

export { isApiReason, reasonMessages, type ApiReason };

// A field the request schema refused, said the way the portal's own form checks say it.
function validationMessage(reason: string | undefined, field: string): MessageKey {
  switch (reason as ValidationReason | undefined) {
    case 'validation.required':
      return 'validation.required';
    case 'validation.too_big':
      return 'validation.tooLong';
    case 'validation.too_small':
      return 'validation.tooShort';
    case 'validation.invalid_value':
      return formatMessages[field] ?? 'validation.choose';
    case 'validation.control_characters':
      return 'apiError.validation.controlCharacters';
    default:
      return formatMessages[field] ?? 'validation.checkField';
  }
}

// A refusal whose reason this portal does not know (a newer api, or a bare class): said by status.
const statusMessages: Partial<Record<number, MessageKey>> = { 403: 'apiError.forbidden', 404: 'form.gone', 409: 'form.conflict' };

// How one form reads the api's errors.
export type ApiErrorMapping = {
  // The api's field paths (or their first part) that the form calls otherwise, optionally with
  // this form's own words for a field the request schema refused: startsAt → startTime.
  fields?: Record<string, string | readonly [field: string, message: MessageKey]>;
  // The form's fields; an error on any other field is said at the top of the form (`form`), or
  // on `generalField` when the page shows its errors there.
  formFields?: readonly string[];
  generalField?: string;
  // This form's words for a reason, where they say it better than the shared ones.
  messages?: Partial<Record<ApiReason, MessageKey>>;
  // For a refused rule (422 and the like) without a reason this portal knows.
  fallback?: MessageKey;
};

function mappedField(path: string, mapping: ApiErrorMapping): { field: string; message?: MessageKey } {
  const entry =
    mapping.fields?.[path] ?? mapping.fields?.[path.replace(/\.\d+$/, '')] ?? mapping.fields?.[path.split('.')[0] ?? ''];
  const [field, message] = entry === undefined ? [toFieldName(path.split('.'))] : typeof entry === 'string' ? [entry] : entry;
  const isOnForm = !mapping.formFields || mapping.formFields.includes(field);
  return isOnForm ? { field, message } : { field: mapping.generalField ?? 'form', message };
}

function messageFor(
  error: ApiError,
  reason: string | undefined,
  field: string,
  own: MessageKey | undefined,
  mapping: ApiErrorMapping,
): MessageKey {
  if (isApiReason(reason)) return mapping.messages?.[reason] ?? reasonMessages[reason];
  if (own) return own;
  if (reason?.startsWith('validation.') || error.status === 400) return validationMessage(reason, field);
  return statusMessages[error.status] ?? mapping.fallback ?? 'apiError.refused';
}

// The api's error as this form's field errors: each named field gets the words for its reason;
// an error without fields is said at the top (`form`).
export function apiErrorsToFields(error: ApiError, mapping: ApiErrorMapping = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of Object.keys(error.fields)) {
    const { field, message } = mappedField(path, mapping);
    errors[field] ??= messageFor(error, error.fieldReasons[path] ?? error.reason, field, message, mapping);
  }
  const general = mapping.generalField ?? 'form';
  if (Object.keys(errors).length === 0) errors[general] = messageFor(error, error.reason, general, undefined, mapping);
  return errors;
}

// The words for the error as a whole (a form-level message, a notice).
export function apiErrorMessage(error: ApiError, mapping: ApiErrorMapping = {}): MessageKey {
  return messageFor(error, error.reason, 'form', undefined, mapping);
}
