import { describe, expect, it } from 'vitest';
import { formatIban, isValidIban } from './iban.js';

describe('IBAN', () => {
  it('checks the mod-97 check digits', () => {
    expect(isValidIban('FI21 1234 5600 0007 85')).toBe(true);
    expect(isValidIban('fi2112345600000785')).toBe(true);
    expect(isValidIban('FI21 1234 5600 0007 86')).toBe(false);
    expect(isValidIban('FI21')).toBe(false);
  });

  it('prints it in groups of four', () => {
    expect(formatIban('fi2112345600000785')).toBe('FI21 1234 5600 0007 85');
    expect(formatIban('FI21 1234 5600 0007 85')).toBe('FI21 1234 5600 0007 85');
  });
});
