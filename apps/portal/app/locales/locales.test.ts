import { describe, expect, it } from 'vitest';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';

const catalogues: Record<string, Record<string, string>> = { fi, sv, en };
const reference = Object.keys(fi).toSorted();

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').toSorted();
}

describe('locale catalogues', () => {
  it.each(Object.keys(catalogues))('%s has exactly the keys of fi', (language) => {
    const keys = Object.keys(catalogues[language]!).toSorted();
    expect(
      keys.filter((key) => !reference.includes(key)),
      'keys not in fi',
    ).toEqual([]);
    expect(
      reference.filter((key) => !keys.includes(key)),
      'keys missing',
    ).toEqual([]);
  });

  it.each(Object.keys(catalogues))('%s has no empty messages', (language) => {
    const empty = Object.entries(catalogues[language]!)
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(['sv', 'en'])('%s uses the same placeholders as fi in every message', (language) => {
    const mismatched = reference.filter(
      (key) => placeholders(catalogues[language]![key] ?? '').join() !== placeholders(fi[key as keyof typeof fi]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has no unbalanced braces that would show up as raw text', () => {
    const broken = Object.entries(catalogues).flatMap(([language, catalogue]) =>
      Object.entries(catalogue)
        .filter(([, text]) => text.replace(/\{\w+\}/g, '').match(/[{}]/))
        .map(([key]) => `${language}:${key}`),
    );
    expect(broken).toEqual([]);
  });
});
