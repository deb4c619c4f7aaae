import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/mail-message';
import { DevToolBanner } from '../../components/dev-tool-banner';
import { PageTitle } from '../../components/page-title';
import { readDevMailRoute } from '@talkoot/notifications/schemas';
import { loadFromApi } from '../../lib/api.server';
import type { PageSecurity } from '../../lib/security';
import { formatDateTime } from '../../lib/labels';
import { extractMailLinks } from '../../lib/mail-links';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

// The e-mail's HTML is shown in a fully sandboxed frame (no scripts, no forms, no navigation);
// it inherits this page's policy, so e-mail styles and images need these allowances.
export const handle: { security: PageSecurity } = { security: { allowInlineStyles: true, allowRemoteImages: true } };

export async function loader({ context, params }: Route.LoaderArgs) {
  const { message } = await loadFromApi(getRequestState(context), readDevMailRoute, { params: { id: params.id } });
  return { message, links: extractMailLinks(message.html ?? '', message.text ?? '') };
}

export default function DevMailMessage() {
  const { t, language } = useI18n();
  const { message, links } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={`${message.subject} – ${t('devMail.title')}`} />
      <meta name="robots" content="noindex" />
      <p className="breadcrumb">
        <Link to="/dev/mail">{t('devMail.back')}</Link>
      </p>
      <h1 className="break">{message.subject || t('devMail.noSubject')}</h1>
      <DevToolBanner />
      <dl className="details">
        <dt>{t('devMail.date')}</dt>
        <dd>{formatDateTime(message.date, language)}</dd>
        <dt>{t('devMail.from')}</dt>
        <dd className="break">{message.from}</dd>
        <dt>{t('devMail.to')}</dt>
        <dd className="break">{message.to}</dd>
      </dl>

      <section className="section" aria-labelledby="mail-links">
        <h2 id="mail-links">{t('devMail.links')}</h2>
        {links.length === 0 ? (
          <p>{t('devMail.noLinks')}</p>
        ) : (
          <ul className="link-list">
            {links.map((link) => (
              <li key={link} className="break">
                <a href={link} rel="noreferrer">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {message.html ? (
        <section className="section" aria-labelledby="mail-html">
          <h2 id="mail-html">{t('devMail.html')}</h2>
          <iframe className="mail-frame" title={t('devMail.htmlFrameTitle')} sandbox="" srcDoc={message.html} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="mail-text">
        <h2 id="mail-text">{t('devMail.text')}</h2>
        <pre className="mail-text">{message.text}</pre>
      </section>

      <section className="section" aria-labelledby="mail-attachments">
        <h2 id="mail-attachments">{t('devMail.attachments')}</h2>
        {message.attachments?.length ? (
          <ul className="link-list">
            {message.attachments.map((attachment) => (
              <li key={attachment.filename}>
                <details>
                  <summary className="break">
                    {attachment.filename} ({attachment.contentType.split(';')[0]})
                  </summary>
                  <pre className="mail-text">{attachment.content}</pre>
                </details>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('devMail.noAttachments')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="mail-headers">
        <h2 id="mail-headers">{t('devMail.headers')}</h2>
        <dl className="details details--code">
          {Object.entries(message.headers ?? {}).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd className="break">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
