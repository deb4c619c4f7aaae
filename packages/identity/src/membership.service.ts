import { Injectable } from '@nestjs/common';
import { type EntityManager, LockMode, MikroORM } from '@mikro-orm/postgresql';
import { DomainError, notFound } from '@talkoot/platform';
import { membershipErrors } from './identity.errors.js';
import { Membership } from './membership.entity.js';
import type { Member, Role } from './membership.schemas.js';
import { wouldLeaveNoAdmin } from './membership.rules.js';
import { Organisation } from './organisation.entity.js';

function toMember(membership: Membership): Member {
  return { userId: membership.user.id, name: membership.user.name, email: membership.user.email, role: membership.role };
}

@Injectable()
export class MembershipService {
  constructor(private readonly orm: MikroORM) {}

  async findRole(userId: string, organisationId: string): Promise<Role | null> {
    const membership = await this.orm.em.fork().findOne(Membership, { user: userId, organisation: organisationId });
    return membership?.role ?? null;
  }

  async organisationExists(organisationId: string): Promise<boolean> {
    return (await this.orm.em.fork().count(Organisation, { id: organisationId })) > 0;
  }

  async listMembers(organisationId: string): Promise<{ members: Member[] }> {
    const memberships = await this.orm.em
      .fork()
      .find(Membership, { organisation: organisationId }, { populate: ['user'], orderBy: { user: { name: 'asc' } } });
    return { members: memberships.map(toMember) };
  }

  async changeRole(organisationId: string, userId: string, role: Role): Promise<{ member: Member }> {
    return this.orm.em.fork().transactional(async (em) => {
      const membership = await this.lockMembership(em, organisationId, userId);
      await this.assertAdminRemains(em, organisationId, membership.role, role);
      membership.role = role;
      return { member: toMember(membership) };
    });
  }

  async removeMember(organisationId: string, userId: string): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const membership = await this.lockMembership(em, organisationId, userId);
      await this.assertAdminRemains(em, organisationId, membership.role, null);
      em.remove(membership);
    });
  }

  // Locking the organisation row serialises admin changes, so two admins demoting each other
  // at the same moment cannot leave the organisation without one.
  private async lockMembership(em: EntityManager, organisationId: string, userId: string): Promise<Membership> {
    const organisation = await em.findOne(Organisation, { id: organisationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!organisation) throw notFound('The organisation');
    const membership = await em.findOne(Membership, { organisation: organisationId, user: userId }, { populate: ['user'] });
    if (!membership) throw notFound('The member');
    return membership;
  }

  private async assertAdminRemains(
    em: EntityManager,
    organisationId: string,
    currentRole: Role,
    newRole: Role | null,
  ): Promise<void> {
    const adminCount = await em.count(Membership, { organisation: organisationId, role: 'admin' });
    if (wouldLeaveNoAdmin({ currentRole, newRole, adminCount })) {
      throw new DomainError(
        membershipErrors.last_admin,
        'An organisation needs at least one admin. Make someone else an admin first.',
      );
    }
  }
}
