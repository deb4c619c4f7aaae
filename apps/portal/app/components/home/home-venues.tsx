import { Link } from 'react-router';
import type { Venue } from '../../lib/api-types';
import type { Translate } from '../../lib/i18n';

type Props = { venues: Venue[]; t: Translate };

export function HomeVenues({ venues, t }: Props) {
  return (
    <ul className="card-list home-venues">
      {venues.map((venue) => (
        <li key={venue.id} className="card">
          <h3>
            <Link to={`/venues/${venue.id}`}>{venue.name}</Link>
          </h3>
          <p className="muted">{venue.village.name}</p>
          <p>{t('venues.capacity', { count: venue.capacity })}</p>
        </li>
      ))}
    </ul>
  );
}
