import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORIGIN,
  type TestApi,
  addMember,
  call,
  codeIn,
  lastMailTo,
  linkIn,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
} from './testing/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function requestLink(email: string, headers: Record<string, string> = {}) {
  return call(api, 'POST', '/api/auth/sign-in-requests', { body: { email }, headers });
}

describe('sign-in without a password', () => {
  it('answers the same for a known and an unknown address, and mails each the right thing', async () => {
    const user = await makeUser(api, { language: 'sv' });
    const known = await requestLink(user.email);
    const unknown = await requestLink('nobody-here@example.org');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.text).toBe(unknown.text);
    const mail = await lastMailTo(api, user.email);
    expect(mail?.template).toBe('sign-in');
    expect(mail?.language).toBe('sv');
    expect(codeIn(mail)).toMatch(/^\d{6}$/);
    expect(linkIn(mail, '/sign-in/link')).toMatch(new RegExp(`^${ORIGIN}/sign-in/link\\?token=[A-Za-z0-9_-]{43}$`));
    expect((await lastMailTo(api, 'nobody-here@example.org'))?.template).toBe('no-account');
  });

  it('stores only hashes of the link token and the code', async () => {
    const user = await makeUser(api);
    await requestLink(user.email);
    const mail = await lastMailTo(api, user.email);
    const token = new URL(linkIn(mail, '/sign-in/link')).searchParams.get('token')!;
    const { rows } = await api.sql.query(
      'select id, token_hash, code_hash, row_to_json(t)::text as everything from sign_in_tokens t where email = $1',
      [user.email],
    );
    expect(rows[0].everything).not.toContain(token);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0].code_hash).toBe(
      createHash('sha256')
        .update(`${rows[0].id}:${codeIn(mail)}`)
        .digest('hex'),
    );
  });

  it('exchanges a link once: a second use is refused', async () => {
    const user = await makeUser(api);
    await requestLink(user.email);
    const token = new URL(linkIn(await lastMailTo(api, user.email), '/sign-in/link')).searchParams.get('token')!;
    const first = await call(api, 'POST', '/api/auth/sessions', { body: { token } });
    expect(first.status).toBe(201);
    expect(first.json.user.email).toBe(user.email);
    const second = await call(api, 'POST', '/api/auth/sessions', { body: { token } });
    expect(second.status).toBe(400);
    expect(second.json.error.code).toBe('invalid_sign_in');
    expect(second.json.error.reason).toBe('auth.link_invalid');
  });

  it('refuses a link older than 10 minutes', async () => {
    const user = await makeUser(api);
    await requestLink(user.email);
    const token = new URL(linkIn(await lastMailTo(api, user.email), '/sign-in/link')).searchParams.get('token')!;
    await api.sql.query(`update sign_in_tokens set expires_at = now() - interval '1 second' where email = $1`, [user.email]);
    const response = await call(api, 'POST', '/api/auth/sessions', { body: { token } });
    expect(response.status).toBe(400);
  });

  it('signs in with the address and the code typed on another device', async () => {
    const user = await makeUser(api);
    await requestLink(user.email);
    const code = codeIn(await lastMailTo(api, user.email));
    const response = await call(api, 'POST', '/api/auth/sessions', {
      body: { email: user.email.toUpperCase(), code: `${code.slice(0, 3)} ${code.slice(3)}` },
    });
    expect(response.status).toBe(201);
    expect(response.json.user.id).toBe(user.id);
  });

  it('stops accepting the code after five wrong guesses', async () => {
    const user = await makeUser(api);
    await requestLink(user.email);
    const code = codeIn(await lastMailTo(api, user.email));
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await call(api, 'POST', '/api/auth/sessions', { body: { email: user.email, code: wrong } });
      expect(response.status).toBe(400);
      expect(response.json.error.reason).toBe('auth.code_wrong');
    }
    const right = await call(api, 'POST', '/api/auth/sessions', { body: { email: user.email, code } });
    expect(right.status).toBe(400);
    expect(right.json.error.reason).toBe('auth.code_wrong');
  });

  it('counts wrong codes under concurrency: twenty parallel guesses check the code at most five times', async () => {
    const user = await makeUser(api);
    await requestLink(user.email);
    const code = codeIn(await lastMailTo(api, user.email));
    const guesses = Array.from({ length: 20 }, (_, index) => String((Number(code) + 1 + index) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(
      guesses.map((guess) => call(api, 'POST', '/api/auth/sessions', { body: { email: user.email, code: guess } })),
    );
    expect(answers.every((answer) => answer.status === 400)).toBe(true);
    const { rows } = await api.sql.query('select failed_attempts, used_at from sign_in_tokens where email = $1', [user.email]);
    expect(rows[0].failed_attempts).toBe(5);
    expect(rows[0].used_at).not.toBeNull();
    expect((await call(api, 'POST', '/api/auth/sessions', { body: { email: user.email, code } })).status).toBe(400);
  });

  it('exchanges one link once even when it is clicked many times at the same moment', async () => {
    const user = await makeUser(api);
    await requestLink(user.email);
    const token = new URL(linkIn(await lastMailTo(api, user.email), '/sign-in/link')).searchParams.get('token')!;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(api, 'POST', '/api/auth/sessions', { body: { token } })),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(9);
  });

  it('holds the per-address limit under twenty parallel requests', async () => {
    const user = await makeUser(api);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => requestLink(user.email, { 'x-forwarded-for': '198.51.100.20' })),
    );
    expect(answers.filter((answer) => answer.status === 202)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(15);
  });

  it('does not let a stranger lock someone out by asking for their links', async () => {
    const user = await makeUser(api);
    for (let index = 0; index < 5; index++) await requestLink(user.email, { 'x-forwarded-for': '198.51.100.66' });
    expect((await requestLink(user.email, { 'x-forwarded-for': '198.51.100.66' })).status).toBe(429);
    expect((await requestLink(user.email, { 'x-forwarded-for': '198.51.100.67' })).status).toBe(202);
  });

  it('limits sign-in requests per address', async () => {
    const user = await makeUser(api);
    for (let index = 0; index < 5; index++) expect((await requestLink(user.email)).status).toBe(202);
    const limited = await requestLink(user.email);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
  });

  it('says in Retry-After when the limit opens again: when the oldest counted request leaves the window', async () => {
    const user = await makeUser(api);
    const headers = { 'x-forwarded-for': '198.51.100.90' };
    for (let index = 0; index < 5; index++) expect((await requestLink(user.email, headers)).status).toBe(202);
    // The five requests were made 14, 13, 12, 11 and 10 minutes ago; the window is 15 minutes.
    await api.sql.query(
      `update sign_in_tokens t set created_at = now() - make_interval(mins => 9 + n.rank::int) from (select id, row_number() over (order by created_at desc, id) as rank from sign_in_tokens where email = $1) n where t.id = n.id`,
      [user.email],
    );
    const limited = await requestLink(user.email, headers);
    expect(limited.status).toBe(429);
    const seconds = Number(limited.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(58);
    expect(seconds).toBeLessThanOrEqual(61);
    expect(limited.json.error.retryAfterSeconds).toBe(seconds);
    expect(limited.json.error.message).toBe('Too many sign-in requests. Try again in 1 minute.');
    expect(limited.json.error.reason).toBe('auth.too_many_requests');
    // Once that request has left the window, the next one is let through.
    await api.sql.query(`update sign_in_tokens set created_at = created_at - interval '2 minutes' where email = $1`, [
      user.email,
    ]);
    expect((await requestLink(user.email, headers)).status).toBe(202);
  });

  it('sends Retry-After with the per-IP limit too', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.99' };
    for (let index = 0; index < 30; index++) await requestLink(`retry${index}-${Date.now()}@example.org`, headers);
    const limited = await requestLink('retry-last@example.org', headers);
    expect(limited.status).toBe(429);
    const seconds = Number(limited.headers.get('retry-after'));
    // All thirty were made just now: the first leaves the 15-minute window in about 15 minutes.
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
  });

  it('limits sign-in requests per IP address, whatever the addresses', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.77' };
    for (let index = 0; index < 30; index++) await requestLink(`spray${index}@example.org`, headers);
    const limited = await requestLink('spray-last@example.org', headers);
    expect(limited.status).toBe(429);
    const otherIp = await requestLink('spray-last@example.org', { 'x-forwarded-for': '203.0.113.78' });
    expect(otherIp.status).toBe(202);
  });
});

describe('sessions', () => {
  it('gives a new token at every sign-in and accepts it as a bearer token and as a cookie', async () => {
    const user = await makeUser(api);
    const first = await signIn(api, user.email);
    const second = await signIn(api, user.email);
    expect(first).not.toBe(second);
    expect((await call(api, 'GET', '/api/me', { token: first })).json.user.email).toBe(user.email);
    expect((await call(api, 'GET', '/api/me', { cookie: `talkoot_session=${second}` })).json.user.email).toBe(user.email);
  });

  it('ends the session server-side at sign-out', async () => {
    const user = await makeUser(api);
    const token = await signIn(api, user.email);
    expect((await call(api, 'DELETE', '/api/auth/sessions/current', { token })).status).toBe(204);
    const after = await call(api, 'GET', '/api/me', { token });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('unauthenticated');
  });

  it('ends every session when the account is deleted', async () => {
    const user = await makeUser(api);
    const token = await signIn(api, user.email);
    expect((await call(api, 'DELETE', '/api/me', { token })).status).toBe(204);
    expect((await call(api, 'GET', '/api/me', { token })).status).toBe(401);
    const { rowCount } = await api.sql.query('select 1 from users where id = $1', [user.id]);
    expect(rowCount).toBe(0);
  });

  it('refuses profile and session writes when signed out', async () => {
    for (const [method, path, body] of [
      ['PATCH', '/api/me', { name: 'Nobody' }],
      ['DELETE', '/api/me', undefined],
      ['DELETE', '/api/auth/sessions/current', undefined],
    ] as const) {
      const response = await call(api, method, path, { body });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.json.error.code).toBe('unauthenticated');
      const stale = await call(api, method, path, { body, token: 'a-token-that-was-never-issued-by-talkoot-000' });
      expect(stale.status, `${method} ${path} with an unknown token`).toBe(401);
    }
  });

  it('treats a mangled session cookie as signed out, not as a server error', async () => {
    expect((await call(api, 'GET', '/api/me', { cookie: 'talkoot_session=%zz' })).status).toBe(401);
    expect((await call(api, 'GET', '/api/healthz', { cookie: 'talkoot_session=%zz' })).status).toBe(200);
  });

  it('refuses to delete the account of the last admin of an organisation', async () => {
    const user = await makeUser(api);
    const organisation = await makeOrganisation(api, await makeVillage(api), 'Ainoan ylläpitäjän yhdistys ry');
    await addMember(api, user.id, organisation, 'admin');
    const token = await signIn(api, user.email);
    const refused = await call(api, 'DELETE', '/api/me', { token });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toContain('Ainoan ylläpitäjän yhdistys ry');
    expect((await call(api, 'GET', '/api/me', { token })).status).toBe(200);
  });

  it('refuses a cross-site write carried by the session cookie (CSRF)', async () => {
    const user = await makeUser(api);
    const token = await signIn(api, user.email);
    const cookie = `talkoot_session=${token}`;
    const crossSite = await call(api, 'PATCH', '/api/me', {
      cookie,
      body: { name: 'Hijacked' },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await call(api, 'PATCH', '/api/me', { cookie, body: { name: 'Aino V.' }, headers: { origin: ORIGIN } });
    expect(sameSite.status).toBe(200);
    expect(sameSite.json.user.name).toBe('Aino V.');
    // A bearer token cannot ride along on a cross-site request, so it needs no origin check.
    const bearer = await call(api, 'PATCH', '/api/me', { token, body: { language: 'en' } });
    expect(bearer.json.user.language).toBe('en');
  });
});
