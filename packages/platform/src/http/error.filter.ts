import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorCode } from '../error-codes.js';
import { DomainError, RateLimitedError, errorStatus } from '../errors.js';
import type { ErrorBody } from '../schemas.js';
import { fieldErrorsFrom } from './validation.interceptor.js';
import { isTransientConflict } from '../transient-conflict.js';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'rule_violation',
  429: 'rate_limited',
};

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

// Connection refused or cut, the server shutting down or starting up (SQLSTATE class 08, 57P01–57P03).
const unavailableNetworkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const unavailableMessages =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code))) return true;
    if (typeof code === 'string' && unavailableNetworkCodes.has(code)) return true;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
  }
  return false;
}

// The one place where errors become HTTP answers. Bad input never becomes a 500.
export function toErrorResponse(error: unknown): {
  status: number;
  body: ErrorBody;
  isUnexpected: boolean;
  headers?: Record<string, string>;
} {
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.reason) body.error.reason = error.reason;
    if (error.fields) body.error.fields = error.fields;
    if (error.fieldReasons) body.error.fieldReasons = error.fieldReasons;
    if (error.details) Object.assign(body.error, error.details);
    const headers =
      error instanceof RateLimitedError ? { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) } : undefined;
    return { status: error.status, body, isUnexpected: false, ...(headers ? { headers } : {}) };
  }
  if (error instanceof ZodError) {
    const { fields, fieldReasons } = fieldErrorsFrom(error);
    return {
      status: 400,
      body: { error: { code: 'validation_failed', message: 'Check the marked fields', fields, fieldReasons } },
      isUnexpected: false,
    };
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (error instanceof HttpException || (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500)) {
    const status = error instanceof HttpException ? error.getStatus() : (fastifyError.statusCode as number);
    const code = codeByStatus[status] ?? (status < 500 ? 'validation_failed' : 'internal');
    const message =
      status === 404
        ? 'Not found'
        : status === 413
          ? 'The request is too large'
          : status === 415
            ? 'Send the body as application/json'
            : (fastifyError.message ?? 'Bad request');
    return { status, body: { error: { code, message } }, isUnexpected: status >= 500 };
  }
  const pg = error as PgError;
  // Database constraints are the last guard; their refusals are conflicts, not crashes.
  if (pg.code === '23505' || pg.code === '23P01') {
    return {
      status: errorStatus.conflict,
      body: { error: { code: 'conflict', message: 'This conflicts with existing data' } },
      isUnexpected: false,
    };
  }
  // The database restarting or out of reach: a moment's absence, said as such (503 with Retry-After),
  // never a 500. Nothing was written: the transaction had not committed.
  // A deadlock victim that was not run again: busy, not broken. Nothing was committed.
  if (isTransientConflict(error)) {
    return {
      status: 503,
      body: { error: { code: 'unavailable', message: 'Many people are changing the same thing right now. Please try again.' } },
      isUnexpected: false,
      headers: { 'retry-after': '1' },
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: { error: { code: 'unavailable', message: 'The service is briefly unavailable. Please try again in a moment.' } },
      isUnexpected: false,
      headers: { 'retry-after': '5' },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } },
    isUnexpected: true,
  };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { status, body, isUnexpected, headers } = toErrorResponse(error);
    if (isUnexpected) {
      request.log.error({ err: error }, 'unexpected error');
      this.logger.error(error instanceof Error ? error.stack : String(error));
    }
    if (headers) void reply.headers(headers);
    void reply.status(status).header('cache-control', 'no-store').send(body);
  }
}
