import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { roles, type Role } from './membership.schemas.js';
import { Organisation } from './organisation.entity.js';
import { User } from './user.entity.js';

@Entity({ tableName: 'invitations' })
export class Invitation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade', index: true })
  organisation!: Organisation;

  @Property({ type: 'text' })
  email!: string;

  @Enum({ items: () => [...roles], nativeEnumName: 'membership_role' })
  role!: Role;

  // sha256 of the emailed token; the token itself is never stored.
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  invitedBy: User | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
