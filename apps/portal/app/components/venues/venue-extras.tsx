import type { VenueDetails } from '../../lib/api-types';
import { useI18n } from '../../lib/root-data';

// Thumbnails that open the full picture; the owner's alt text describes each.
export function VenuePhotos({ photos }: { photos: VenueDetails['photos'] }) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  return (
    <section className="section" aria-labelledby="photos-title">
      <h2 id="photos-title">{t('venues.photos.title')}</h2>
      <ul className="venue-photos">
        {photos.map((photo) => (
          <li key={photo.id}>
            <a href={photo.url}>
              <img
                src={photo.thumbnailUrl}
                alt={photo.altText}
                width={photo.width}
                height={photo.height}
                loading="lazy"
                decoding="async"
              />
              <span className="venue-photos__open">{t('venues.photos.open')}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function VenueContact({ venue }: { venue: Pick<VenueDetails, 'contactName' | 'contactPhone' | 'contactEmail'> }) {
  const { t } = useI18n();
  if (!venue.contactName && !venue.contactPhone && !venue.contactEmail) return null;
  return (
    <>
      <dt>{t('venues.contact')}</dt>
      <dd>
        <ul className="plain-list">
          {venue.contactName ? <li>{venue.contactName}</li> : null}
          {venue.contactPhone ? (
            <li>
              {t('venues.contact.phone')}: <a href={`tel:${venue.contactPhone.replace(/[^+\d]/g, '')}`}>{venue.contactPhone}</a>
            </li>
          ) : null}
          {venue.contactEmail ? (
            <li>
              {t('venues.contact.email')}: <a href={`mailto:${venue.contactEmail}`}>{venue.contactEmail}</a>
            </li>
          ) : null}
        </ul>
      </dd>
    </>
  );
}

// The venue's public calendar feed: webcal:// opens a calendar app, the https link downloads it.
export function FeedLinks({ feedPath, host }: { feedPath: string; host: string }) {
  const { t } = useI18n();
  return (
    <section className="section" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('venues.feed.title')}</h2>
      <p>{t('venues.feed.hint')}</p>
      <ul className="plain-list link-list">
        <li>
          <a href={`webcal://${host}${feedPath}`}>{t('venues.feed.subscribe')}</a>
        </li>
        <li>
          <a href={feedPath}>{t('venues.feed.download')}</a>
        </li>
      </ul>
    </section>
  );
}
