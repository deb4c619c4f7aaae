import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, refuseCrossSiteWrite } from './cross-site-writes.js';

const publicOrigin = 'https://kylat.example';

function post(headers: Record<string, string>, url = `${publicOrigin}/profile`): Request {
  return new Request(url, { method: 'POST', headers, body: 'name=x' });
}

describe('isCrossSiteWrite', () => {
  it("lets a browser's own form post through", () => {
    expect(
      isCrossSiteWrite(
        post({ 'Sec-Fetch-Site': 'same-origin', Origin: publicOrigin, Cookie: 'talkoot_session=t' }),
        publicOrigin,
      ),
    ).toBe(false);
  });

  it('refuses a post another site started, with or without a session, whatever its Origin says', () => {
    for (const site of ['cross-site', 'same-site', 'something-new']) {
      expect(isCrossSiteWrite(post({ 'Sec-Fetch-Site': site, Cookie: 'talkoot_session=t' }), publicOrigin), site).toBe(true);
      expect(isCrossSiteWrite(post({ 'Sec-Fetch-Site': site }), publicOrigin), site).toBe(true);
      expect(isCrossSiteWrite(post({ 'Sec-Fetch-Site': site, Origin: publicOrigin }), publicOrigin), site).toBe(true);
    }
  });

  it('refuses a signed-in post that says nothing of where it came from', () => {
    expect(isCrossSiteWrite(post({ Cookie: 'talkoot_lang=fi; talkoot_session=t' }), publicOrigin)).toBe(true);
    expect(isCrossSiteWrite(post({ Cookie: '__Host-talkoot_session=t' }), publicOrigin)).toBe(true);
    // A user-started request (Sec-Fetch-Site: none) is never one of our forms: it vouches for nothing.
    expect(isCrossSiteWrite(post({ 'Sec-Fetch-Site': 'none', Cookie: 'talkoot_session=t' }), publicOrigin)).toBe(true);
  });

  it('lets a signed-out client without those headers post (it can do only what anyone can)', () => {
    expect(isCrossSiteWrite(post({ Cookie: 'talkoot_lang=sv; talkoot_session_hint=1' }), publicOrigin)).toBe(false);
    expect(isCrossSiteWrite(post({}), publicOrigin)).toBe(false);
  });

  it('decides by Origin for a browser without Sec-Fetch-Site', () => {
    expect(isCrossSiteWrite(post({ Origin: publicOrigin, Cookie: 'talkoot_session=t' }), publicOrigin)).toBe(false);
    expect(
      isCrossSiteWrite(post({ 'Sec-Fetch-Site': 'none', Origin: publicOrigin, Cookie: 'talkoot_session=t' }), publicOrigin),
    ).toBe(false);
    for (const origin of ['https://evil.example', 'null', 'http://kylat.example', 'https://kylat.example.evil.example']) {
      expect(isCrossSiteWrite(post({ Origin: origin }), publicOrigin), origin).toBe(true);
    }
  });

  it("compares with the request's own origin when no public origin is configured", () => {
    expect(
      isCrossSiteWrite(
        post({ Origin: 'http://localhost:3000', Cookie: 'talkoot_session=t' }, 'http://localhost:3000/profile'),
        undefined,
      ),
    ).toBe(false);
    expect(
      isCrossSiteWrite(
        post({ Origin: 'http://127.0.0.1:3000', Cookie: 'talkoot_session=t' }, 'http://localhost:3000/profile'),
        undefined,
      ),
    ).toBe(true);
  });

  it('never stops reading', () => {
    for (const method of ['GET', 'HEAD']) {
      expect(
        isCrossSiteWrite(
          new Request(`${publicOrigin}/`, { method, headers: { 'Sec-Fetch-Site': 'cross-site', Cookie: 'talkoot_session=t' } }),
          publicOrigin,
        ),
      ).toBe(false);
    }
  });

  it('checks every other method', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      expect(
        isCrossSiteWrite(new Request(`${publicOrigin}/`, { method, headers: { 'Sec-Fetch-Site': 'cross-site' } }), publicOrigin),
        method,
      ).toBe(true);
    }
  });
});

describe('refuseCrossSiteWrite', () => {
  it('answers 403 in the person’s language with a way back to the page', async () => {
    const response = refuseCrossSiteWrite(
      post({ Cookie: 'talkoot_lang=sv' }, `${publicOrigin}/calendar/digest.data?index&municipality=a%22b`),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Formuläret skickades inte');
    expect(html).toContain('href="/calendar/digest?municipality=a%22b"');
  });

  it('speaks Finnish unless the person chose or the browser asks for Swedish or English', async () => {
    expect(await refuseCrossSiteWrite(post({})).text()).toContain('Lomaketta ei lähetetty');
    expect(await refuseCrossSiteWrite(post({ 'Accept-Language': 'de-DE, en;q=0.8' })).text()).toContain('The form was not sent');
    expect(await refuseCrossSiteWrite(post({}, `${publicOrigin}/_root.data`)).text()).toContain('href="/"');
  });
});
