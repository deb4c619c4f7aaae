import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from './user.entity.js';

// One row per "send me a link" request, also for unknown addresses: the rows are the
// rate-limit ledger (per address and per IP), and answering the same way hides who has an account.
@Entity({ tableName: 'sign_in_tokens' })
@Index({ properties: ['email', 'createdAt'] })
@Index({ properties: ['ip', 'createdAt'] })
export class SignInToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade', nullable: true })
  user: User | null = null;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true, unique: true })
  tokenHash: string | null = null;

  @Property({ type: 'text', nullable: true })
  codeHash: string | null = null;

  @Property({ type: 'smallint' })
  failedAttempts: number = 0;

  @Property({ type: 'text' })
  ip!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
