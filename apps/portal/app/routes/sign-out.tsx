import { Form, redirect } from 'react-router';
import type { Route } from './+types/sign-out';
import { PageTitle } from '../components/page-title';
import { endSessionRoute } from '@talkoot/identity/schemas';
import { callApi } from '../lib/api.server';
import { useI18n } from '../lib/root-data';
import { redirectWithCookies } from '../lib/responses.server';
import { clearSessionCookie, getRequestState, serializeNoticeCookie } from '../lib/session.server';

// Signing out is a POST (the header's button). Someone who opens the address gets a button.
export function loader({ context }: Route.LoaderArgs) {
  if (!getRequestState(context).viewer) throw redirect('/');
  return null;
}

export async function action({ context }: Route.ActionArgs) {
  const state = getRequestState(context);
  if (state.token) {
    try {
      await callApi(state, endSessionRoute, {}, { isSessionCheck: true });
    } catch (error) {
      // Already gone on the api, or the api is down: the cookie is removed all the same.
      console.error('sign-out: could not end the session on the api', error);
    }
  }
  return redirectWithCookies('/', [clearSessionCookie(), serializeNoticeCookie('signed_out')]);
}

export default function SignOut() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('signOut.title')} />
      <h1>{t('signOut.title')}</h1>
      <p>{t('signOut.question')}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t('header.signOut')}
        </button>
      </Form>
    </>
  );
}
