// Browser-safe: shared shapes the portal uses too. No server imports here.
import { z } from 'zod';

export const languages = ['fi', 'sv', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const uuidSchema = z.uuid();

// Texts a user may write in any of the three languages; at least one is needed where required.
export const localizedTextSchema = z
  .object({
    fi: z.string().trim().max(5000).optional(),
    sv: z.string().trim().max(5000).optional(),
    en: z.string().trim().max(5000).optional(),
  });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function pickLocalized(text: LocalizedText | undefined, language: Language): string | undefined {
  if (!text) return undefined;
  return text[language] || text.fi || text.sv || text.en || undefined;
}
