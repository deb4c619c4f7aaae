import { Form } from 'react-router';
import type { Translate } from '../../lib/i18n';

type Props = { t: Translate; publicFeedUrl: string; privateFeedUrl: string };

export function FeedsSection({ t, publicFeedUrl, privateFeedUrl }: Props) {
  return (
    <section className="manage-section section" aria-labelledby="feeds-title">
      <h2 id="feeds-title">{t('venueAdmin.feeds.title')}</h2>
      <p>{t('venueAdmin.feeds.intro')}</p>
      <h3 id="feed-public-title">{t('venueAdmin.feeds.public')}</h3>
      <code className="manage-feed-url" data-feed="public">
        {publicFeedUrl}
      </code>
      <h3 id="feed-private-title">{t('venueAdmin.feeds.private')}</h3>
      <code className="manage-feed-url" data-feed="private">
        {privateFeedUrl}
      </code>
      <div className="panel panel--warning">
        <p>{t('venueAdmin.feeds.privateWarning')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="renew-feed" />
          <button type="submit" className="button button--secondary">
            {t('venueAdmin.feeds.renew')}
          </button>
        </Form>
      </div>
    </section>
  );
}
