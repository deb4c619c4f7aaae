import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadSessionModule(publicOrigin: string) {
  vi.resetModules();
  vi.stubEnv('API_URL', 'http://127.0.0.1:3101');
  vi.stubEnv('PUBLIC_ORIGIN', publicOrigin);
  return import('./session.server');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax and lasts 30 days on plain http', async () => {
    const { serializeSessionCookie } = await loadSessionModule('http://localhost:3000');
    expect(serializeSessionCookie('abc')).toBe('talkoot_session=abc; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax');
  });

  it('is a Secure __Host- cookie when the public origin is https', async () => {
    const { serializeSessionCookie, clearSessionCookie } = await loadSessionModule('https://talkoot.example');
    expect(serializeSessionCookie('abc')).toBe(
      '__Host-talkoot_session=abc; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax',
    );
    expect(clearSessionCookie()).toContain('__Host-talkoot_session=; Path=/; Max-Age=0');
  });

  it('sends signed-out visitors to sign-in and back', async () => {
    const { signInPath } = await loadSessionModule('http://localhost:3000');
    expect(signInPath('/profile?x=1')).toBe('/sign-in?redirectTo=%2Fprofile%3Fx%3D1');
    expect(signInPath('/')).toBe('/sign-in');
  });
});
