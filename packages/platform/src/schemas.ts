// Browser-safe: shared shapes the portal uses too. No server imports here.
import { z } from 'zod';
import { isRealDate } from './time/calendar-day.js';

export { isRealDate };

export * from './error-codes.js';
export * from './route-contract.js';

export const languages = ['fi', 'sv', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    // The rule that refused (e.g. booking.slot_taken), where one did.
    reason: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional(),
    // The reason per field of `fields` (e.g. startsAt: booking.outside_opening_hours).
    fieldReasons: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const uuidSchema = z.uuid();

// Texts a user may write in any of the three languages; at least one is needed where required.
export const localizedTextSchema = z.object({
  fi: z.string().trim().max(5000).optional(),
  sv: z.string().trim().max(5000).optional(),
  en: z.string().trim().max(5000).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function pickLocalized(text: LocalizedText | undefined, language: Language): string | undefined {
  if (!text) return undefined;
  return text[language] || text.fi || text.sv || text.en || undefined;
}

// Dates a person can mean. Nothing in Talkoot happens before 2000 or after 2100; outside that a
// date is a typo (0000, 9999) or an attack, and year 0 would not even fit in PostgreSQL.
export const earliestYear = 2000;
export const latestYear = 2100;
const yearRangeMessage = `between the years ${earliestYear} and ${latestYear}`;

function isYearInRange(year: number): boolean {
  return year >= earliestYear && year <= latestYear;
}

// zod runs an object's refinements even when a field failed its format check, and then hands them
// the raw input, not the transformed value. Refinements that compare parsed fields wait for them.
export const whenFieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

// An ISO date and time with an offset ("2027-06-01T18:00:00+03:00"), parsed to a Date.
export function instantSchema(label: string) {
  return z.iso
    .datetime({ offset: true, error: `Give the ${label} as a date and time` })
    .refine((value) => {
      const year = new Date(value).getUTCFullYear();
      return Number.isNaN(year) || isYearInRange(year);
    }, `Give the ${label} ${yearRangeMessage}`)
    .transform((value) => new Date(value));
}

export function calendarDateSchema(message = 'Give the date as YYYY-MM-DD, for example 2027-05-31') {
  return z
    .string()
    .refine(isRealDate, message)
    .refine((date) => !isRealDate(date) || isYearInRange(Number(date.slice(0, 4))), `Give a date ${yearRangeMessage}`);
}
