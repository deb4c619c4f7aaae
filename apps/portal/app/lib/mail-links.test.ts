import { describe, expect, it } from 'vitest';
import { extractMailLinks } from './mail-links';

describe('extractMailLinks', () => {
  it('finds http links in the HTML and the text once each, decoding entities', () => {
    const html =
      '<a href="http://localhost:3000/sign-in/link?token=abc&amp;x=1">Kirjaudu</a> <a href=\'javascript:alert(1)\'>x</a>';
    const text = 'Avaa linkki: http://localhost:3000/sign-in/link?token=abc&x=1.\nTai https://talkoot.example/apu';
    expect(extractMailLinks(html, text)).toEqual([
      'http://localhost:3000/sign-in/link?token=abc&x=1',
      'https://talkoot.example/apu',
    ]);
  });
});
