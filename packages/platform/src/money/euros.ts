import type { Language } from '../schemas.js';

// The Finnish regional variants: prices are shown to people in Finland whatever language they read
// ("1 234,50 €" in Finnish and Swedish, "€1,234.50" in English).
const moneyLocales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(language: Language, showZeroCents: boolean): Intl.NumberFormat {
  const key = `${language}|${showZeroCents}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(moneyLocales[language], {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: showZeroCents ? 2 : 0,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

// Amounts are whole cents everywhere in Talkoot; a fraction means a bug upstream, not a price.
// 'exact' always shows the cents ("45,00 €"), as mails and payment instructions do; 'brief' writes
// whole euros without decimals ("45 €", but "12,50 €"), as the portal's price lists do.
export function formatEuros(cents: number, language: Language, style: 'exact' | 'brief' = 'exact'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('A price is a whole number of cents');
  return formatterFor(language, style === 'exact' || cents % 100 !== 0).format(cents / 100);
}
