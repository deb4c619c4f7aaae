import { helsinkiToday, isClockText, isRealDate } from '@talkoot/platform/time';
import type { FieldErrors } from '../../lib/forms';
import { itemCategories } from './lending-labels';

export const searchFields = [
  'text',
  'category',
  'quantity',
  'municipalityId',
  'villageId',
  'fromDate',
  'fromTime',
  'toDate',
  'toTime',
] as const;
export type SearchField = (typeof searchFields)[number];
export type SearchValues = Record<SearchField, string>;

// The search is a GET form: its values come from the address, trimmed, missing ones empty.
export function readSearch(query: URLSearchParams): { values: SearchValues; isSearch: boolean } {
  const values = Object.fromEntries(searchFields.map((name) => [name, query.get(name)?.trim() ?? ''])) as SearchValues;
  return { values, isSearch: searchFields.some((name) => query.has(name)) };
}

// Plain-word checks before asking the api, in the order of the form. Places are checked against
// the list the form offered.
export function checkSearch(
  values: SearchValues,
  places: { municipalityIds: string[]; villageIds: string[] },
  today: string = helsinkiToday(),
): FieldErrors {
  const errors: FieldErrors = {};
  if (values.category && !(itemCategories as readonly string[]).includes(values.category)) errors.category = 'validation.choose';
  if (values.quantity && !(/^\d{1,5}$/.test(values.quantity) && Number(values.quantity) >= 1))
    errors.quantity = 'lending.search.quantityInvalid';
  if (values.municipalityId && !places.municipalityIds.includes(values.municipalityId))
    errors.municipalityId = 'validation.choose';
  if (values.villageId && !places.villageIds.includes(values.villageId)) errors.villageId = 'validation.choose';
  checkDay(values.fromDate, 'fromDate', today, errors);
  checkClock(values.fromTime, 'fromTime', errors);
  checkDay(values.toDate, 'toDate', today, errors);
  checkClock(values.toTime, 'toTime', errors);
  const isComplete = !errors.fromDate && !errors.fromTime && !errors.toDate && !errors.toTime;
  if (isComplete && `${values.toDate}T${values.toTime}` <= `${values.fromDate}T${values.fromTime}`)
    errors.toTime = 'lending.search.endBeforeStart';
  return errors;
}

function checkDay(value: string, field: SearchField, today: string, errors: FieldErrors): void {
  if (!value) errors[field] = 'lending.search.dateRequired';
  else if (!isRealDate(value)) errors[field] = 'lending.search.dateInvalid';
  else if (value < today) errors[field] = 'lending.search.datePast';
}

function checkClock(value: string, field: SearchField, errors: FieldErrors): void {
  if (!value) errors[field] = 'lending.search.timeRequired';
  else if (!isClockText(value)) errors[field] = 'lending.search.timeInvalid';
}
