import type { Language } from '../schemas.js';

// The Finnish regional variants: prices are shown to people in Finland whatever language they read
// ("1 234,50 €" in Finnish and Swedish, "€1,234.50" in English).
const moneyLocales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-FI' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(language: Language, showZeroCents: boolean): Intl.NumberFormat {
  const key = `${language}|${showZeroCents}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(moneyLocales[language], { style: 'currency', currency: 'EUR', minimumFractionDigits: showZeroCents ? 2 : 0, maximumFractionDigits: 2 });
    formatters.set(key, formatter);
  }
  return formatter;
}

// Amounts are whole cents everywhere in Talkoot; a fraction means a bug upstream, not a price.
// `showZeroCents: false` writes whole euros without decimals ("45 €") for price lists.
export function formatEuros(cents: number, language: Language, options: { showZeroCents?: boolean } = {}): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('A price is a whole number of cents');
  const showZeroCents = options.showZeroCents ?? true;
  return formatterFor(language, showZeroCents || cents % 100 !== 0).format(cents / 100);
}
