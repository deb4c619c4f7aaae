import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig, addElapsedDays } from '@talkoot/platform';
import { Session } from './session.entity.js';
import { generateToken, hashToken } from './token.rules.js';
import type { User } from './user.entity.js';

export interface SignedInSession {
  token: string;
  expiresAt: Date;
  user: User;
}

@Injectable()
export class SessionService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // A new opaque token at every sign-in; only its hash is stored.
  startSession(em: EntityManager, user: User): SignedInSession {
    const token = generateToken();
    const session = em.create(Session, {
      user,
      tokenHash: hashToken(token),
      createdAt: new Date(),
      lastSeenAt: new Date(),
      expiresAt: addElapsedDays(new Date(), this.config.SESSION_DAYS),
    });
    em.persist(session);
    return { token, expiresAt: session.expiresAt, user };
  }

  async findActiveSession(token: string): Promise<Session | null> {
    const em = this.orm.em.fork();
    const session = await em.findOne(
      Session,
      { tokenHash: hashToken(token), expiresAt: { $gt: new Date() } },
      { populate: ['user'] },
    );
    if (session && Date.now() - session.lastSeenAt.getTime() > 3_600_000) {
      // Touch at most hourly: a read should not cost a write every time.
      await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: new Date() });
    }
    return session;
  }

  async endSession(token: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(Session, { tokenHash: hashToken(token) });
  }
}
