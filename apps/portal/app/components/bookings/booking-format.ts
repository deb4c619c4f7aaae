import { formatClock, formatDay } from '@talkoot/platform/time';
import type { BookingDetails, BookingState } from '../../lib/api-types';
import type { Language, MessageKey } from '../../lib/i18n';

export const bookingStateKeys: Record<BookingState, MessageKey> = {
  requested: 'venues.status.requested',
  approved: 'venues.status.approved',
  denied: 'venues.status.denied',
  cancelled: 'venues.status.cancelled',
  expired: 'venues.status.expired',
  offered: 'bookings.status.offered',
};

export type Booker = { name: string; phone: string | null; email: string | null; isGuest: boolean };

// Who a booking is for: the resident a coordinator booked for (an assisted booking, who has no
// account), else the user who asked.
export function bookerOf(booking: Pick<BookingDetails, 'guest' | 'requester'>): Booker | null {
  if (booking.guest) return { name: booking.guest.name, phone: booking.guest.phone, email: booking.guest.email, isGuest: true };
  if (booking.requester) return { name: booking.requester.name, phone: null, email: booking.requester.email, isGuest: false };
  return null;
}

// "ti 15.12.2026 18.00–21.00", or both days when it runs past midnight.
export function whenText(startsAt: string, endsAt: string, language: Language): string {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const sameDay = formatDay(start, language) === formatDay(end, language);
  return sameDay
    ? `${formatDay(start, language)} ${formatClock(start, language)}–${formatClock(end, language)}`
    : `${formatDay(start, language)} ${formatClock(start, language)} – ${formatDay(end, language)} ${formatClock(end, language)}`;
}

export function momentText(instant: string, language: Language): string {
  const time = Date.parse(instant);
  return `${formatDay(time, language)} ${formatClock(time, language)}`;
}

// A date typed as "15.12.2026" (as written in Finland) or "2026-12-15" -> "2026-12-15", else null.
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (finnish) [day, month, year] = [Number(finnish[1]), Number(finnish[2]), Number(finnish[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
