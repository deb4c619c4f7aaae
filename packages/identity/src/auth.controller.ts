import { Body, Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Route, type RouteBody } from '@talkoot/platform';
import { type AuthContext, CurrentAuth } from './auth-context.js';
import { createSessionRoute, endSessionRoute, requestSignInRoute } from './auth.routes.js';
import { SessionService } from './session.service.js';
import { SignInService } from './sign-in.service.js';
import { toUserView } from './user-view.js';

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
