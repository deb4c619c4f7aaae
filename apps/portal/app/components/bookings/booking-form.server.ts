import type { ApiErrorMapping } from '../../lib/api-errors';
import { helsinkiToInstant, isClockText } from '@talkoot/platform/time';
import type { FieldErrors } from '../../lib/forms';
import { parseDateInput } from './booking-format';

export type Instant = { iso: string; time: number };

// Date, start and end typed in Helsinki local time -> two instants with their offset.
export function readTimes(
  values: Record<string, string>,
  errors: FieldErrors,
  dateField = 'date',
): { date: string; start: Instant; end: Instant } | null {
  const date = values[dateField]?.trim() ? parseDateInput(values[dateField]) : null;
  if (!values[dateField]?.trim()) errors[dateField] = 'validation.required';
  else if (!date) errors[dateField] = 'venues.form.date.invalid';
  for (const field of ['startTime', 'endTime'] as const) {
    if (!values[field]?.trim()) errors[field] = 'validation.required';
    else if (!isClockText(values[field].trim())) errors[field] = 'venues.form.time.invalid';
  }
  if (!date || errors.startTime || errors.endTime) return null;
  const start = helsinkiToInstant(date, values.startTime!.trim());
  const end = helsinkiToInstant(date, values.endTime!.trim());
  if (!start || !end) return null;
  if (end.time <= start.time) {
    errors.endTime = 'venues.form.endBeforeStart';
    return null;
  }
  return { date, start, end };
}

export function readTitle(values: Record<string, string>, errors: FieldErrors): string {
  const title = values.title?.trim() ?? '';
  if (!title) errors.title = 'validation.required';
  else if (title.length < 2) errors.title = 'validation.tooShort';
  else if (title.length > 200) errors.title = 'validation.tooLong';
  return title;
}

// How the booking forms (series, resident, waiting list) read the api's errors: its field paths
// -> this form's fields; anything else is said at the top.
export const bookingApiErrors = {
  fields: {
    startsAt: 'startTime',
    endsAt: 'endTime',
    'rule.weekdays': 'weekdays',
    'rule.until': 'until',
    'rule.skipDates': 'skipDates',
    guestName: 'guestName',
    guestPhone: 'guestPhone',
    guestEmail: 'guestEmail',
    consent: 'consent',
    title: 'title',
    spaceId: 'spaceId',
    organisationId: 'organisationId',
  },
  formFields: [
    'spaceId',
    'date',
    'startTime',
    'endTime',
    'frequency',
    'weekdays',
    'until',
    'skipDates',
    'title',
    'organisationId',
    'guestName',
    'guestPhone',
    'guestEmail',
    'consent',
  ],
  // A refused rule without a reason this portal knows is a time the space does not take.
  fallback: 'venues.form.rule',
} satisfies ApiErrorMapping;
