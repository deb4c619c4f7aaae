import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './security';

describe('buildContentSecurityPolicy', () => {
  it('allows only our scripts and the nonce, and no framing', () => {
    const policy = buildContentSecurityPolicy('abc123');
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('loosens styles only for pages that ask', () => {
    expect(buildContentSecurityPolicy('n', { allowInlineStyles: true })).toContain("style-src 'self' 'unsafe-inline'");
  });
});
