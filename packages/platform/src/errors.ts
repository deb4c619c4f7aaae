import type { ErrorCode, ErrorReason } from './error-codes.js';

// Every class of refusal and its HTTP status, in one place. A domain's reasons (error-codes.ts)
// each name their class, so this table is how they all reach HTTP.
export const errorStatus = {
  validation_failed: 400,
  invalid_sign_in: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_violation: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  // The rule that refused, e.g. booking.slot_taken; a bare class (`new DomainError('not_found', …)`) has none.
  readonly reason?: string;
  // Per field of `fields`; by default every field has the error's own reason.
  readonly fieldReasons?: Record<string, string>;

  constructor(
    kind: ErrorCode | ErrorReason,
    message: string,
    readonly fields?: FieldErrors,
    readonly details?: Record<string, unknown>,
    fieldReasons?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
    if (typeof kind === 'string') {
      this.code = kind;
    } else {
      this.code = kind.code;
      this.reason = kind.reason;
    }
    const reason = this.reason;
    if (fieldReasons) this.fieldReasons = fieldReasons;
    else if (fields && reason) this.fieldReasons = Object.fromEntries(Object.keys(fields).map((field) => [field, reason]));
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

// A refusal that passes with time: the error filter sends Retry-After (RFC 9110 §10.2.3) and
// the body says the same seconds.
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    reason?: ErrorReason<string, 'rate_limited'>,
  ) {
    super(reason ?? 'rate_limited', message, undefined, { retryAfterSeconds });
    this.name = 'RateLimitedError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('forbidden', message);
export const unauthenticated = () => new DomainError('unauthenticated', 'Sign in to continue');
