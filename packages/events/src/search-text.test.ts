import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, searchTermsOf, searchTextOf } from './search-text.js';

// What PostgreSQL's `like '%term%' escape '\'` does, to show that the terms match literally.
function likeMatches(text: string, term: string): boolean {
  let pattern = '';
  for (let index = 0; index < term.length; index += 1) {
    const character = term[index]!;
    if (character === '\\') pattern += (term[++index] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (character === '%') pattern += '.*';
    else if (character === '_') pattern += '.';
    else pattern += character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^.*${pattern}.*$`, 's').test(text);
}

describe('search text', () => {
  it('joins the parts in lower case with single spaces, leaving out empty ones', () => {
    expect(searchTextOf(['  KESÄTEATTERI:\tNummisuutarit ', null, undefined, '', '   ', 'Kotalahden\n\nkylätalo'])).toBe(
      'kesäteatteri: nummisuutarit kotalahden kylätalo',
    );
    expect(searchTextOf([])).toBe('');
  });

  it('turns decomposed letters into the composed ones users type', () => {
    const decomposed = 'Kesa\u0308teatteri Ha\u0308meenlinna'; // a + combining diaeresis
    expect(searchTextOf([decomposed])).toBe('kesäteatteri hämeenlinna');
    expect(searchTextOf([decomposed])).toBe(searchTextOf(['KESÄTEATTERI HÄMEENLINNA']));
  });

  it('finds a word inside a Finnish compound', () => {
    const text = searchTextOf(['Kesäteatteri: Nummisuutarit', 'Seurojentalo']);
    for (const term of searchTermsOf('TEATTERI talo')) expect(likeMatches(text, term)).toBe(true);
  });
});

describe('search terms', () => {
  it('splits the query into lower-case words, each once', () => {
    expect(searchTermsOf('  Kesä   TEATTERI kesä\n')).toEqual(['kesä', 'teatteri']);
    expect(searchTermsOf('   ')).toEqual([]);
    expect(searchTermsOf('A\u0308a\u0308nekoski')).toEqual(['äänekoski']);
  });

  it(`uses at most ${MAX_SEARCH_TERMS} words`, () => {
    expect(searchTermsOf('a b c d e f g h i j')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('escapes the LIKE wildcards and the escape character so that they match literally', () => {
    expect(searchTermsOf('100% hyvä_päivä c:\\temp')).toEqual(['100\\%', 'hyvä\\_päivä', 'c:\\\\temp']);
    expect(likeMatches('alennus 100% tänään', searchTermsOf('100%')[0]!)).toBe(true);
    expect(likeMatches('alennus 1000 tänään', searchTermsOf('100%')[0]!)).toBe(false);
    expect(likeMatches('hyvääpäivää', searchTermsOf('hyv_')[0]!)).toBe(false);
    expect(likeMatches('hakemisto c:\\temp', searchTermsOf('c:\\temp')[0]!)).toBe(true);
  });
});
