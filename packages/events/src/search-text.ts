// Pure and browser-safe. The events' search text is matched with `like '%term%' escape '\'` over a
// trigram index, so a word inside a Finnish compound matches too ("teatteri" in "kesäteatteri").
// Both sides are normalised the same way: Unicode NFC (an "ä" typed as "a" + combining diaeresis
// equals a precomposed "ä"), lower case, single spaces.

/** The most words a search uses; the rest are ignored. */
export const MAX_SEARCH_TERMS = 8;

/** The escape character of the terms `searchTermsOf` returns (`like ? escape '\'`). */
export const LIKE_ESCAPE = '\\';

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Lower-case, NFC, whitespace-collapsed text of every non-empty part, joined by single spaces. */
export function searchTextOf(parts: (string | undefined | null)[]): string {
  return normalise(parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' '));
}

/**
 * The words of a user's query, normalised like `searchTextOf`, at most MAX_SEARCH_TERMS of them,
 * each once. LIKE's wildcards `%` and `_` and the escape `\` are escaped with `\`, so each term is
 * ready for `like '%' || ? || '%' escape '\'` (or `%${term}%`) and matches literally.
 */
export function searchTermsOf(q: string): string[] {
  const words = normalise(q).split(' ').filter(Boolean);
  return [...new Set(words)]
    .slice(0, MAX_SEARCH_TERMS)
    .map((word) => word.replace(/[\\%_]/g, (character) => `${LIKE_ESCAPE}${character}`));
}
