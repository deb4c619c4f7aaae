import type { ApiErrorMapping } from '../../lib/api-errors';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';

// Form values of the manage page → the api's request bodies (PATCH venue, PATCH space). The api
// checks again; these checks give each field its own plain message first.

export const facilityOptions = ['kitchen', 'sauna', 'stage', 'projector', 'wifi'] as const;
export const accessibilityOptions = ['step_free_entrance', 'accessible_toilet', 'hearing_loop', 'parking'] as const;
export const bookableByOptions = ['members', 'region', 'anyone'] as const;
export const priceUnitOptions = ['free', 'hour', 'day', 'fixed'] as const;
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const MAX_PHOTOS = 12;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
// Empty rows offered for new closed periods, below the saved ones.
export const NEW_CLOSED_ROWS = 1;

type Values = Record<string, string>;
type Parsed<T> = { isValid: true; body: T } | { isValid: false; errors: FieldErrors };

const text = (values: Values, name: string) => (values[name] ?? '').trim();

// "12,50", "12.50", "12" or "1 200,00" euros → cents; null when it is not an amount.
export function parseEuros(value: string): number | null {
  const compact = value.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(compact)) return null;
  return Math.round(Number(compact) * 100);
}

export function formatEuros(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',').replace(/,00$/, '');
}

export function parseWholeNumber(value: string): number | null {
  const compact = value.replace(/\s/g, '');
  return /^\d{1,7}$/.test(compact) ? Number(compact) : null;
}

// Hours as "1", "1,5" or "1.5" → whole minutes.
export function parseHoursToMinutes(value: string): number | null {
  const compact = value.replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(compact)) return null;
  return Math.round(Number(compact) * 60);
}

export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100).replace('.', ',');
}

// "8", "8.30", "8:30", "08:30" → "08:30"; "24", "24:00" → "24:00" (midnight at the day's end).
export function parseClock(value: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function parseVenueForm(
  values: Values,
  lists: { facilities: string[]; accessibility: string[] },
): Parsed<Record<string, unknown>> {
  const errors: FieldErrors = {};
  const name = text(values, 'name');
  const address = text(values, 'address');
  if (name.length < 2) errors.name = name ? 'validation.tooShort' : 'validation.required';
  if (address.length < 3) errors.address = address ? 'validation.tooShort' : 'validation.required';
  if (!text(values, 'villageId')) errors.villageId = 'validation.choose';
  const capacity = parseWholeNumber(text(values, 'capacity'));
  if (capacity === null || capacity < 1)
    errors.capacity = text(values, 'capacity') ? 'venueAdmin.error.wholeNumber' : 'validation.required';
  const phone = text(values, 'contactPhone');
  if (phone && !/^\+?[0-9 ()-]{5,40}$/.test(phone)) errors.contactPhone = 'validation.phone';
  const email = text(values, 'contactEmail');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.contactEmail = 'validation.email';
  if (Object.keys(errors).length > 0) return { isValid: false, errors };
  const description: Record<string, string> = {};
  for (const [language, field] of [
    ['fi', 'descriptionFi'],
    ['sv', 'descriptionSv'],
    ['en', 'descriptionEn'],
  ] as const) {
    if (text(values, field)) description[language] = text(values, field);
  }
  return {
    isValid: true,
    body: {
      name,
      address,
      villageId: text(values, 'villageId'),
      capacity,
      description,
      facilities: facilityOptions.filter((option) => lists.facilities.includes(option)),
      accessibility: accessibilityOptions.filter((option) => lists.accessibility.includes(option)),
      contactName: text(values, 'contactName'),
      contactPhone: phone,
      contactEmail: email,
      keyInstructions: (values.keyInstructions ?? '').trim(),
      paymentIban: text(values, 'paymentIban'),
    },
  };
}

// Indexes of the closed-period rows in the submitted form (saved rows and the empty new ones).
export function closedRowIndexes(values: Values): number[] {
  return Object.keys(values)
    .map((name) => /^closedFrom-(\d{1,3})$/.exec(name)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number)
    .toSorted((a, b) => a - b);
}

export function parseSpaceForm(values: Values): Parsed<Record<string, unknown>> {
  const errors: FieldErrors = {};
  const body: Record<string, unknown> = {};
  const whole = (field: string, target: string, problem: MessageKey = 'venueAdmin.error.wholeNumber') => {
    const parsed = parseWholeNumber(text(values, field));
    if (parsed === null) errors[field] = text(values, field) ? problem : 'validation.required';
    else body[target] = parsed;
  };
  const euros = (field: string, target: string) => {
    const parsed = parseEuros(text(values, field));
    if (parsed === null) errors[field] = text(values, field) ? 'venueAdmin.error.euros' : 'validation.required';
    else body[target] = parsed;
  };
  const hours = (field: string, target: string) => {
    const parsed = parseHoursToMinutes(text(values, field));
    if (parsed === null) errors[field] = text(values, field) ? 'venueAdmin.error.hours' : 'validation.required';
    else body[target] = parsed;
  };

  if (values.isApprovalRequired === 'yes' || values.isApprovalRequired === 'no')
    body.isApprovalRequired = values.isApprovalRequired === 'yes';
  else errors.isApprovalRequired = 'validation.choose';
  if ((bookableByOptions as readonly string[]).includes(values.bookableBy ?? '')) body.bookableBy = values.bookableBy;
  else errors.bookableBy = 'validation.choose';
  hours('minHours', 'minMinutes');
  hours('maxHours', 'maxMinutes');
  if (typeof body.minMinutes === 'number' && typeof body.maxMinutes === 'number' && body.minMinutes > body.maxMinutes)
    errors.maxHours = 'venueAdmin.error.maxMinutes';
  whole('bufferBeforeMinutes', 'bufferBeforeMinutes');
  whole('bufferAfterMinutes', 'bufferAfterMinutes');
  whole('minNoticeHours', 'minNoticeHours');
  whole('maxDaysAhead', 'maxDaysAhead');

  if (values.hoursMode === 'always') {
    body.openingHours = null;
  } else if (values.hoursMode === 'weekly') {
    const periods: { weekday: number; opens: string; closes: string }[] = [];
    for (const weekday of weekdays) {
      if (values[`closed-${weekday}`] === 'yes') continue;
      const opens = parseClock(text(values, `opens-${weekday}`));
      const closes = parseClock(text(values, `closes-${weekday}`));
      if (!opens || opens === '24:00')
        errors[`opens-${weekday}`] = text(values, `opens-${weekday}`) ? 'venueAdmin.error.openingHours' : 'validation.required';
      if (!closes || closes === '00:00')
        errors[`closes-${weekday}`] = text(values, `closes-${weekday}`) ? 'venueAdmin.error.openingHours' : 'validation.required';
      else if (opens && opens >= closes) errors[`closes-${weekday}`] = 'venueAdmin.error.openingHours';
      if (opens && closes) periods.push({ weekday, opens, closes });
    }
    body.openingHours = periods;
  } else {
    errors.hoursMode = 'validation.choose';
  }

  const closedDates: { from: string; to: string; reason: string }[] = [];
  for (const index of closedRowIndexes(values)) {
    const from = text(values, `closedFrom-${index}`);
    const to = text(values, `closedTo-${index}`) || from;
    const reason = text(values, `closedReason-${index}`);
    if (values[`closedRemove-${index}`] === 'yes' || (!from && !text(values, `closedTo-${index}`) && !reason)) continue;
    if (!isDate(from)) errors[`closedFrom-${index}`] = from ? 'venueAdmin.error.closedDates' : 'validation.required';
    if (!isDate(to) || (isDate(from) && to < from)) errors[`closedTo-${index}`] = 'venueAdmin.error.closedDates';
    if (!reason) errors[`closedReason-${index}`] = 'validation.required';
    else if (reason.length > 200) errors[`closedReason-${index}`] = 'validation.tooLong';
    closedDates.push({ from, to, reason });
  }
  body.closedDates = closedDates;

  if ((priceUnitOptions as readonly string[]).includes(values.priceUnit ?? '')) body.priceUnit = values.priceUnit;
  else errors.priceUnit = 'validation.choose';
  euros('priceMembers', 'priceMembersCents');
  euros('priceRegion', 'priceRegionCents');
  euros('pricePrivate', 'pricePrivateCents');
  euros('deposit', 'depositCents');
  whole('freeCancellationHours', 'freeCancellationHours');
  whole('cancellationFeePercent', 'cancellationFeePercent', 'venueAdmin.error.percent');
  if (typeof body.cancellationFeePercent === 'number' && body.cancellationFeePercent > 100)
    errors.cancellationFeePercent = 'venueAdmin.error.percent';

  return Object.keys(errors).length > 0 ? { isValid: false, errors } : { isValid: true, body };
}

// How the manage page reads the api's errors (apiErrorsToFields): the api's field paths → this
// page's fields, and the plain words for a field the api refused.
export const venueAdminApiErrors = {
  fields: {
    name: ['name', 'validation.checkField'],
    address: ['address', 'validation.checkField'],
    villageId: ['villageId', 'validation.choose'],
    capacity: ['capacity', 'venueAdmin.error.wholeNumber'],
    contactPhone: ['contactPhone', 'validation.phone'],
    contactEmail: ['contactEmail', 'validation.email'],
    paymentIban: ['paymentIban', 'venueAdmin.error.iban'],
    keyInstructions: ['keyInstructions', 'validation.tooLong'],
    contactName: ['contactName', 'validation.tooLong'],
    minMinutes: ['minHours', 'venueAdmin.error.hours'],
    maxMinutes: ['maxHours', 'venueAdmin.error.maxMinutes'],
    bufferBeforeMinutes: ['bufferBeforeMinutes', 'venueAdmin.error.wholeNumber'],
    bufferAfterMinutes: ['bufferAfterMinutes', 'venueAdmin.error.wholeNumber'],
    minNoticeHours: ['minNoticeHours', 'venueAdmin.error.wholeNumber'],
    maxDaysAhead: ['maxDaysAhead', 'venueAdmin.error.wholeNumber'],
    priceMembersCents: ['priceMembers', 'venueAdmin.error.euros'],
    priceRegionCents: ['priceRegion', 'venueAdmin.error.euros'],
    pricePrivateCents: ['pricePrivate', 'venueAdmin.error.euros'],
    depositCents: ['deposit', 'venueAdmin.error.euros'],
    freeCancellationHours: ['freeCancellationHours', 'venueAdmin.error.wholeNumber'],
    cancellationFeePercent: ['cancellationFeePercent', 'venueAdmin.error.percent'],
    altText: ['altText', 'venueAdmin.error.altText'],
    photo: ['photo', 'venueAdmin.error.photo'],
    openingHours: ['hoursMode', 'venueAdmin.error.openingHours'],
    closedDates: ['form', 'venueAdmin.error.closedDates'],
    description: ['form', 'validation.checkField'],
  },
  formFields: [
    'address',
    'altText',
    'bufferAfterMinutes',
    'bufferBeforeMinutes',
    'cancellationFeePercent',
    'capacity',
    'contactEmail',
    'contactName',
    'contactPhone',
    'deposit',
    'freeCancellationHours',
    'hoursMode',
    'keyInstructions',
    'maxDaysAhead',
    'maxHours',
    'minHours',
    'minNoticeHours',
    'name',
    'paymentIban',
    'photo',
    'priceMembers',
    'pricePrivate',
    'priceRegion',
    'villageId',
  ],
  fallback: 'validation.checkField',
} as const satisfies ApiErrorMapping;
