import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { type ValidationReason, validationErrors } from '../error-codes.js';
import { DomainError, type FieldErrors } from '../errors.js';
import { findControlCharacters } from './control-characters.js';
import type { RouteContract } from '../route-contract.js';
import { ROUTE_CONTRACT } from './route.js';

// The first issue of each field: its message, and its reason from the kind of issue. A refinement
// may name a domain reason itself (`params: { reason: 'booking.…' }`); a missing or empty value
// is `validation.required`.
export function fieldErrorsFrom(
  error: z.ZodError,
  input?: unknown,
): { fields: FieldErrors; fieldReasons: Record<string, string> } {
  const fields: FieldErrors = {};
  const fieldReasons: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'body';
    if (key in fields) continue;
    fields[key] = issue.message;
    fieldReasons[key] = reasonOf(issue, input);
  }
  return { fields, fieldReasons };
}

function reasonOf(issue: z.core.$ZodIssue, input: unknown): ValidationReason | string {
  const own = issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
  if (typeof own === 'string') return own;
  if (input !== undefined && issue.path.length > 0) {
    const value = issue.path.reduce<unknown>(
      (node, step) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[step] : undefined),
      input,
    );
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
      return validationErrors.required.reason;
  }
  return validationErrors[issue.code].reason;
}

function parseOrThrow(schema: z.ZodType | undefined, value: unknown, where: 'body' | 'query' | 'params'): unknown {
  const controlCharacters = findControlCharacters(value, '');
  if (Object.keys(controlCharacters).length) {
    if (where === 'params') throw new DomainError('not_found', 'The resource was not found');
    throw new DomainError(validationErrors.control_characters, 'Check the marked fields', controlCharacters);
  }
  if (!schema) return value;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  if (where === 'params') throw new DomainError('not_found', 'The resource was not found');
  const { fields, fieldReasons } = fieldErrorsFrom(result.error, value);
  throw new DomainError('validation_failed', 'Check the marked fields', fields, undefined, fieldReasons);
}

const formBodies = new WeakSet<FastifyRequest>();

export function markFormBody(request: FastifyRequest): void {
  formBodies.add(request);
}

export class ResponseContractError extends Error {
  constructor(
    contract: RouteContract,
    override readonly cause: z.ZodError,
  ) {
    super(`The answer of ${contract.method} ${contract.path} does not match its response schema: ${cause.message}`);
    this.name = 'ResponseContractError';
  }
}

// Validates params, query and body against the route's zod schemas before the handler runs,
// and shapes the answer by the response schema so that nothing beyond the contract leaks out.
@Injectable()
export class ValidationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const contract = this.reflector.get<RouteContract | undefined>(ROUTE_CONTRACT, context.getHandler());
    if (!contract) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (formBodies.has(request) && !contract.acceptsFormBody)
      throw new DomainError('unsupported_media_type', 'Send the body as application/json');
    request.params = parseOrThrow(contract.params, request.params, 'params');
    request.query = parseOrThrow(contract.query, request.query, 'query');
    // Raw bodies (pictures) are bytes, not text: only parsed bodies are checked.
    if (contract.body || !Buffer.isBuffer(request.body)) request.body = parseOrThrow(contract.body, request.body, 'body');
    const responseSchema = contract.response;
    if (!responseSchema) return next.handle();
    return next.handle().pipe(
      map((value) => {
        const result = responseSchema.safeParse(value);
        // An answer that breaks its own contract is our bug: a logged 500, never the caller's 400.
        if (!result.success) throw new ResponseContractError(contract, result.error);
        return result.data;
      }),
    );
  }
}
