import { helsinkiToInstant, isClockText, isRealDate } from '@talkoot/platform/time';
import type { FieldErrors } from '../../lib/forms';
import type { LoanRequestInput } from './lending-api.server';
import { takeField } from './lending-results';
import type { SearchValues } from './lending-search';
import type { SearchHit } from './lending-view';

// The request form around the search hits -> one request to several owners, or the field errors.
// Quantities are checked against what the search just showed free; the api checks again under its
// row lock, and a race lost there comes back as a conflict.
export function readLoanRequest(
  form: Record<string, string>,
  search: SearchValues,
  hits: SearchHit[],
  organisationIds: string[],
): { input: LoanRequestInput; errors: null } | { input: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const lines: LoanRequestInput['lines'] = [];
  for (const hit of hits) {
    const field = takeField(hit.item.id);
    const text = (form[field] ?? '').trim();
    if (text === '' || text === '0') continue;
    if (!/^\d{1,5}$/.test(text)) errors[field] = 'lending.search.quantityInvalid';
    else if (Number(text) > hit.free) errors[field] = 'lending.request.tooMany';
    else lines.push({ itemId: hit.item.id, quantity: Number(text) });
  }
  if (lines.length === 0 && Object.keys(errors).length === 0) errors.form = 'lending.request.noneChosen';
  const organisationId = form.organisationId ?? '';
  if (organisationId && !organisationIds.includes(organisationId)) errors.organisationId = 'validation.choose';
  const collector = (form.collector ?? '').trim();
  if (!collector) errors.collector = 'lending.request.collectorRequired';
  const collectDate = (form.collectDate ?? '').trim();
  const collectTime = (form.collectTime ?? '').trim();
  if (collectDate && !isRealDate(collectDate)) errors.collectDate = 'lending.search.dateInvalid';
  if (collectTime && !isClockText(collectTime)) errors.collectTime = 'lending.search.timeInvalid';
  if (collectTime && !collectDate) errors.collectDate = 'lending.search.dateRequired';
  if (form.transport !== 'yes' && form.transport !== 'no') errors.transport = 'validation.choose';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const collectAt = collectDate ? helsinkiToInstant(collectDate, collectTime || '12:00')!.iso : null;
  return {
    input: {
      lines,
      startsAt: helsinkiToInstant(search.fromDate, search.fromTime)!.iso,
      endsAt: helsinkiToInstant(search.toDate, search.toTime)!.iso,
      organisationId: organisationId || null,
      collector,
      collectAt,
      isTransportNeeded: form.transport === 'yes',
      message: (form.message ?? '').trim(),
    },
    errors: null,
  };
}
