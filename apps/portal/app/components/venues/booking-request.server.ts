import { quoteRoute, requestBookingRoute } from '@talkoot/venues/schemas';
import { data } from 'react-router';
import { type ApiErrorMapping, apiErrorsToFields } from '../../lib/api-errors';
import { formatClock, helsinkiToInstant, isClockText, isRealDate } from '@talkoot/platform/time';
import { ApiError, callApi, type ApiCaller } from '../../lib/api.server';
import type { BookingQuote, VenueDetails } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { Language } from '../../lib/i18n';
import { redirectWithCookies } from '../../lib/responses.server';

export type ConflictDetail = { from: string; to: string } | null;

// A booking request is two posts, so it works without JavaScript: the first shows the price and
// the cancellation terms (intent "review"), the second sends (intent "send"); "change" goes back.
export type BookingFormResult =
  | { step: 'form'; errors: FieldErrors; values: Record<string, string>; conflict: ConflictDetail }
  | {
      step: 'confirm';
      values: Record<string, string>;
      quote: BookingQuote | null;
      regularQuote: BookingQuote | null;
      startsAt: string;
      endsAt: string;
      quotedAt: number;
    };

export const bookingFieldOrder = [
  'spaceId',
  'date',
  'startTime',
  'endTime',
  'title',
  'organisationId',
  'isFreeEvent',
  'form',
] as const;
// The api's errors on this form: its times are the form's start and end; a refused rule without a
// reason this portal knows is a time the space does not take.
const bookingRequestApiErrors = {
  fields: { startsAt: 'startTime', endsAt: 'endTime' },
  formFields: bookingFieldOrder,
  fallback: 'venues.form.rule',
} satisfies ApiErrorMapping;

type Viewer = { memberships: { organisation: { id: string } }[] };

export async function handleBookingRequest(
  state: ApiCaller,
  viewer: Viewer,
  venue: VenueDetails,
  values: Record<string, string>,
) {
  const space = venue.spaces.find((candidate) => candidate.id === values.spaceId);
  if (values.intent === 'change') return data<BookingFormResult>({ step: 'form', errors: {}, values, conflict: null });

  const errors: FieldErrors = {};
  if (!space) errors.spaceId = 'validation.choose';
  if (!values.date?.trim()) errors.date = 'validation.required';
  else if (!isRealDate(values.date.trim())) errors.date = 'venues.form.date.invalid';
  for (const field of ['startTime', 'endTime'] as const) {
    if (!values[field]?.trim()) errors[field] = 'validation.required';
    else if (!isClockText(values[field].trim())) errors[field] = 'venues.form.time.invalid';
  }
  const title = values.title?.trim() ?? '';
  if (!title) errors.title = 'validation.required';
  else if (title.length < 2) errors.title = 'validation.tooShort';
  else if (title.length > 200) errors.title = 'validation.tooLong';
  const organisationId = values.organisationId || null;
  if (organisationId && !viewer.memberships.some((m) => m.organisation.id === organisationId))
    errors.organisationId = 'validation.choose';
  if (space?.bookableBy === 'region' && !organisationId) errors.organisationId = 'venues.form.organisationRequired';
  const isFreeEvent = values.isFreeEvent === 'yes';

  const start = errors.date || errors.startTime ? null : helsinkiToInstant(values.date!.trim(), values.startTime!.trim());
  const end = errors.date || errors.endTime ? null : helsinkiToInstant(values.date!.trim(), values.endTime!.trim());
  if (start && end && end.time <= start.time) errors.endTime = 'venues.form.endBeforeStart';
  if (Object.keys(errors).length > 0 || !space || !start || !end) return failure(errors, values);

  if (values.intent !== 'send') {
    const askQuote = (isFree: boolean) =>
      callApi(state, quoteRoute, {
        params: { id: space.id },
        query: {
          startsAt: start.iso,
          endsAt: end.iso,
          isFreeEvent: isFree ? 'true' : 'false',
          ...(organisationId ? { organisationId } : {}),
        },
      });
    let quote: BookingQuote | null = null;
    // A free public event costs nothing if the owner agrees; say what it costs if they don't.
    let regularQuote: BookingQuote | null = null;
    try {
      ({ quote } = await askQuote(isFreeEvent));
      if (isFreeEvent) ({ quote: regularQuote } = await askQuote(false));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 400 || error.status === 403)
        return failure(apiErrorsToFields(error, bookingRequestApiErrors), values, error.status);
      // Without a price the person still sees the terms of the space; the owner confirms the price.
      console.error(`quote for space ${space.id} failed: ${error.status} ${error.code}`);
    }
    return data<BookingFormResult>({
      step: 'confirm',
      values,
      quote,
      regularQuote,
      startsAt: start.iso,
      endsAt: end.iso,
      quotedAt: Date.now(),
    });
  }

  try {
    await callApi(state, requestBookingRoute, {
      body: { spaceId: space.id, startsAt: start.iso, endsAt: end.iso, title, organisationId, isFreeEvent },
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 409) {
      return failure(
        { startTime: 'venues.form.conflict' },
        values,
        409,
        describeConflict(error.details.conflict, state.language),
      );
    }
    if ([400, 403, 404, 422].includes(error.status))
      return failure(apiErrorsToFields(error, bookingRequestApiErrors), values, error.status);
    throw error;
  }
  return redirectWithCookies('/bookings?done=requested');
}

function failure(errors: FieldErrors, values: Record<string, string>, status = 400, conflict: ConflictDetail = null) {
  return data<BookingFormResult>({ step: 'form', errors, values, conflict }, { status });
}

// The api's 409 names the taken slot (times include cleaning); say it in local time.
function describeConflict(conflict: unknown, language: Language): ConflictDetail {
  const slot = conflict as { startsAt?: unknown; endsAt?: unknown } | null | undefined;
  if (typeof slot?.startsAt !== 'string' || typeof slot.endsAt !== 'string') return null;
  return { from: formatClock(Date.parse(slot.startsAt), language), to: formatClock(Date.parse(slot.endsAt), language) };
}
