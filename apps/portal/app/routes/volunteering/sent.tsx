import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/sent';
import { PageTitle } from '../../components/page-title';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

export const handle = { hydrate: false };

type Outcome = 'checkEmail' | 'held' | 'placed' | 'waiting' | 'checkEmailWaiting';

// After a sign-up: what happened and what comes next, from the address the form redirected to.
export function loader({ request }: Route.LoaderArgs) {
  const query = new URL(request.url).searchParams;
  const status = query.get('status');
  const isWaiting = query.get('state') === 'waiting';
  const outcome: Outcome =
    status === 'confirmation-sent'
      ? isWaiting
        ? 'checkEmailWaiting'
        : 'checkEmail'
      : status === 'held'
        ? 'held'
        : isWaiting
          ? 'waiting'
          : 'placed';
  return { outcome, isSignedIn: status === 'signed-in' };
}

const words: Record<Outcome, { title: MessageKey; text: MessageKey }> = {
  checkEmail: { title: 'volunteering.sent.checkEmailTitle', text: 'volunteering.sent.checkEmailText' },
  checkEmailWaiting: { title: 'volunteering.sent.checkEmailTitle', text: 'volunteering.sent.checkEmailWaitingText' },
  held: { title: 'volunteering.sent.heldTitle', text: 'volunteering.sent.heldText' },
  placed: { title: 'volunteering.sent.placedTitle', text: 'volunteering.sent.placedText' },
  waiting: { title: 'volunteering.sent.waitingTitle', text: 'volunteering.sent.waitingText' },
};

export default function ClaimSent() {
  const { t } = useI18n();
  const { outcome, isSignedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t(words[outcome].title)} />
      <h1>{t(words[outcome].title)}</h1>
      <p className="lead">{t(words[outcome].text)}</p>
      {isSignedIn ? (
        <p>
          <Link to="/me/volunteering" className="button">
            {t('volunteering.mine.title')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
