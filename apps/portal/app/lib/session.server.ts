import { createContext, data, redirect } from 'react-router';
import type { Viewer } from './api-types';
import { getConfig } from './config.server';
import { serializeCookie } from './cookies';
import type { Language } from './i18n';
import type { Notice } from './notices';

const THIRTY_DAYS = 60 * 60 * 24 * 30;
const ONE_YEAR = 60 * 60 * 24 * 365;

export const languageCookieName = 'talkoot_lang';
export const organisationCookieName = 'talkoot_org';
export const noticeCookieName = 'talkoot_notice';

export function getSessionCookieName(): string {
  // The __Host- prefix makes browsers refuse the cookie unless it is Secure, Path=/ and host-only.
  return getConfig().isHttps ? '__Host-talkoot_session' : 'talkoot_session';
}

function baseCookieOptions() {
  return { httpOnly: true, secure: getConfig().isHttps, sameSite: 'Lax' as const, path: '/' };
}

export function serializeSessionCookie(token: string): string {
  return serializeCookie(getSessionCookieName(), token, { ...baseCookieOptions(), maxAge: THIRTY_DAYS });
}

export function clearSessionCookie(): string {
  return serializeCookie(getSessionCookieName(), '', { ...baseCookieOptions(), maxAge: 0 });
}

export function serializeLanguageCookie(language: Language): string {
  return serializeCookie(languageCookieName, language, { ...baseCookieOptions(), maxAge: ONE_YEAR });
}

export function serializeOrganisationCookie(organisationId: string): string {
  return serializeCookie(organisationCookieName, organisationId, { ...baseCookieOptions(), maxAge: ONE_YEAR });
}

export function serializeNoticeCookie(notice: Notice): string {
  return serializeCookie(noticeCookieName, notice, { ...baseCookieOptions(), maxAge: 60 });
}

export function clearNoticeCookie(): string {
  return serializeCookie(noticeCookieName, '', { ...baseCookieOptions(), maxAge: 0 });
}

// What the root middleware learns about the request once, for every loader and action.
export type RequestState = {
  token: string | null;
  viewer: Viewer | null;
  // The api could not be asked who is signed in (down or erroring); pages that need a user say so.
  isViewerUnknown: boolean;
  language: Language;
  selectedOrganisationId: string | null;
  notice: Notice | null;
  clientAddress: string | null;
  requestId: string | null;
  // Path + query of the page, for "sign in and come back here".
  returnTo: string;
};

export const requestStateContext = createContext<RequestState>();

type ContextReader = { get: <T>(context: import('react-router').RouterContext<T>) => T };

export function getRequestState(context: ContextReader): RequestState {
  return context.get(requestStateContext);
}

export function signInPath(returnTo: string): string {
  return returnTo && returnTo !== '/' ? `/sign-in?redirectTo=${encodeURIComponent(returnTo)}` : '/sign-in';
}

// Loaders and actions that need a signed-in user call this; signed-out visitors go to sign-in and back.
export function requireViewer(state: RequestState): Viewer {
  if (state.viewer) return state.viewer;
  if (state.isViewerUnknown) throw data({ code: 'api_unavailable' }, { status: 503 });
  throw redirect(signInPath(state.returnTo));
}
