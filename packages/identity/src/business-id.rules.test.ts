import { describe, expect, it } from 'vitest';
import { isValidBusinessId, normaliseBusinessId } from './business-id.rules.js';
import { wouldLeaveNoAdmin } from './membership.rules.js';

describe('business id (Y-tunnus)', () => {
  it('accepts ids whose check digit matches', () => {
    expect(isValidBusinessId('1234567-1')).toBe(true);
    expect(isValidBusinessId('2345678-0')).toBe(true); // remainder 0 → check digit 0
    expect(isValidBusinessId('0123456-2')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong shape and the never-issued remainder 1', () => {
    expect(isValidBusinessId('1234567-2')).toBe(false);
    expect(isValidBusinessId('12345671')).toBe(false);
    expect(isValidBusinessId('123456-1')).toBe(false);
    expect(isValidBusinessId('abcdefg-1')).toBe(false);
    // 0000001: 1×2 = 2 → check 9; 0000010: 4 → 7; 1000000: 7 → 4; 0000007: 14 % 11 = 3 → 8.
    expect(isValidBusinessId('0000007-8')).toBe(true);
    // 0001000: 5 → 6; digits giving remainder 1 (e.g. 0000006: 12 % 11 = 1) are never issued.
    expect(isValidBusinessId('0000006-0')).toBe(false);
    expect(isValidBusinessId('0000006-1')).toBe(false);
  });

  it('pads old six-digit ids with a leading zero and drops spaces', () => {
    expect(normaliseBusinessId(' 123456-7 ')).toBe('0123456-7');
    expect(normaliseBusinessId('1234 567-1')).toBe('1234567-1');
  });
});

describe('an organisation keeps an admin', () => {
  it('refuses to demote or remove the last admin', () => {
    expect(wouldLeaveNoAdmin({ currentRole: 'admin', newRole: 'member', adminCount: 1 })).toBe(true);
    expect(wouldLeaveNoAdmin({ currentRole: 'admin', newRole: null, adminCount: 1 })).toBe(true);
  });

  it('allows it when another admin remains, and never blocks changes to non-admins', () => {
    expect(wouldLeaveNoAdmin({ currentRole: 'admin', newRole: 'member', adminCount: 2 })).toBe(false);
    expect(wouldLeaveNoAdmin({ currentRole: 'coordinator', newRole: null, adminCount: 1 })).toBe(false);
  });
});
