import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig, addElapsedDays } from '@talkoot/platform';
import type { Language } from '@talkoot/platform/schemas';
import { Session } from './session.entity.js';
import { generateToken, hashToken } from './token.rules.js';
import type { User } from './user.entity.js';

export interface SignedInSession {
  token: string;
  expiresAt: Date;
  user: User;
}

// The signed-in user as the access guard hands it to routes: the columns they read, not an entity.
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  language: Language;
  isPlatformAdmin: boolean;
}

export interface ActiveSession {
  id: string;
  user: SignedInUser;
}

// Placeholders: the token's hash, now. bench/servers/raw-server.mjs runs this very text.
export const ACTIVE_SESSION_SQL = `select s.id as session_id, s.last_seen_at, u.id, u.name, u.email, u.language, u.is_platform_admin
  from sessions s join users u on u.id = s.user_id where s.token_hash = ? and s.expires_at > ?`;

interface ActiveSessionRow {
  session_id: string;
  last_seen_at: string | Date;
  id: string;
  name: string;
  email: string;
  language: Language;
  is_platform_admin: boolean;
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

  // Every signed-in request asks this (the access guard): one plain statement, no entities.
  async findActiveSession(token: string): Promise<ActiveSession | null> {
    const em = this.orm.em.fork();
    const [row] = await em.execute<ActiveSessionRow[]>(ACTIVE_SESSION_SQL, [hashToken(token), new Date()]);
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > 3_600_000) {
      // Touch at most hourly: a read should not cost a write every time.
      await em.nativeUpdate(Session, { id: row.session_id }, { lastSeenAt: new Date() });
    }
    return {
      id: row.session_id,
      user: { id: row.id, name: row.name, email: row.email, language: row.language, isPlatformAdmin: row.is_platform_admin },
    };
  }

  async endSession(token: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(Session, { tokenHash: hashToken(token) });
  }
}
