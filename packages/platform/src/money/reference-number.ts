// Finnish bank reference numbers (viitenumero), as the Finnish banks define them: the payer types
// the number from the invoice and the bank rejects it when the check digit does not match.

const WEIGHTS = [7, 3, 1] as const;

export function referenceCheckDigit(base: string): number {
  if (!/^\d+$/.test(base)) throw new RangeError('A reference number base has only digits');
  let sum = 0;
  // The weights start from the rightmost digit, so leading zeros never change the check digit.
  for (let i = 0; i < base.length; i++) sum += Number(base[base.length - 1 - i]) * WEIGHTS[i % 3]!;
  return (10 - (sum % 10)) % 10;
}

function baseDigits(base: string | number | bigint): string {
  if (typeof base === 'number' && !(Number.isSafeInteger(base) && base >= 0)) {
    // Beyond 2^53 a number has already lost digits; such bases must come as strings or bigints.
    throw new RangeError('A reference number base is a whole number of at most 15 digits, or a string or bigint');
  }
  if (typeof base === 'bigint' && base < 0n) throw new RangeError('A reference number base is not negative');
  return String(base);
}

// Banks ignore leading zeros, so they are dropped and the length rule counts the digits that remain:
// otherwise "00012" would pass as a five digit base although the bank sees only "12".
export function finnishReference(base: string | number | bigint): string {
  const digits = baseDigits(base);
  if (!/^\d+$/.test(digits)) throw new RangeError('A reference number base has only digits');
  const significant = digits.replace(/^0+/, '');
  if (significant.length < 3 || significant.length > 19) throw new RangeError('A reference number base has 3 to 19 digits');
  return significant + String(referenceCheckDigit(significant));
}

export function isValidFinnishReference(reference: string): boolean {
  const digits = reference.replace(/\s/g, '');
  // The field on the payment form holds 20 digits, zeros included.
  if (!/^\d{1,20}$/.test(digits)) return false;
  const significant = digits.replace(/^0+/, '');
  if (significant.length < 4) return false;
  return referenceCheckDigit(significant.slice(0, -1)) === Number(significant.slice(-1));
}

// Invoices print the number in groups of five counted from the right, which is how payers read it aloud.
export function formatReference(reference: string): string {
  const digits = reference.replace(/\s/g, '');
  if (!/^\d+$/.test(digits)) throw new RangeError('A reference number has only digits');
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 5) groups.unshift(digits.slice(Math.max(0, end - 5), end));
  return groups.join(' ');
}
