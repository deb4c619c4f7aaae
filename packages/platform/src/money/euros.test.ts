import { describe, expect, it } from 'vitest';
import { formatEuros } from './euros.js';

describe('euro formatting', () => {
  // Intl puts no-break spaces around the digits; they look like spaces and keep the price on one line.
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it('writes euros the Finnish way in Finnish and Swedish', () => {
    expect(plain(formatEuros(123_450, 'fi'))).toBe('1 234,50 €');
    expect(plain(formatEuros(123_450, 'sv'))).toBe('1 234,50 €');
    expect(formatEuros(123_450, 'fi')).not.toMatch(/ /);
  });

  it('writes euros in English', () => {
    expect(formatEuros(123_450, 'en')).toBe('€1,234.50');
  });

  it('always shows the cents', () => {
    expect(plain(formatEuros(0, 'fi'))).toBe('0,00 €');
    expect(plain(formatEuros(5, 'fi'))).toBe('0,05 €');
    expect(plain(formatEuros(1500, 'sv'))).toBe('15,00 €');
    expect(formatEuros(1500, 'en')).toBe('€15.00');
  });

  it('shows a refund with a minus sign', () => {
    expect(plain(formatEuros(-500, 'fi'))).toMatch(/^[-\u2212]5,00 €$/);
    expect(formatEuros(-500, 'en')).toBe('-€5.00');
  });

  it('refuses fractions of a cent', () => {
    expect(() => formatEuros(10.5, 'fi')).toThrow(RangeError);
  });
});

describe('euro prices in lists', () => {
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it('leaves out zero cents when asked, and keeps other cents', () => {
    expect(plain(formatEuros(4500, 'fi', 'brief'))).toBe('45 €');
    expect(plain(formatEuros(1250, 'sv', 'brief'))).toBe('12,50 €');
    expect(formatEuros(4500, 'en', 'brief')).toBe('€45');
    expect(formatEuros(1205, 'en', 'brief')).toBe('€12.05');
  });
});
