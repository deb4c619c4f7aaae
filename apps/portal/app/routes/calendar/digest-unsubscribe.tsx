import { Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/digest-unsubscribe';
import { PageTitle } from '../../components/page-title';
import { unsubscribeDigestRoute } from '@talkoot/events/schemas';
import { ApiError, callApi } from '../../lib/api.server';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

// Read without JavaScript: no scripts on this page (see root.tsx).
export const handle = { hydrate: false };

// The token is a secret: it must not leave for other sites in a Referer header. Not 'no-referrer':
// then the button's POST carries `Origin: null` and the same-origin check refuses it.
export const headers: Route.HeadersFunction = () => ({ 'Referrer-Policy': 'same-origin' });

export function loader({ url }: Route.LoaderArgs) {
  return { token: url.searchParams.get('token') ?? '' };
}

// No sign-in: the token from the letter is enough. A button (POST), so a link scanner cannot unsubscribe.
export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const token = String((await request.formData()).get('token') ?? '');
  try {
    await callApi(state, unsubscribeDigestRoute, { body: { token } });
    return { isUnsubscribed: true as const };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return { isUnsubscribed: false as const };
    throw error;
  }
}

export default function DigestUnsubscribe() {
  const { t } = useI18n();
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.isUnsubscribed) {
    return (
      <div className="narrow">
        <PageTitle title={t('calendar.digest.unsubscribedTitle')} />
        <h1>{t('calendar.digest.unsubscribedTitle')}</h1>
        <p className="lead">{t('calendar.digest.unsubscribedBody')}</p>
        <p>
          <a href="/calendar/digest">{t('calendar.digest.subscribeAgain')}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageTitle title={t('calendar.digest.unsubscribeTitle')} />
      <h1>{t('calendar.digest.unsubscribeTitle')}</h1>
      {result && !result.isUnsubscribed ? (
        <div className="panel panel--warning" role="alert">
          <p>{t('calendar.digest.unsubscribeInvalid')}</p>
        </div>
      ) : null}
      {token ? (
        <>
          <p className="lead">{t('calendar.digest.unsubscribeBody')}</p>
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button">
              {t('calendar.digest.unsubscribeButton')}
            </button>
          </Form>
        </>
      ) : (
        <p>{t('calendar.digest.unsubscribeInvalid')}</p>
      )}
    </div>
  );
}
