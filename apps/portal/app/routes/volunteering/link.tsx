import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/link';
import { whenText } from '../../components/bookings/booking-format';
import { PageTitle } from '../../components/page-title';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { previewTokenRoute, type TokenPurpose, useTokenRoute } from '@talkoot/volunteering/schemas';
import { localText } from '../../components/volunteering/volunteering-view';
import { ApiError, callApi } from '../../lib/api.server';
import { reasonMessages, isApiReason } from '../../lib/api-errors';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

// Opened from a mail, usually on a phone and signed out: no scripts, one plain button. Opening the
// link changes nothing (mail scanners open links too); the button does.
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

export const handle = { hydrate: false };

function tokenOf(request: Request): string {
  return (new URL(request.url).searchParams.get('token') ?? '').trim();
}

function refusal(error: unknown): MessageKey {
  if (error instanceof ApiError && (error.status === 400 || error.status === 404 || error.status === 409 || error.status === 422))
    return isApiReason(error.reason) ? reasonMessages[error.reason] : 'apiError.volunteerClaim.tokenInvalid';
  throw error;
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const token = tokenOf(request);
  if (token.length < 20) return { token, preview: null, problem: 'apiError.volunteerClaim.tokenInvalid' as MessageKey };
  try {
    return { token, preview: await callApi(getRequestState(context), previewTokenRoute, { body: { token } }), problem: null };
  } catch (error) {
    return { token, preview: null, problem: refusal(error) };
  }
}

export async function action({ context, request }: Route.ActionArgs) {
  const posted = (await request.formData()).get('token');
  const token = typeof posted === 'string' && posted ? posted.trim() : tokenOf(request);
  try {
    const done = await callApi(getRequestState(context), useTokenRoute, { body: { token } });
    return { done: done.purpose, placed: done.claim.state === 'placed', problem: null };
  } catch (error) {
    return data({ done: null, placed: false, problem: refusal(error) }, { status: 409 });
  }
}

const questions: Record<TokenPurpose, { title: MessageKey; button: MessageKey; done: MessageKey; next: MessageKey }> = {
  confirm: {
    title: 'volunteering.link.confirmTitle',
    button: 'volunteering.link.confirmButton',
    done: 'volunteering.link.confirmDone',
    next: 'volunteering.link.confirmNext',
  },
  coming: {
    title: 'volunteering.link.comingTitle',
    button: 'volunteering.link.comingButton',
    done: 'volunteering.link.comingDone',
    next: 'volunteering.link.comingNext',
  },
  cannotCome: {
    title: 'volunteering.link.cannotComeTitle',
    button: 'volunteering.link.cannotComeButton',
    done: 'volunteering.link.cannotComeDone',
    next: 'volunteering.link.cannotComeNext',
  },
};

export default function VolunteeringLink() {
  const { t, language } = useI18n();
  const { preview, problem, token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.done) {
    const words = questions[result.done];
    return (
      <>
        <PageTitle title={t(words.done)} />
        <h1>{t(words.done)}</h1>
        <p className="lead">
          {result.done === 'confirm' && !result.placed ? t('volunteering.link.confirmWaitingNext') : t(words.next)}
        </p>
        <p>
          <Link to="/calendar">{t('calendar.backToCalendar')}</Link>
        </p>
      </>
    );
  }
  const shown = result?.problem ?? problem;
  if (!preview || shown) {
    return (
      <>
        <PageTitle title={t('volunteering.link.problemTitle')} />
        <h1>{t('volunteering.link.problemTitle')}</h1>
        <p className="lead">{t(shown ?? 'apiError.volunteerClaim.tokenInvalid')}</p>
        <p>{t('volunteering.link.problemHelp')}</p>
      </>
    );
  }
  const words = questions[preview.purpose];
  const claim = preview.claim;
  return (
    <>
      <PageTitle title={t(words.title)} />
      <h1>{t(words.title)}</h1>
      <div className="vol-task">
        <p className="vol-shift__when">{localText(claim.task.title, language)}</p>
        <p>{whenText(claim.shift.startsAt, claim.shift.endsAt, language)}</p>
        <p>{claim.task.organisation.name}</p>
        <p>{t('volunteering.link.forName', { name: claim.name })}</p>
      </div>
      {preview.isUsed ? (
        <p className="panel panel--info">{t('apiError.volunteerClaim.tokenUsed')}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <p>
            <button type="submit" className="button">
              {t(words.button)}
            </button>
          </p>
        </Form>
      )}
    </>
  );
}
