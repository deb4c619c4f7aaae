import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/mail';
import { DevToolBanner } from '../../components/dev-tool-banner';
import { PageTitle } from '../../components/page-title';
import { loadFromApi } from '../../lib/api.server';
import type { MailSummary } from '../../lib/api-types';
import { formatDateTime } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

// The developer mailbox: the api answers 404 when it is off (production), and so does this page.
export async function loader({ context }: Route.LoaderArgs) {
  const { messages } = await loadFromApi<{ messages: MailSummary[] }>(getRequestState(context), '/api/dev/mail');
  return { messages: messages.toSorted((a, b) => b.date.localeCompare(a.date)) };
}

export default function DevMail() {
  const { t, language } = useI18n();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t('devMail.title')} />
      <meta name="robots" content="noindex" />
      <h1>{t('devMail.title')}</h1>
      <DevToolBanner />
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
    </>
  );
}
