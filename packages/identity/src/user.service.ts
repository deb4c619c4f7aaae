import { Injectable } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import { DomainError, notFound } from '@talkoot/platform';
import { membershipErrors } from './identity.errors.js';
import { Membership } from './membership.entity.js';
import { Organisation } from './organisation.entity.js';
import { User } from './user.entity.js';
import type { Me, ProfileUpdate } from './user.schemas.js';
import { toUserView } from './user-view.js';

@Injectable()
export class UserService {
  constructor(private readonly orm: MikroORM) {}

  async describeMe(userId: string): Promise<Me> {
    const em = this.orm.em.fork();
    const user = await em.findOne(User, { id: userId });
    if (!user) throw notFound('The account');
    const memberships = await em.find(
      Membership,
      { user: userId },
      { populate: ['organisation'], orderBy: { organisation: { name: 'asc' } } },
    );
    return {
      user: toUserView(user),
      memberships: memberships.map((membership) => ({
        organisation: {
          id: membership.organisation.id,
          name: membership.organisation.name,
          kind: membership.organisation.kind,
        },
        role: membership.role,
      })),
    };
  }

  async updateProfile(userId: string, changes: ProfileUpdate) {
    return this.orm.em.fork().transactional(async (em) => {
      const user = await em.findOneOrFail(User, { id: userId });
      if (changes.name !== undefined) user.name = changes.name;
      if (changes.phone !== undefined) user.phone = changes.phone;
      if (changes.language !== undefined) user.language = changes.language;
      return { user: toUserView(user) };
    });
  }

  // Deleting the account deletes its sessions and memberships with it (foreign keys cascade),
  // but not while it is the last admin of an organisation: nobody could manage that one any more.
  async deleteAccount(userId: string): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const adminships = await em.find(
        Membership,
        { user: userId, role: 'admin' },
        { populate: ['organisation'], orderBy: { organisation: { id: 'asc' } } },
      );
      const orphaned: string[] = [];
      for (const adminship of adminships) {
        // Same lock as role changes take, in the same order, so the two cannot race.
        await em.findOne(Organisation, { id: adminship.organisation.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const admins = await em.count(Membership, { organisation: adminship.organisation.id, role: 'admin' });
        if (admins <= 1) orphaned.push(adminship.organisation.name);
      }
      if (orphaned.length) {
        throw new DomainError(
          membershipErrors.last_admin,
          `You are the only admin of ${orphaned.join(', ')}. Make someone else an admin first, then delete your account.`,
          undefined,
          {
            organisations: orphaned,
          },
        );
      }
      await em.nativeDelete(User, { id: userId });
    });
  }
}
