import { data, Form, Link, useLoaderData } from 'react-router';
import type { Route } from './+types/mail';
import { DevToolBanner } from '../../components/dev-tool-banner';
import { PageTitle } from '../../components/page-title';
import { runDigestsNowRoute } from '@talkoot/events/schemas';
import { listDevMailRoute } from '@talkoot/notifications/schemas';
import { sendRemindersNowRoute } from '@talkoot/volunteering/schemas';
import { callApi, loadFromApi } from '../../lib/api.server';
import { formatDateTime } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState } from '../../lib/session.server';

// The developer mailbox: the api answers 404 when it is off (production), and so does this page.
export async function loader({ context, request }: Route.LoaderArgs) {
  const { messages } = await loadFromApi(getRequestState(context), listDevMailRoute);
  const query = new URL(request.url).searchParams;
  const queued = query.get('queued');
  const reminders = query.get('reminders');
  return {
    reminders: reminders && /^\d+$/.test(reminders) ? Number(reminders) : null,
    messages: messages.toSorted((a, b) => b.date.localeCompare(a.date)),
    queued: queued && /^\d+$/.test(queued) ? Number(queued) : null,
  };
}

// Sends the event letters now instead of waiting for the schedule; the worker delivers them.
export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  if (form.get('intent') === 'volunteerReminders') {
    const { sent } = await callApi(getRequestState(context), sendRemindersNowRoute);
    return redirectWithCookies(`/dev/mail?reminders=${sent}`);
  }
  const frequency = form.get('frequency');
  if (frequency !== 'weekly' && frequency !== 'monthly') throw data({ code: 'bad_request' }, { status: 400 });
  const { queued } = await callApi(getRequestState(context), runDigestsNowRoute, { body: { frequency } });
  // Back to the mailbox (a reload does not send the letters again).
  return redirectWithCookies(`/dev/mail?queued=${queued}`);
}

export default function DevMail() {
  const { t, language } = useI18n();
  const { messages, queued, reminders } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t('devMail.title')} />
      <meta name="robots" content="noindex" />
      <h1>{t('devMail.title')}</h1>
      <DevToolBanner />
      <div aria-live="polite" aria-atomic="true">
        {queued !== null ? (
          <div className="notice">
            <p>{t('devMail.digestsQueued', { count: queued })}</p>
          </div>
        ) : null}
        {reminders !== null ? (
          <div className="notice">
            <p>{t('devMail.remindersSent', { count: reminders })}</p>
          </div>
        ) : null}
      </div>
      {messages.length === 0 ? (
        <p>{t('devMail.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('devMail.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('devMail.date')}</th>
                <th scope="col">{t('devMail.to')}</th>
                <th scope="col">{t('devMail.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td className="nowrap">{formatDateTime(message.date, language)}</td>
                  <td className="break">{message.to}</td>
                  <td>
                    <Link to={`/dev/mail/${encodeURIComponent(message.id)}`}>{message.subject || t('devMail.noSubject')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="section" aria-labelledby="dev-mail-digests">
        <h2 id="dev-mail-digests">{t('devMail.digestsTitle')}</h2>
        <p>{t('devMail.digestsText')}</p>
        <Form method="post" className="actions">
          <button type="submit" name="frequency" value="weekly" className="button button--secondary">
            {t('devMail.digestsWeekly')}
          </button>
          <button type="submit" name="frequency" value="monthly" className="button button--secondary">
            {t('devMail.digestsMonthly')}
          </button>
        </Form>
      </section>
      <section className="section" aria-labelledby="dev-mail-reminders">
        <h2 id="dev-mail-reminders">{t('devMail.remindersTitle')}</h2>
        <p>{t('devMail.remindersText')}</p>
        <Form method="post">
          <button type="submit" name="intent" value="volunteerReminders" className="button button--secondary">
            {t('devMail.remindersButton')}
          </button>
        </Form>
      </section>
    </>
  );
}
