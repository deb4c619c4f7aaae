import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '@talkoot/platform';
import type { SignedInUser } from './session.service.js';

export interface AuthContext {
  user: SignedInUser;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthContext;
  }
}

export const SESSION_COOKIE = 'talkoot_session';
export const SECURE_SESSION_COOKIE = '__Host-talkoot_session';

// The signed-in user of a route whose access rule requires one (the guard has set it).
export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  if (!request.auth) throw unauthenticated();
  return request.auth;
});

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        // A mangled cookie is no session, not a server error.
        return undefined;
      }
    }
  }
  return undefined;
}
