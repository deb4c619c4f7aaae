import { describe, expect, it } from 'vitest';
import { finnishReference, formatReference, isValidFinnishReference, referenceCheckDigit } from './reference-number.js';

// Check digits worked out by hand, weights 7, 3, 1 from the rightmost digit:
//   "123":     3·7 + 2·3 + 1·1 = 28                                   → (10 − 8) % 10 = 2
//   "12345":   5·7 + 4·3 + 3·1 + 2·7 + 1·3 = 67                       → 3
//   "123456":  6·7 + 5·3 + 4·1 + 3·7 + 2·3 + 1·1 = 89                 → 1
//   "1234561": 1·7 + 6·3 + 5·1 + 4·7 + 3·3 + 2·1 + 1·7 = 76           → 4
//   "301":     1·7 + 0·3 + 3·1 = 10                                   → 0 (the sum ends in zero)
//   "1000":    0·7 + 0·3 + 0·1 + 1·7 = 7                              → 3
//   "1234567890123456789": 94 + 61 + 28 + 35 + 72 + 39 + 7 = 336      → 4
describe('reference check digit', () => {
  it('weighs the digits 7, 3, 1 from the right', () => {
    expect(referenceCheckDigit('123')).toBe(2);
    expect(referenceCheckDigit('12345')).toBe(3);
    expect(referenceCheckDigit('123456')).toBe(1);
    expect(referenceCheckDigit('1234561')).toBe(4);
    expect(referenceCheckDigit('1000')).toBe(3);
    expect(referenceCheckDigit('1234567890123456789')).toBe(4);
  });

  it('is 0, not 10, when the sum ends in zero', () => {
    expect(referenceCheckDigit('301')).toBe(0);
  });

  it('does not change with leading zeros', () => {
    expect(referenceCheckDigit('000123')).toBe(referenceCheckDigit('123'));
  });

  it('refuses anything but digits', () => {
    expect(() => referenceCheckDigit('')).toThrow(RangeError);
    expect(() => referenceCheckDigit('12 3')).toThrow(RangeError);
    expect(() => referenceCheckDigit('-123')).toThrow(RangeError);
  });
});

describe('finnish reference', () => {
  it('appends the check digit without spaces', () => {
    expect(finnishReference('123')).toBe('1232');
    expect(finnishReference('12345')).toBe('123453');
    expect(finnishReference('123456')).toBe('1234561');
    expect(finnishReference('1234561')).toBe('12345614');
    expect(finnishReference('301')).toBe('3010');
  });

  it('takes numbers and bigints, the longest bases only as strings or bigints', () => {
    expect(finnishReference(123)).toBe('1232');
    expect(finnishReference(1234561)).toBe('12345614');
    expect(finnishReference(1234567890123456789n)).toBe('12345678901234567894');
    expect(finnishReference('1234567890123456789')).toBe('12345678901234567894');
    expect(() => finnishReference(2 ** 53)).toThrow(RangeError);
  });

  it('accepts 3 to 19 digits and refuses shorter and longer bases', () => {
    expect(finnishReference('100')).toBe('1009'); // 0·7 + 0·3 + 1·1 = 1 → 9
    expect(() => finnishReference('12')).toThrow(RangeError);
    expect(() => finnishReference(99)).toThrow(RangeError);
    expect(() => finnishReference('12345678901234567890')).toThrow(RangeError);
  });

  it('drops leading zeros, as banks do, before counting the digits', () => {
    expect(finnishReference('000123')).toBe('1232');
    expect(() => finnishReference('00012')).toThrow(RangeError);
    expect(() => finnishReference('000')).toThrow(RangeError);
  });

  it('refuses negative, fractional and non-digit bases', () => {
    expect(() => finnishReference(-123)).toThrow(RangeError);
    expect(() => finnishReference(-123n)).toThrow(RangeError);
    expect(() => finnishReference(123.5)).toThrow(RangeError);
    expect(() => finnishReference(Number.NaN)).toThrow(RangeError);
    expect(() => finnishReference('12a')).toThrow(RangeError);
    expect(() => finnishReference('1 234')).toThrow(RangeError);
    expect(() => finnishReference('')).toThrow(RangeError);
  });

  it('makes references that pass its own validation', () => {
    for (const base of ['123', '999', '5000', '314159', '2718281828', '1234567890123456789', '9999999999999999999']) {
      expect(isValidFinnishReference(finnishReference(base))).toBe(true);
      expect(isValidFinnishReference(formatReference(finnishReference(base)))).toBe(true);
    }
  });
});

describe('finnish reference validation', () => {
  it('accepts a matching check digit and refuses any other', () => {
    expect(isValidFinnishReference('1232')).toBe(true);
    expect(isValidFinnishReference('12345614')).toBe(true);
    for (const wrong of ['1230', '1231', '1233', '1239', '12345615']) expect(isValidFinnishReference(wrong)).toBe(false);
  });

  it('catches two swapped digits', () => {
    expect(isValidFinnishReference('123453')).toBe(true);
    expect(isValidFinnishReference('213453')).toBe(false);
  });

  it('accepts the number as printed, with spaces', () => {
    expect(isValidFinnishReference('1 23453')).toBe(true);
    expect(isValidFinnishReference(' 12345 67890 12345 67894 ')).toBe(true);
    expect(isValidFinnishReference('1\u00a023453')).toBe(true);
  });

  it('takes 4 to 20 digits', () => {
    expect(isValidFinnishReference('232')).toBe(false);
    expect(isValidFinnishReference('12345678901234567894')).toBe(true);
    // "12345678901234567890" weighs 312, so 8 is its right check digit, but 21 digits do not fit the payment form.
    expect(referenceCheckDigit('12345678901234567890')).toBe(8);
    expect(isValidFinnishReference('123456789012345678908')).toBe(false);
  });

  it('ignores leading zeros for the rules, up to the 20 digits the payment form holds', () => {
    expect(isValidFinnishReference('0001232')).toBe(true);
    expect(isValidFinnishReference('00000000000000001232')).toBe(true);
    expect(isValidFinnishReference('000000000000000001232')).toBe(false);
    // "0232" is the three digits "232" to a bank: too short.
    expect(isValidFinnishReference('0232')).toBe(false);
    expect(isValidFinnishReference('0000')).toBe(false);
  });

  it('refuses letters, signs and empty input', () => {
    expect(isValidFinnishReference('')).toBe(false);
    expect(isValidFinnishReference('   ')).toBe(false);
    expect(isValidFinnishReference('12a2')).toBe(false);
    expect(isValidFinnishReference('-1232')).toBe(false);
    expect(isValidFinnishReference('RF181232')).toBe(false);
  });
});

describe('reference formatting', () => {
  it('groups the digits by five from the right', () => {
    expect(formatReference('1232')).toBe('1232');
    expect(formatReference('12345')).toBe('12345');
    expect(formatReference('123453')).toBe('1 23453');
    expect(formatReference('1234567890')).toBe('12345 67890');
    expect(formatReference('12345678901234567894')).toBe('12345 67890 12345 67894');
  });

  it('regroups a number that already has spaces', () => {
    expect(formatReference(' 1234 5678 90 ')).toBe('12345 67890');
  });

  it('refuses anything but digits', () => {
    expect(() => formatReference('')).toThrow(RangeError);
    expect(() => formatReference('12-34')).toThrow(RangeError);
  });
});
