import { redirect } from 'react-router';
import type { Route } from './+types/language';
import { updateMeRoute } from '@talkoot/identity/schemas';
import { callApi } from '../lib/api.server';
import { isLanguage } from '../lib/i18n';
import { toSafeRedirect } from '../lib/redirects';
import { assertSameOrigin, redirectWithCookies } from '../lib/responses.server';
import { getRequestState, serializeLanguageCookie } from '../lib/session.server';

export function loader() {
  return redirect('/');
}

// The header's language buttons post here (a plain form, so it works without JavaScript).
export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const state = getRequestState(context);
  const form = await request.formData();
  const language = form.get('language');
  const redirectTo = toSafeRedirect(form.get('redirectTo'));
  if (!isLanguage(language)) return redirectWithCookies(redirectTo);
  if (state.viewer && state.token) {
    // A signed-in user's saved preference wins over the cookie, so save it too.
    try {
      await callApi(state, updateMeRoute, { body: { language } });
    } catch (error) {
      if (error instanceof Response) throw error;
      console.error('language: could not save the preference', error);
    }
  }
  return redirectWithCookies(redirectTo, [serializeLanguageCookie(language)]);
}
