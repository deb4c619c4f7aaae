import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { roles, type Role } from './membership.schemas.js';
import { Organisation } from './organisation.entity.js';
import { User } from './user.entity.js';

@Entity({ tableName: 'memberships' })
@Unique({ properties: ['user', 'organisation'] })
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => Organisation, { deleteRule: 'cascade', index: true })
  organisation!: Organisation;

  @Enum({ items: () => [...roles], nativeEnumName: 'membership_role' })
  role!: Role;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
