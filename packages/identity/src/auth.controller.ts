import { Body, Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route, type RouteBody, access, defineRoute } from '@talkoot/platform';
import { type AuthContext, CurrentAuth } from './auth-context.js';
import { sessionCreateSchema, sessionSchema, signInRequestAnswerSchema, signInRequestSchema } from './auth.schemas.js';
import { SessionService } from './session.service.js';
import { SignInService } from './sign-in.service.js';
import { toUserView } from './user-view.js';

export const requestSignInRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/sign-in-requests',
  summary: 'Email a sign-in link and code (same answer whether or not the address has an account)',
  tag: 'Sign-in',
  access: access.public,
  body: signInRequestSchema,
  response: signInRequestAnswerSchema,
  status: 202,
  errors: [429],
});

export const createSessionRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/sessions',
  summary: 'Exchange a sign-in link token, or an address and its code, for a session',
  tag: 'Sign-in',
  access: access.public,
  body: sessionCreateSchema,
  response: sessionSchema,
  status: 201,
});

export const endSessionRoute = defineRoute({
  method: 'DELETE',
  path: '/api/auth/sessions/current',
  summary: 'Sign out: end the current session',
  tag: 'Sign-in',
  access: access.signedIn,
  status: 204,
});

@Controller()
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
  ) {}

  @Route(requestSignInRoute)
  async requestSignIn(@Body() body: RouteBody<typeof requestSignInRoute>, @Req() request: FastifyRequest) {
    await this.signIn.requestSignIn({ email: body.email, language: body.language, ip: request.ip });
    return { status: 'sent' as const };
  }

  @Route(createSessionRoute)
  async createSession(@Body() body: RouteBody<typeof createSessionRoute>) {
    const session = await this.signIn.createSession(body);
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toUserView(session.user) };
  }

  @Route(endSessionRoute)
  async endSession(@CurrentAuth() auth: AuthContext) {
    await this.sessions.endSession(auth.token);
  }
}
