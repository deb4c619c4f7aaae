import type { FieldErrors } from '../../lib/forms';
import { formatEuros, parseEuros, parseWholeNumber } from '../venue-admin/venue-admin-forms';
import { itemCategories } from './lending-labels';
import type { Borrowers, ItemDetails } from './lending-view';

export const itemFormFields = [
  'nameFi',
  'nameSv',
  'nameEn',
  'descriptionFi',
  'descriptionSv',
  'descriptionEn',
  'category',
  'quantity',
  'venueId',
  'address',
  'villageId',
  'pickUpInstructions',
  'borrowers',
  'approval',
  'feeMembers',
  'feeOrganisations',
  'feePrivate',
  'deposit',
  'maxDays',
  'noticeDays',
  'conditionNotes',
] as const;

const borrowerValues: Borrowers[] = ['members', 'region', 'residents'];

// The item form -> the api's body, in the words the api uses; or the field errors in plain words.
export function readItemForm(
  values: Record<string, string>,
  borrowers: string[],
  choices: { venueIds: string[]; villageIds: string[] },
): { body: Record<string, unknown>; errors: null } | { body: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const text = (name: string) => (values[name] ?? '').trim();
  const name = { fi: text('nameFi'), sv: text('nameSv'), en: text('nameEn') };
  if (!name.fi && !name.sv && !name.en) errors.nameFi = 'lendingAdmin.form.nameHint';
  if (!(itemCategories as readonly string[]).includes(text('category'))) errors.category = 'validation.choose';
  const quantity = parseWholeNumber(text('quantity'));
  if (quantity === null || quantity < 1) errors.quantity = 'lending.search.quantityInvalid';
  if (text('venueId') && !choices.venueIds.includes(text('venueId'))) errors.venueId = 'validation.choose';
  if (text('villageId') && !choices.villageIds.includes(text('villageId'))) errors.villageId = 'validation.choose';
  // Kept at a Talkoot venue, or at an address in a village (the search finds it by village).
  if (!text('venueId') && !text('address')) errors.address = 'validation.required';
  if (!text('venueId') && !text('villageId')) errors.villageId = 'validation.choose';
  const chosen = borrowers.filter((who): who is Borrowers => (borrowerValues as string[]).includes(who));
  if (chosen.length === 0) errors.borrowers = 'validation.choose';
  if (text('approval') !== 'yes' && text('approval') !== 'no') errors.approval = 'validation.choose';
  const cents = (field: string, isOptional = false) => {
    if (isOptional && !text(field)) return null;
    const parsed = parseEuros(text(field) || '0');
    if (parsed === null) errors[field] = 'venueAdmin.error.euros';
    return parsed;
  };
  const days = (field: string) => {
    if (!text(field)) return null;
    const parsed = parseWholeNumber(text(field));
    if (parsed === null) errors[field] = 'lending.search.quantityInvalid';
    return parsed;
  };
  const body = {
    name,
    description: { fi: text('descriptionFi'), sv: text('descriptionSv'), en: text('descriptionEn') },
    category: text('category'),
    quantity,
    venueId: text('venueId') || null,
    address: text('address'),
    villageId: text('villageId') || null,
    pickUpInstructions: text('pickUpInstructions'),
    borrowers: chosen,
    isApprovalRequired: text('approval') === 'yes',
    feeMembersCents: cents('feeMembers'),
    feeOrganisationsCents: cents('feeOrganisations'),
    feePrivateCents: cents('feePrivate'),
    depositCents: cents('deposit', true),
    maxDays: days('maxDays'),
    noticeDays: days('noticeDays'),
    conditionNotes: text('conditionNotes'),
  };
  return Object.keys(errors).length > 0 ? { body: null, errors } : { body, errors: null };
}

// A saved item as the form's text values, to edit.
export function itemFormValues(item: ItemDetails): Record<string, string> {
  return {
    nameFi: item.name.fi ?? '',
    nameSv: item.name.sv ?? '',
    nameEn: item.name.en ?? '',
    descriptionFi: item.description.fi ?? '',
    descriptionSv: item.description.sv ?? '',
    descriptionEn: item.description.en ?? '',
    category: item.category,
    quantity: String(item.quantity),
    venueId: item.venueId ?? '',
    address: item.address,
    villageId: item.villageId ?? '',
    pickUpInstructions: item.pickUpInstructions,
    borrowers: item.borrowers.join(' '),
    approval: item.isApprovalRequired ? 'yes' : 'no',
    feeMembers: formatEuros(item.feeMembersCents),
    feeOrganisations: formatEuros(item.feeOrganisationsCents),
    feePrivate: formatEuros(item.feePrivateCents),
    deposit: item.depositCents === null ? '' : formatEuros(item.depositCents),
    maxDays: item.maxDays === null ? '' : String(item.maxDays),
    noticeDays: item.noticeDays === null ? '' : String(item.noticeDays),
    conditionNotes: item.conditionNotes,
  };
}
