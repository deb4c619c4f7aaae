import { describe, expect, it } from 'vitest';
import { earlyRefusalPage } from './early-refusals.js';

describe('the page for a too large form or a too long address', () => {
  it("speaks the person's chosen language, else the browser's, else Finnish", () => {
    expect(earlyRefusalPage({ cookie: 'talkoot_lang=sv' }, 413)).toMatchObject({
      language: 'sv',
      html: expect.stringContaining('Filen är för stor'),
    });
    expect(earlyRefusalPage({ 'accept-language': 'en-GB,en;q=0.8' }, 414)).toMatchObject({
      language: 'en',
      html: expect.stringContaining('The address is too long'),
    });
    const finnish = earlyRefusalPage({}, 413);
    expect(finnish.language).toBe('fi');
    expect(finnish.html).toContain('<html lang="fi">');
    expect(finnish.html).toContain('enintään 10 megatavua');
    expect(finnish.html).toContain('<a href="/">Etusivulle</a>');
  });

  it('says in words why an unreadable address was refused', () => {
    const page = earlyRefusalPage({ 'accept-language': 'sv-FI' }, 400);
    expect(page.language).toBe('sv');
    expect(page.html).toContain('<h1>Adressen kunde inte läsas</h1>');
    expect(earlyRefusalPage({}, 400).html).toContain('Osoitetta ei voitu lukea');
  });
});
