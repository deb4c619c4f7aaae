import { Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/digest-confirm';
import { PageTitle } from '../../components/page-title';
import { confirmDigestRoute } from '@talkoot/events/schemas';
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

// Mail scanners open links in mail: confirming happens only when the person presses the button (POST).
export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const token = String((await request.formData()).get('token') ?? '');
  try {
    const { frequency } = await callApi(state, confirmDigestRoute, { body: { token } });
    return { isConfirmed: true as const, frequency };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return { isConfirmed: false as const };
    throw error;
  }
}

export default function DigestConfirm() {
  const { t } = useI18n();
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.isConfirmed) {
    return (
      <div className="narrow">
        <PageTitle title={t('calendar.digest.confirmedTitle')} />
        <h1>{t('calendar.digest.confirmedTitle')}</h1>
        <p className="lead">
          {result.frequency === 'monthly' ? t('calendar.digest.confirmedMonthly') : t('calendar.digest.confirmedWeekly')}
        </p>
        <p>{t('calendar.digest.confirmedHint')}</p>
        <p>
          <a href="/calendar">{t('calendar.backToCalendar')}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageTitle title={t('calendar.digest.confirmTitle')} />
      <h1>{t('calendar.digest.confirmTitle')}</h1>
      {result && !result.isConfirmed ? (
        <div className="panel panel--warning" role="alert">
          <p>{t('calendar.digest.linkInvalid')}</p>
        </div>
      ) : null}
      {token ? (
        <>
          <p className="lead">{t('calendar.digest.confirmBody')}</p>
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button">
              {t('calendar.digest.confirmButton')}
            </button>
          </Form>
        </>
      ) : (
        <p>{t('calendar.digest.linkInvalid')}</p>
      )}
    </div>
  );
}
