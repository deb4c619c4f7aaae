import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { uuidSchema } from '@talkoot/platform/schemas';
import {
  APP_CONFIG,
  type AppConfig,
  DomainError,
  ROUTE_CONTRACT,
  type RouteContract,
  forbidden,
  unauthenticated,
} from '@talkoot/platform';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, readCookie } from './auth-context.js';
import { MembershipService } from './membership.service.js';
import { SessionService } from './session.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Every route declares who may call it (its contract's access rule); a route without a
// contract is refused, so forgetting the declaration fails closed.
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly memberships: MembershipService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const contract = this.reflector.get<RouteContract | undefined>(ROUTE_CONTRACT, context.getHandler());
    if (!contract) throw forbidden('This route declares no access rule');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.authenticate(request);
    const rule = contract.access;
    if (rule.kind === 'public') return true;
    const auth = request.auth;
    if (!auth) throw unauthenticated();
    if (rule.kind === 'signedIn') return true;
    if (rule.kind === 'platformAdmin') {
      if (auth.user.isPlatformAdmin) return true;
      throw forbidden('Only platform admins can do this');
    }
    const organisationId = (request.params as Record<string, string | undefined>)[rule.param];
    if (!organisationId || !uuidSchema.safeParse(organisationId).success)
      throw new DomainError('not_found', 'The organisation was not found');
    // A platform admin may act in any organisation, but only in one that exists.
    if (auth.user.isPlatformAdmin) {
      if (await this.memberships.organisationExists(organisationId)) return true;
      throw new DomainError('not_found', 'The organisation was not found');
    }
    const role = await this.memberships.findRole(auth.user.id, organisationId);
    if (!role || !rule.roles.includes(role))
      throw forbidden(`This needs the role ${rule.roles.join(' or ')} in the organisation`);
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie =
      readCookie(request.headers.cookie, SECURE_SESSION_COOKIE) ?? readCookie(request.headers.cookie, SESSION_COOKIE);
    const token = bearer || cookie;
    if (!token) return;
    // A cookie rides along on cross-site requests; a bearer token cannot, so only cookie
    // sessions need the same-origin check.
    if (!bearer && !SAFE_METHODS.has(request.method) && !this.isSameOrigin(request)) {
      throw forbidden('Cross-site request refused');
    }
    const session = await this.sessions.findActiveSession(token);
    if (session) request.auth = { user: session.user, token };
  }

  private isSameOrigin(request: FastifyRequest): boolean {
    const site = request.headers['sec-fetch-site'];
    if (site) return site === 'same-origin' || site === 'none';
    const origin = request.headers.origin;
    return origin === this.config.publicOrigin;
  }
}
