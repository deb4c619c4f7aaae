// Browser-safe: what an error answer says, in words a program can read.
//
// `error.code` is the class of refusal (one HTTP status each, errors.ts). `error.reason` names the
// rule that refused, e.g. `booking.outside_opening_hours`: each domain declares its reasons beside
// its schemas with `defineErrorReasons`, and the portal translates them. `error.fieldReasons`
// does the same per field named in `error.fields`.

export const errorCodes = [
  'validation_failed',
  'invalid_sign_in',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rule_violation',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

// One reason: its name and the class (so the HTTP status) it is answered with.
export interface ErrorReason<R extends string = string, C extends ErrorCode = ErrorCode> {
  readonly reason: R;
  readonly code: C;
}

export type ErrorReasons<D extends string, T extends Record<string, ErrorCode>> = {
  readonly [K in keyof T & string]: ErrorReason<`${D}.${K}`, T[K]>;
};

// defineErrorReasons('booking', { slot_taken: 'conflict' }).slot_taken
//   -> { reason: 'booking.slot_taken', code: 'conflict' }
export function defineErrorReasons<const D extends string, const T extends Record<string, ErrorCode>>(
  domain: D,
  reasons: T,
): ErrorReasons<D, T> {
  return Object.fromEntries(
    Object.entries(reasons).map(([name, code]) => [name, { reason: `${domain}.${name}`, code }]),
  ) as ErrorReasons<D, T>;
}

// The reason names of one or more declarations, as a union type.
export type ReasonOf<T> = { [K in keyof T]: T[K] extends ErrorReason<infer R> ? R : never }[keyof T];

// Why a field failed the request schema, from the kind of zod issue: the same for every route.
export const validationErrors = defineErrorReasons('validation', {
  required: 'validation_failed',
  invalid_type: 'validation_failed',
  too_big: 'validation_failed',
  too_small: 'validation_failed',
  invalid_format: 'validation_failed',
  not_multiple_of: 'validation_failed',
  unrecognized_keys: 'validation_failed',
  invalid_union: 'validation_failed',
  invalid_key: 'validation_failed',
  invalid_element: 'validation_failed',
  invalid_value: 'validation_failed',
  custom: 'validation_failed',
  control_characters: 'validation_failed',
});
export type ValidationReason = ReasonOf<typeof validationErrors>;
