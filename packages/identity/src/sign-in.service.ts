import { Inject, Injectable } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig, DomainError, type Language, addMinutes } from '@talkoot/platform';
import { enqueueMail } from '@talkoot/notifications';
import { type SessionCreate } from './auth.schemas.js';
import { type SignedInSession, SessionService } from './session.service.js';
import { isRateLimited, signInRules } from './sign-in.rules.js';
import { SignInToken } from './sign-in-token.entity.js';
import { generateCode, generateToken, hashCode, hashToken, isSameHash } from './token.rules.js';
import { User } from './user.entity.js';

const invalidSignIn = () =>
  new DomainError('invalid_sign_in', 'The sign-in link or code is wrong, used or expired. Ask for a new one.');

@Injectable()
export class SignInService {
  constructor(
    private readonly orm: MikroORM,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Answers the same whether or not the address has an account; the mail itself goes through
  // the outbox, so the request does the same work and takes the same time either way.
  async requestSignIn(input: { email: string; language?: Language; ip: string }): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      // Serialise requests for the same address and from the same IP, so that parallel requests
      // cannot all pass the count before any of them is written. Always address first: no deadlock.
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`sign-in:address:${input.email}`]);
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`sign-in:ip:${input.ip}`]);
      const since = addMinutes(new Date(), -signInRules.windowMinutes);
      const [byAddressAndIp, byAddress, byIp] = await Promise.all([
        em.count(SignInToken, { email: input.email, ip: input.ip, createdAt: { $gt: since } }),
        em.count(SignInToken, { email: input.email, createdAt: { $gt: since } }),
        em.count(SignInToken, { ip: input.ip, createdAt: { $gt: since } }),
      ]);
      if (isRateLimited({ byAddressAndIp, byAddress, byIp }, this.config.SIGN_IN_RATE_LIMIT_SCALE)) {
        throw new DomainError('rate_limited', 'Too many sign-in requests. Wait 15 minutes and try again.');
      }
      const user = await em.findOne(User, { email: input.email });
      const row = em.create(SignInToken, {
        user,
        email: input.email,
        ip: input.ip,
        createdAt: new Date(),
        expiresAt: addMinutes(new Date(), signInRules.tokenMinutes),
        failedAttempts: 0,
      });
      const language = user?.language ?? input.language ?? 'fi';
      if (!user) {
        em.persist(row);
        enqueueMail(em, { to: input.email, language, template: 'no-account', data: {} });
        return;
      }
      const token = generateToken();
      const code = generateCode();
      row.tokenHash = hashToken(token);
      row.codeHash = hashCode(row.id, code);
      em.persist(row);
      enqueueMail(em, {
        to: user.email,
        toName: user.name,
        language,
        template: 'sign-in',
        data: {
          name: user.name,
          code,
          link: `${this.config.publicOrigin}/sign-in/link?token=${encodeURIComponent(token)}`,
          minutes: signInRules.tokenMinutes,
        },
      });
    });
  }

  async createSession(input: SessionCreate): Promise<SignedInSession> {
    const outcome = await this.orm.em.fork().transactional(async (em) => {
      const now = new Date();
      let row: SignInToken | null;
      if ('token' in input) {
        row = await em.findOne(SignInToken, { tokenHash: hashToken(input.token) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!row || row.usedAt || row.expiresAt <= now || !row.user) return { kind: 'invalid' as const };
      } else {
        row = await em.findOne(
          SignInToken,
          {
            email: input.email,
            usedAt: null,
            expiresAt: { $gt: now },
            codeHash: { $ne: null },
            failedAttempts: { $lt: signInRules.maxCodeAttempts },
          },
          { orderBy: { createdAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!row || !row.user || !row.codeHash) return { kind: 'invalid' as const };
        if (!isSameHash(row.codeHash, hashCode(row.id, input.code))) {
          // Counted under the row lock, so parallel guesses queue up and the sixth finds the code burnt.
          // After a few wrong guesses the code stops working: six digits must not be guessable.
          row.failedAttempts += 1;
          if (row.failedAttempts >= signInRules.maxCodeAttempts) row.usedAt = now;
          return { kind: 'invalid' as const };
        }
      }
      row.usedAt = now;
      const user = await em.findOneOrFail(User, { id: row.user.id });
      return { kind: 'signedIn' as const, session: this.sessions.startSession(em, user) };
    });
    if (outcome.kind === 'signedIn') return outcome.session;
    throw invalidSignIn();
  }
}
