import type { BookingState } from '../../lib/api-types';
import type { Language, MessageKey } from '../../lib/i18n';
import { formatDay, formatTime } from '../venues/helsinki-time';

// The portal does not depend on the venues package; these mirror its browser-safe helpers.

// "FI21 1234 5600 0007 85": groups of four, as printed on Finnish bank forms.
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

// "12345 67890 12": groups of five from the right (packages/venues/src/reference-number.ts).
export function formatReference(reference: string): string {
  const digits = reference.replace(/\s/g, '');
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 5) groups.unshift(digits.slice(Math.max(0, end - 5), end));
  return groups.join(' ');
}

export const bookingStateKeys: Record<BookingState, MessageKey> = {
  requested: 'venues.status.requested',
  approved: 'venues.status.approved',
  denied: 'venues.status.denied',
  cancelled: 'venues.status.cancelled',
  expired: 'venues.status.expired',
  offered: 'bookings.status.offered',
};

// "ti 15.12.2026 18.00–21.00", or both days when it runs past midnight.
export function whenText(startsAt: string, endsAt: string, language: Language): string {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const sameDay = formatDay(start, language) === formatDay(end, language);
  return sameDay
    ? `${formatDay(start, language)} ${formatTime(start, language)}–${formatTime(end, language)}`
    : `${formatDay(start, language)} ${formatTime(start, language)} – ${formatDay(end, language)} ${formatTime(end, language)}`;
}

export function momentText(instant: string, language: Language): string {
  const time = Date.parse(instant);
  return `${formatDay(time, language)} ${formatTime(time, language)}`;
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
