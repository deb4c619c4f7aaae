import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { notFound } from '@talkoot/platform';
import { Membership } from './membership.entity.js';
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

  // Deleting the account deletes its sessions and memberships with it (foreign keys cascade).
  async deleteAccount(userId: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(User, { id: userId });
  }
}
