import { describe, expect, it } from 'vitest';
import { toSafeRedirect } from './redirects';

describe('toSafeRedirect', () => {
  it('keeps same-site paths', () => {
    expect(toSafeRedirect('/profile?tab=1')).toBe('/profile?tab=1');
  });

  it('refuses other sites and odd values', () => {
    for (const target of ['//evil.example', '/\\evil.example', 'https://evil.example', 'profile', '/\nx', null, 42]) {
      expect(toSafeRedirect(target)).toBe('/');
    }
  });
});
