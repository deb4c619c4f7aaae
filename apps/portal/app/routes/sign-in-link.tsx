import { data, Link } from 'react-router';
import type { Route } from './+types/sign-in-link';
import { PageTitle } from '../components/page-title';
import { createSessionRoute } from '@talkoot/identity/schemas';
import { ApiError, callApi } from '../lib/api.server';
import { useI18n } from '../lib/root-data';
import { redirectWithCookies } from '../lib/responses.server';
import { getRequestState, serializeNoticeCookie, serializeSessionCookie } from '../lib/session.server';

// The sign-in token is in this page's URL: never leak it in a Referer header.
const noReferrer = { 'Referrer-Policy': 'no-referrer' };

// A HEAD with a token answers with the loader's no-referrer header.
export function headers({ loaderHeaders }: Route.HeadersArgs): Headers {
  return loaderHeaders;
}

// The link in the e-mail. The token is exchanged at once and the browser is sent on with 303, so
// the token leaves the address bar and history, also when it did not work: the "link no longer
// works" page is this address without a token (where the header's forms keep their Origin header,
// which browsers blank under no-referrer).
export async function loader({ request, context, url }: Route.LoaderArgs) {
  const token = url.searchParams.get('token');
  if (token === null) return null;
  // Link scanners in mail systems often send HEAD first: do not spend the one-time token on them.
  if (request.method === 'HEAD') return data(null, { headers: noReferrer });
  const state = getRequestState(context);
  try {
    const session = await callApi({ ...state, token: null }, createSessionRoute, { body: { token } });
    return redirectWithCookies('/', [serializeSessionCookie(session.token), serializeNoticeCookie('signed_in')], noReferrer);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 404)) {
      return redirectWithCookies('/sign-in/link', [], noReferrer);
    }
    throw error;
  }
}

export default function SignInLink() {
  const { t } = useI18n();
  return (
    <div className="narrow">
      <PageTitle title={t('signInLink.title')} />
      <h1>{t('signInLink.title')}</h1>
      <p className="lead">{t('signInLink.body')}</p>
      <p>
        <Link to="/sign-in" className="button">
          {t('signInLink.requestNew')}
        </Link>
      </p>
    </div>
  );
}
