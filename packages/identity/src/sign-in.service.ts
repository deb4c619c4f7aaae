import { Inject, Injectable } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig, DomainError, type Language, RateLimitedError, addMinutes } from '@talkoot/platform';
import { enqueueMail, renderTemplate } from '@talkoot/outbox/mail';
import { type SessionCreate } from './auth.schemas.js';
import { noAccountTemplate } from './mail/no-account.template.js';
import { signInTemplate } from './mail/sign-in.template.js';
import { type SignedInSession, SessionService } from './session.service.js';
import { isRateLimited, rateLimitsOf, retryAfterSeconds, signInRules } from './sign-in.rules.js';
import { authErrors } from './identity.errors.js';
import { SignInToken } from './sign-in-token.entity.js';
import { generateCode, generateToken, hashCode, hashToken, isSameHash } from './token.rules.js';
import { User } from './user.entity.js';

// One message for a link and a code, whatever was wrong with it; the reason says which was sent.
const invalidSignIn = (reason: typeof authErrors.link_invalid | typeof authErrors.code_wrong) =>
  new DomainError(reason, 'The sign-in link or code is wrong, used or expired. Ask for a new one.');

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
      const now = new Date();
      const since = addMinutes(now, -signInRules.windowMinutes);
      const scopes = {
        byAddressAndIp: { email: input.email, ip: input.ip },
        byAddress: { email: input.email },
        byIp: { ip: input.ip },
      };
      const [byAddressAndIp, byAddress, byIp] = await Promise.all(
        Object.values(scopes).map((scope) => em.count(SignInToken, { ...scope, createdAt: { $gt: since } })),
      );
      const counts = { byAddressAndIp: byAddressAndIp!, byAddress: byAddress!, byIp: byIp! };
      const scale = this.config.SIGN_IN_RATE_LIMIT_SCALE;
      if (isRateLimited(counts, scale)) {
        // A limit opens again when enough of its requests have left the window: the one that has
        // to go last is the (count - limit + 1)th oldest.
        const reopenings = await Promise.all(
          rateLimitsOf(scale)
            .filter(({ scope, limit }) => counts[scope] >= limit)
            .map(async ({ scope, limit }) => {
              const [leaving] = await em.find(
                SignInToken,
                { ...scopes[scope], createdAt: { $gt: since } },
                { fields: ['createdAt'], orderBy: { createdAt: 'asc' }, offset: counts[scope] - limit, limit: 1 },
              );
              return leaving ? retryAfterSeconds(leaving.createdAt, now) : 1;
            }),
        );
        const seconds = Math.max(1, ...reopenings);
        const minutes = Math.ceil(seconds / 60);
        throw new RateLimitedError(
          `Too many sign-in requests. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
          seconds,
          authErrors.too_many_requests,
        );
      }
      const user = await em.findOne(User, { email: input.email });
      const row = em.create(SignInToken, {
        user,
        email: input.email,
        ip: input.ip,
        createdAt: now,
        expiresAt: addMinutes(now, signInRules.tokenMinutes),
        failedAttempts: 0,
      });
      const language = user?.language ?? input.language ?? 'fi';
      if (!user) {
        em.persist(row);
        enqueueMail(em, {
          to: input.email,
          language,
          template: 'no-account',
          rendered: renderTemplate('no-account', noAccountTemplate, {}, language),
        });
        return;
      }
      const token = generateToken();
      const code = generateCode();
      row.tokenHash = hashToken(token);
      row.codeHash = hashCode(row.id, code);
      em.persist(row);
      const data = {
        name: user.name,
        code,
        link: `${this.config.publicOrigin}/sign-in/link?token=${encodeURIComponent(token)}`,
        minutes: signInRules.tokenMinutes,
      };
      enqueueMail(em, {
        to: user.email,
        toName: user.name,
        language,
        template: 'sign-in',
        rendered: renderTemplate('sign-in', signInTemplate, data, language, { recipientName: user.name.trim() || undefined }),
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
    throw invalidSignIn('token' in input ? authErrors.link_invalid : authErrors.code_wrong);
  }
}
