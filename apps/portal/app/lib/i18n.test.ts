import { describe, expect, it } from 'vitest';
import { pickLanguageFromAcceptLanguage, translate } from './i18n';

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('fi', 'header.signedInAs', { name: 'Aino' })).toBe('Kirjautuneena: Aino');
    expect(translate('sv', 'header.signedInAs', { name: 'Aino' })).toBe('Inloggad som Aino');
  });

  it('leaves a placeholder without a value visible rather than dropping it', () => {
    expect(translate('en', 'header.signedInAs')).toBe('Signed in as {name}');
  });
});

describe('pickLanguageFromAcceptLanguage', () => {
  it('picks the first supported language by quality', () => {
    expect(pickLanguageFromAcceptLanguage('de-DE,de;q=0.9,sv;q=0.8,en;q=0.7')).toBe('sv');
    expect(pickLanguageFromAcceptLanguage('en;q=0.5,fi-FI;q=0.9')).toBe('fi');
    expect(pickLanguageFromAcceptLanguage('sv-FI')).toBe('sv');
  });

  it('returns null when nothing fits', () => {
    expect(pickLanguageFromAcceptLanguage('de,fr;q=0.8')).toBeNull();
    expect(pickLanguageFromAcceptLanguage(null)).toBeNull();
    expect(pickLanguageFromAcceptLanguage('fi;q=0')).toBeNull();
  });
});
