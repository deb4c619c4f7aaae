// Domain error codes and their HTTP statuses, in one place.
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
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
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
  ) {
    super('rate_limited', message, undefined, { retryAfterSeconds });
    this.name = 'RateLimitedError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('forbidden', message);
export const unauthenticated = () => new DomainError('unauthenticated', 'Sign in to continue');
export const ruleViolation = (message: string, fields?: FieldErrors) => new DomainError('rule_violation', message, fields);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', message, undefined, details);
