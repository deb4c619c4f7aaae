import { getMeRoute } from '@talkoot/identity/schemas';
import type { MiddlewareFunction } from 'react-router';
import { ApiError, callApi } from './api.server';
import type { Viewer } from './api-types';
import { readCookie } from './cookies';
import { defaultLanguage, isLanguage, pickLanguageFromAcceptLanguage, type Language } from './i18n';
import { isNotice } from './notices';
import {
  clearNoticeCookie,
  clearSessionCookie,
  getSessionCookieName,
  languageCookieName,
  noticeCookieName,
  organisationCookieName,
  requestStateContext,
  type RequestState,
} from './session.server';

// Runs once per request before any loader/action: who is signed in, which language, which
// organisation is selected, and the one-shot notice. Loaders read it with getRequestState().
export const requestStateMiddleware: MiddlewareFunction<Response> = async ({ request, url, context }, next) => {
  const token = readCookie(request, getSessionCookieName());
  const cookieLanguage = readCookie(request, languageCookieName);
  const guessedLanguage: Language =
    (isLanguage(cookieLanguage) ? cookieLanguage : null) ??
    pickLanguageFromAcceptLanguage(request.headers.get('Accept-Language')) ??
    defaultLanguage;
  const clientAddress = request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim() || null;
  const requestId = request.headers.get('X-Request-Id') || null;
  const returnTo = `${url.pathname}${url.search}`;

  let viewer: Viewer | null = null;
  let isViewerUnknown = false;
  let isSessionStale = false;
  if (token) {
    try {
      viewer = await callApi(
        { token, language: guessedLanguage, clientAddress, requestId, returnTo },
        getMeRoute,
        {},
        { isSessionCheck: true },
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        isSessionStale = true;
      } else {
        // The api is down or failing: public pages still render; pages needing a user answer 503.
        isViewerUnknown = true;
        if (error instanceof ApiError) console.error(`session check failed: ${error.status} ${error.code}`);
      }
    }
  }

  const selectedCookie = readCookie(request, organisationCookieName);
  const memberships = viewer?.memberships ?? [];
  // Without a choice yet, act for the organisation where the user has the most to do.
  const selectedOrganisationId =
    memberships.find((m) => m.organisation.id === selectedCookie)?.organisation.id ??
    (memberships.find((m) => m.role === 'admin') ?? memberships.find((m) => m.role === 'coordinator') ?? memberships[0])
      ?.organisation.id ??
    null;
  const noticeValue = readCookie(request, noticeCookieName);

  const state: RequestState = {
    token: isSessionStale ? null : token,
    viewer,
    isViewerUnknown,
    language: viewer?.user.language ?? guessedLanguage,
    selectedOrganisationId,
    notice: isNotice(noticeValue) ? noticeValue : null,
    clientAddress,
    requestId,
    returnTo,
  };
  context.set(requestStateContext, state);

  const response = await next();
  const cookiesToClear: string[] = [];
  if (isSessionStale) cookiesToClear.push(clearSessionCookie());
  // Show a notice once: clear it when a page (not a redirect) has been produced with it.
  if (noticeValue && !isRedirect(response)) cookiesToClear.push(clearNoticeCookie());
  return cookiesToClear.length > 0 ? withCookies(response, cookiesToClear) : response;
};

function isRedirect(response: Response): boolean {
  return response.status >= 300 && response.status < 400;
}

function withCookies(response: Response, cookies: string[]): Response {
  const headers = new Headers(response.headers);
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
