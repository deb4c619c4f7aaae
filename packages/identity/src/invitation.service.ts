import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, LockMode, MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig, DomainError, addElapsedDays, notFound } from '@talkoot/platform';
import { invitationErrors } from './identity.errors.js';
import { enqueueMail, renderTemplate } from '@talkoot/outbox/mail';
import { invitationTemplate } from './mail/invitation.template.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import type { Role } from './membership.schemas.js';
import { Organisation } from './organisation.entity.js';
import { type SignedInSession, SessionService } from './session.service.js';
import { signInRules } from './sign-in.rules.js';
import { generateToken, hashToken } from './token.rules.js';
import { User } from './user.entity.js';

function toInvitationView(invitation: Invitation) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

@Injectable()
export class InvitationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listPending(organisationId: string) {
    const invitations = await this.orm.em
      .fork()
      .find(
        Invitation,
        { organisation: organisationId, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } },
        { orderBy: { createdAt: 'desc' } },
      );
    return { invitations: invitations.map(toInvitationView) };
  }

  async invite(input: { organisationId: string; email: string; role: Role; invitedById: string }) {
    return this.orm.em.fork().transactional(async (em) => {
      const organisation = await em.findOne(Organisation, { id: input.organisationId });
      if (!organisation) throw notFound('The organisation');
      const existing = await em.findOne(Membership, { organisation: input.organisationId, user: { email: input.email } });
      if (existing) {
        throw new DomainError(invitationErrors.already_member, 'This person is already a member', {
          email: 'This person is already a member',
        });
      }
      const inviter = await em.findOneOrFail(User, { id: input.invitedById });
      const invitee = await em.findOne(User, { email: input.email });
      const token = generateToken();
      const invitation = em.create(Invitation, {
        organisation,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: inviter,
        createdAt: new Date(),
        expiresAt: addElapsedDays(new Date(), signInRules.invitationDays),
      });
      em.persist(invitation);
      const language = invitee?.language ?? inviter.language;
      const data = {
        organisationName: organisation.name,
        inviterName: inviter.name,
        role: input.role,
        link: `${this.config.publicOrigin}/invitations/${encodeURIComponent(token)}`,
        days: signInRules.invitationDays,
      };
      enqueueMail(em, {
        to: input.email,
        language,
        template: 'invitation',
        rendered: renderTemplate('invitation', invitationTemplate, data, language),
      });
      return { invitation: toInvitationView(invitation) };
    });
  }

  async revoke(organisationId: string, invitationId: string): Promise<void> {
    const updated = await this.orm.em
      .fork()
      .nativeUpdate(
        Invitation,
        { id: invitationId, organisation: organisationId, acceptedAt: null, revokedAt: null },
        { revokedAt: new Date() },
      );
    if (!updated) throw notFound('The invitation');
  }

  async preview(token: string) {
    const em = this.orm.em.fork();
    const invitation = await this.findUsable(em, token);
    const user = await em.findOne(User, { email: invitation.email });
    return {
      invitation: {
        organisation: { id: invitation.organisation.id, name: invitation.organisation.name },
        role: invitation.role,
        email: invitation.email,
        needsName: !user,
      },
    };
  }

  // The emailed token proves the address, so accepting also signs the person in; a new
  // person gets an account with the name they give.
  async accept(token: string, name: string | undefined): Promise<SignedInSession> {
    return this.orm.em.fork().transactional(async (em) => {
      const invitation = await this.findUsable(em, token, true);
      let user = await em.findOne(User, { email: invitation.email });
      if (!user) {
        if (!name) throw new DomainError(invitationErrors.name_required, 'Check the marked fields', { name: 'Enter your name' });
        user = em.create(User, { name, email: invitation.email, language: 'fi', isPlatformAdmin: false, createdAt: new Date() });
        em.persist(user);
      }
      const existing = await em.findOne(Membership, { user, organisation: invitation.organisation });
      if (!existing) {
        em.persist(
          em.create(Membership, { user, organisation: invitation.organisation, role: invitation.role, createdAt: new Date() }),
        );
      }
      invitation.acceptedAt = new Date();
      return this.sessions.startSession(em, user);
    });
  }

  private async findUsable(em: EntityManager, token: string, lock = false): Promise<Invitation> {
    const invitation = await em.findOne(
      Invitation,
      { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!invitation) throw notFound('The invitation');
    await em.populate(invitation, ['organisation']);
    return invitation;
  }
}
