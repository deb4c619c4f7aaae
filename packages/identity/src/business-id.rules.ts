// Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit.
// Check digit: weights 7,9,10,5,8,4,2; remainder 0 → 0, remainder 1 → never issued, else 11 − remainder.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return false;
  const digits = match[1]!.split('').map(Number);
  const remainder = digits.reduce((sum, digit, index) => sum + digit * WEIGHTS[index]!, 0) % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(match[2]);
}

// Old ids have six digits; the registry pads them with a leading zero.
export function normaliseBusinessId(value: string): string {
  const trimmed = value.trim().replace(/\s+/g, '');
  return /^\d{6}-\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}
