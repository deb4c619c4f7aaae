import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/undelivered-mail';
import { listUndeliveredMailRoute } from '@talkoot/notifications/schemas';
import { PageTitle } from '../../components/page-title';
import { requirePlatformAdmin } from '../../lib/access.server';
import { loadFromApi } from '../../lib/api.server';
import { formatDateTime } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

// Mail the receiving server refused for good (an address that does not exist, a full mailbox):
// the platform's administrators see it here and can tell the organisation or fix the address.
export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requirePlatformAdmin(state);
  return loadFromApi(state, listUndeliveredMailRoute);
}

export default function UndeliveredMail() {
  const { t, language } = useI18n();
  const { mails } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t('admin.undeliveredMail.title')} />
      <h1>{t('admin.undeliveredMail.title')}</h1>
      <p className="lead">{t('admin.undeliveredMail.intro')}</p>
      {mails.length === 0 ? (
        <p>{t('admin.undeliveredMail.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('admin.undeliveredMail.caption', { count: mails.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.undeliveredMail.when')}</th>
                <th scope="col">{t('admin.undeliveredMail.recipient')}</th>
                <th scope="col">{t('admin.undeliveredMail.kind')}</th>
                <th scope="col">{t('admin.undeliveredMail.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail, index) => (
                <tr key={`${mail.createdAt}-${index}`}>
                  <td className="nowrap">{formatDateTime(mail.createdAt, language)}</td>
                  <td className="break">{mail.recipient}</td>
                  <td>
                    <code>{mail.template}</code>
                  </td>
                  <td className="break">{mail.error ?? t('admin.undeliveredMail.noAnswer')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/">{t('admin.undeliveredMail.back')}</Link>
      </p>
    </>
  );
}
