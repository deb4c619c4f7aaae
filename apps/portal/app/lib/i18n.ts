import en from '../locales/en.json';
import fi from '../locales/fi.json';
import sv from '../locales/sv.json';

export const languages = ['fi', 'sv', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'fi';

// fi.json is the reference catalogue: sv and en must have exactly its keys (checked here by the
// type system and in locales.test.ts for empty values and placeholders).
export type MessageKey = keyof typeof fi;
export type Catalogue = Record<MessageKey, string>;

export const catalogues: Record<Language, Catalogue> = {
  fi,
  sv: sv satisfies Catalogue,
  en: en satisfies Catalogue,
};

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(fi, value);
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[language][key] || catalogues.fi[key] || key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function createTranslator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

// Picks the first of fi/sv/en in an Accept-Language header, honouring q-values.
export function pickLanguageFromAcceptLanguage(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...attributes] = entry.trim().split(';');
      const q = attributes.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { base: tag.toLowerCase().split('-')[0] ?? '', quality: Number.isNaN(quality) ? 0 : quality, index };
    })
    .filter((entry) => entry.quality > 0)
    .toSorted((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    if (isLanguage(entry.base)) return entry.base;
  }
  return null;
}

// The language names shown in the switcher, each in its own language.
export const languageNames: Record<Language, string> = {
  fi: 'Suomi',
  sv: 'Svenska',
  en: 'English',
};
