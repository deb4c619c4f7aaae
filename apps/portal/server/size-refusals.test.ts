import { describe, expect, it } from 'vitest';
import { sizeRefusalPage } from './size-refusals.js';

describe('the page for a too large form or a too long address', () => {
  it("speaks the person's chosen language, else the browser's, else Finnish", () => {
    expect(sizeRefusalPage({ cookie: 'talkoot_lang=sv' }, 413)).toMatchObject({
      language: 'sv',
      html: expect.stringContaining('Filen är för stor'),
    });
    expect(sizeRefusalPage({ 'accept-language': 'en-GB,en;q=0.8' }, 414)).toMatchObject({
      language: 'en',
      html: expect.stringContaining('The address is too long'),
    });
    const finnish = sizeRefusalPage({}, 413);
    expect(finnish.language).toBe('fi');
    expect(finnish.html).toContain('<html lang="fi">');
    expect(finnish.html).toContain('enintään 10 megatavua');
    expect(finnish.html).toContain('<a href="/">Etusivulle</a>');
  });
});
