import { updateEventRoute } from '@talkoot/events/schemas';
import { requestBookingRoute } from '@talkoot/venues/schemas';
import { data } from 'react-router';
import type { ApiErrorMapping } from '../../lib/api-errors';
import { addDays, formatClock, formatDay, helsinkiToInstant, isClockText, isRealDate } from '@talkoot/platform/time';
import { ApiError, callApi, type ApiCaller } from '../../lib/api.server';
import { eventAccessibilityFacts, eventAudiences, eventCategories, type OrganiserEvent, type Venue } from '../../lib/api-types';
import type { FieldErrors } from '../../lib/forms';
import type { Language } from '../../lib/i18n';

// The event form arrives as plain form fields (it works without JavaScript); lists come as
// repeated checkboxes. What was typed is kept as text so the form can be shown again.
export type EventFormFailure = { errors: FieldErrors; values: Record<string, string>; bookingConflict?: string | null };

export const listFields = ['audiences', 'accessibility', 'weekdays', 'coOrganisers'] as const;

export function readEventValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value !== 'string') continue;
    if ((listFields as readonly string[]).includes(name)) values[name] = values[name] ? `${values[name]},${value}` : value;
    else if (!(name in values)) values[name] = value;
  }
  return values;
}

export const listOf = (values: Record<string, string>, name: string) => (values[name] ?? '').split(',').filter(Boolean);

// "12,50", "12.50 €", "12" → cents; null when it is not an amount.
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/\s|€|eur/gi, '');
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

// "24.12.2026" or "2026-12-24" → "2026-12-24".
export function parseDateText(text: string): string | null {
  const value = text.trim();
  if (isRealDate(value)) return value;
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

export type EventTimes = { startsAt: string; endsAt: string; isAllDay: boolean };

// Local Helsinki day and clock times → instants with their offset; an all-day event runs from
// the first local midnight to the midnight after its last day.
export function readEventTimes(values: Record<string, string>, errors: FieldErrors, prefix = ''): EventTimes | null {
  const field = (name: string) => (prefix ? `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}` : name);
  const isAllDay = values[field('isAllDay')] === 'yes';
  const date = parseDateText(values[field('date')] ?? '');
  if (!(values[field('date')] ?? '').trim()) errors[field('date')] = 'validation.required';
  else if (!date) errors[field('date')] = 'venues.form.date.invalid';
  const endDateText = (values[field('endDate')] ?? '').trim();
  const endDate = endDateText ? parseDateText(endDateText) : date;
  if (endDateText && !endDate) errors[field('endDate')] = 'venues.form.date.invalid';
  if (date && endDate && endDate < date) errors[field('endDate')] = 'events.form.endDateBefore';
  if (isAllDay) {
    if (!date || !endDate || errors[field('endDate')]) return null;
    return {
      startsAt: helsinkiToInstant(date, '00:00')!.iso,
      endsAt: helsinkiToInstant(addDays(endDate, 1), '00:00')!.iso,
      isAllDay,
    };
  }
  for (const name of ['startTime', 'endTime']) {
    const text = (values[field(name)] ?? '').trim().replace('.', ':');
    if (!text) errors[field(name)] = 'validation.required';
    else if (!isClockText(text.padStart(5, '0'))) errors[field(name)] = 'venues.form.time.invalid';
  }
  if (!date || !endDate || errors[field('startTime')] || errors[field('endTime')] || errors[field('endDate')]) return null;
  const start = helsinkiToInstant(date, values[field('startTime')]!.trim().replace('.', ':').padStart(5, '0'))!;
  const end = helsinkiToInstant(endDate, values[field('endTime')]!.trim().replace('.', ':').padStart(5, '0'))!;
  if (end.time <= start.time) {
    errors[field('endTime')] = 'venues.form.endBeforeStart';
    return null;
  }
  return { startsAt: start.iso, endsAt: end.iso, isAllDay };
}

type Place = { venueId: string | null; spaceId: string | null; placeName: string; address: string | null; villageId: string };

function readPlace(values: Record<string, string>, venues: Venue[], errors: FieldErrors): Place | null {
  if (values.placeMode === 'venue') {
    const [venueId, spaceId] = (values.venueSpace ?? '').split('/');
    const venue = venues.find((candidate) => candidate.id === venueId);
    const space = venue?.spaces.find((candidate) => candidate.id === spaceId) ?? null;
    if (!venue) {
      errors.venueSpace = 'validation.choose';
      return null;
    }
    return {
      venueId: venue.id,
      spaceId: space?.id ?? null,
      placeName: venue.name,
      address: venue.address,
      villageId: venue.village.id,
    };
  }
  if (values.placeMode !== 'other') {
    errors.placeMode = 'validation.choose';
    return null;
  }
  const placeName = (values.placeName ?? '').trim();
  if (!placeName) errors.placeName = 'validation.required';
  else if (placeName.length < 2) errors.placeName = 'validation.tooShort';
  else if (placeName.length > 200) errors.placeName = 'validation.tooLong';
  const address = (values.address ?? '').trim();
  if (address.length > 300) errors.address = 'validation.tooLong';
  if (!values.villageId) errors.villageId = 'validation.choose';
  if (errors.placeName || errors.address || errors.villageId) return null;
  return { venueId: null, spaceId: null, placeName, address: address || null, villageId: values.villageId! };
}

function readRecurrence(values: Record<string, string>, errors: FieldErrors) {
  const frequency = values.frequency || 'none';
  if (frequency === 'none') return null;
  if (!['weekly', 'monthly-weekday', 'monthly-date'].includes(frequency)) {
    errors.frequency = 'validation.choose';
    return null;
  }
  const interval = Number((values.interval ?? '1').trim() || '1');
  if (!Number.isInteger(interval) || interval < 1 || interval > 12) errors.interval = 'events.form.intervalInvalid';
  const weekdays =
    frequency === 'weekly'
      ? listOf(values, 'weekdays')
          .map(Number)
          .filter((day) => day >= 1 && day <= 7)
      : [];
  let until: string | null = null;
  let count: number | null = null;
  if (values.endMode === 'count') {
    count = Number((values.count ?? '').trim());
    if (!(values.count ?? '').trim()) errors.count = 'validation.required';
    else if (!Number.isInteger(count) || count < 2 || count > 200) errors.count = 'events.form.countInvalid';
  } else {
    until = parseDateText(values.until ?? '');
    if (!(values.until ?? '').trim()) errors.until = 'events.form.untilRequired';
    else if (!until) errors.until = 'venues.form.date.invalid';
  }
  const exceptions: string[] = [];
  for (const part of (values.exceptions ?? '').split(/[\s,;]+/).filter(Boolean)) {
    const date = parseDateText(part);
    if (date) exceptions.push(date);
    else errors.exceptions = 'events.form.exceptionsInvalid';
  }
  if (errors.interval || errors.count || errors.until || errors.exceptions) return null;
  return { frequency, interval, weekdays, until, count, exceptions };
}

export type EventDraft = {
  body: Record<string, unknown>;
  booking: { spaceId: string } | null;
  shouldPublish: boolean;
};

// The form → the api's body; every problem found here is named by its form field.
export function readEventForm(
  values: Record<string, string>,
  venues: Venue[],
  options: { isEdit: boolean; hasFixedTimes: boolean },
): { errors: FieldErrors; draft: EventDraft | null } {
  const errors: FieldErrors = {};
  const title: Record<string, string> = {};
  const description: Record<string, string> = {};
  for (const language of ['Fi', 'Sv', 'En'] as const) {
    const titleText = (values[`title${language}`] ?? '').trim();
    const descriptionText = (values[`description${language}`] ?? '').trim();
    if (titleText.length > 200) errors[`title${language}`] = 'validation.tooLong';
    if (descriptionText.length > 5000) errors[`description${language}`] = 'validation.tooLong';
    if (titleText) title[language.toLowerCase()] = titleText;
    if (descriptionText) description[language.toLowerCase()] = descriptionText;
  }
  if (Object.keys(title).length === 0) errors.titleFi = 'events.form.titleRequired';
  const times = options.hasFixedTimes ? null : readEventTimes(values, errors);
  const place = readPlace(values, venues, errors);
  const category = values.category ?? '';
  if (!(eventCategories as readonly string[]).includes(category)) errors.category = 'validation.choose';
  const audiences = listOf(values, 'audiences').filter((value) => (eventAudiences as readonly string[]).includes(value));
  if (audiences.length === 0) errors.audiences = 'events.form.audienceRequired';
  let priceCents: number | null = null;
  if (values.priceMode === 'paid') {
    priceCents = parseEuros(values.priceEuros ?? '');
    if (!(values.priceEuros ?? '').trim()) errors.priceEuros = 'validation.required';
    else if (priceCents === null) errors.priceEuros = 'events.form.priceInvalid';
  } else if (values.priceMode !== 'free') errors.priceMode = 'validation.choose';
  const accessibility = listOf(values, 'accessibility').filter((value) =>
    (eventAccessibilityFacts as readonly string[]).includes(value),
  );
  const infoUrl = (values.infoUrl ?? '').trim();
  if (infoUrl && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(infoUrl)) errors.infoUrl = 'events.form.infoUrlInvalid';
  const recurrence = options.isEdit ? null : readRecurrence(values, errors);
  const wantsBooking = values.requestSpace === 'yes' && values.placeMode === 'venue';
  if (wantsBooking && place && !place.spaceId) errors.venueSpace = 'events.form.spaceRequired';
  if (Object.keys(errors).length > 0 || !place) return { errors, draft: null };

  const body: Record<string, unknown> = {
    title,
    description,
    venueId: place.venueId,
    placeName: place.placeName,
    address: place.address,
    villageId: place.villageId,
    category,
    audiences,
    priceCents,
    accessibility,
    isRideSharingWelcome: values.isRideSharingWelcome === 'yes',
    infoUrl: infoUrl || null,
  };
  if (times) Object.assign(body, times);
  const shouldPublish = values.intent === 'publish';
  if (!options.isEdit) {
    body.recurrence = recurrence;
    body.coOrganiserIds = listOf(values, 'coOrganisers');
    // With a space to ask for, the event waits as a draft until the booking is through.
    body.publish = shouldPublish && !wantsBooking;
  }
  return { errors, draft: { body, booking: wantsBooking && place.spaceId ? { spaceId: place.spaceId } : null, shouldPublish } };
}

// The api's field paths → the form's field names.
const apiFieldNames = {
  title: 'titleFi',
  'title.fi': 'titleFi',
  'title.sv': 'titleSv',
  'title.en': 'titleEn',
  'description.fi': 'descriptionFi',
  'description.sv': 'descriptionSv',
  'description.en': 'descriptionEn',
  startsAt: 'startTime',
  endsAt: 'endTime',
  priceCents: 'priceEuros',
  coOrganiserIds: 'coOrganisers',
  venueId: 'venueSpace',
  'recurrence.until': 'until',
  'recurrence.count': 'count',
  'recurrence.weekdays': 'weekdays',
  'recurrence.interval': 'interval',
  'recurrence.exceptions': 'exceptions',
  recurrence: 'frequency',
};

// How the event form reads the api's errors (apiErrorsToFields): a change the event's state
// does not allow is said at the top.
export const eventApiErrors: ApiErrorMapping = { fields: apiFieldNames, fallback: 'events.form.notAllowed' };

export function eventFailure(errors: FieldErrors, values: Record<string, string>, status = 400) {
  return data<EventFormFailure>({ errors, values }, { status });
}

export type BookingOutcome = { isBooked: true } | { isBooked: false; reason: 'taken' | 'refused'; slot: string | null };

// The event's first date asked for at the venue's space, with the organisation as the booker.
export async function requestSpaceForEvent(
  state: ApiCaller,
  organisationId: string,
  event: OrganiserEvent,
  spaceId: string,
  language: Language,
): Promise<BookingOutcome> {
  const first = event.occurrences[0];
  if (!first) return { isBooked: false, reason: 'refused', slot: null };
  const title = (event.title.fi || event.title.sv || event.title.en || event.placeName).slice(0, 200);
  try {
    const { booking } = await callApi(state, requestBookingRoute, {
      body: {
        spaceId,
        startsAt: first.startsAt,
        endsAt: first.endsAt,
        title,
        organisationId,
        isFreeEvent: event.priceCents === null,
      },
    });
    await callApi(state, updateEventRoute, {
      params: { id: organisationId, eventId: event.id },
      body: { bookingId: booking.id },
    });
    return { isBooked: true };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    if (error.status === 409) return { isBooked: false, reason: 'taken', slot: describeSlot(error.details.conflict, language) };
    console.error(`booking for event ${event.id} refused: ${error.status} ${error.code} ${error.message}`);
    return { isBooked: false, reason: 'refused', slot: null };
  }
}

// The api's 409 names the taken slot: say it in local time.
function describeSlot(conflict: unknown, language: Language): string | null {
  const slot = conflict as { startsAt?: unknown; endsAt?: unknown } | null | undefined;
  if (typeof slot?.startsAt !== 'string' || typeof slot.endsAt !== 'string') return null;
  const from = Date.parse(slot.startsAt);
  const to = Date.parse(slot.endsAt);
  return `${formatDay(from, language)} ${formatClock(from, language)}–${formatClock(to, language)}`;
}
