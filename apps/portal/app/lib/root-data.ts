import { useRouteLoaderData } from 'react-router';
import type { Membership, User } from './api-types';
import { createTranslator, defaultLanguage, type Language, type Translate } from './i18n';
import type { Notice } from './notices';

// What the root loader hands to every page (browser-safe: no token).
export type RootData = {
  language: Language;
  viewer: { user: Pick<User, 'id' | 'name' | 'isPlatformAdmin'>; memberships: Membership[] } | null;
  selectedOrganisationId: string | null;
  notice: Notice | null;
};

export function useRootData(): RootData | undefined {
  return useRouteLoaderData('root') as RootData | undefined;
}

// The page's language and translator; falls back to Finnish when the root loader did not run.
export function useI18n(): { language: Language; t: Translate } {
  const language = useRootData()?.language ?? defaultLanguage;
  return { language, t: createTranslator(language) };
}
