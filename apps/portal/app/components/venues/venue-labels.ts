import type { BookingStatus, VenueSpace } from '../../lib/api-types';
import { isMessageKey, type MessageKey, type Translate } from '../../lib/i18n';

export const bookingStatusKeys: Record<BookingStatus, MessageKey> = {
  requested: 'venues.status.requested',
  approved: 'venues.status.approved',
  denied: 'venues.status.denied',
  cancelled: 'venues.status.cancelled',
  expired: 'venues.status.expired',
};

export const bookableByKeys: Record<VenueSpace['bookableBy'], MessageKey> = {
  members: 'venues.spaces.bookableBy.members',
  region: 'venues.spaces.bookableBy.region',
  anyone: 'venues.spaces.bookableBy.anyone',
};

// Facilities and accessibility facts as words; an unknown value is shown as the api gives it.
export function facilityWords(t: Translate, prefix: 'facility' | 'accessibility', values: string[]): string {
  if (values.length === 0) return t('venues.none');
  return values
    .map((value) => {
      const key = `venues.${prefix}.${value}`;
      return isMessageKey(key) ? t(key) : value;
    })
    .join(', ');
}

export function durationText(t: Translate, minutes: number): string {
  return minutes % 60 === 0 ? t('venues.hours', { count: minutes / 60 }) : t('venues.minutes', { count: minutes });
}
