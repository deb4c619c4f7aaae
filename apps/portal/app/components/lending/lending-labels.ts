import type { Language, MessageKey } from '../../lib/i18n';

// The categories, in the order a person scans them.
export const itemCategories = [
  'furniture',
  'tents',
  'kitchen',
  'soundLight',
  'sportOutdoor',
  'tools',
  'children',
  'other',
] as const;
export type ItemCategory = (typeof itemCategories)[number];

export const categoryKeys: Record<ItemCategory, MessageKey> = {
  furniture: 'lending.category.furniture',
  tents: 'lending.category.tents',
  kitchen: 'lending.category.kitchen',
  soundLight: 'lending.category.soundLight',
  sportOutdoor: 'lending.category.sportOutdoor',
  tools: 'lending.category.tools',
  children: 'lending.category.children',
  other: 'lending.category.other',
};

export const loanStates = ['requested', 'approved', 'denied', 'pickedUp', 'returned', 'cancelled', 'expired', 'overdue'] as const;
export type LoanState = (typeof loanStates)[number];

export const loanStateKeys: Record<LoanState, MessageKey> = {
  requested: 'lending.state.requested',
  approved: 'lending.state.approved',
  denied: 'lending.state.denied',
  pickedUp: 'lending.state.pickedUp',
  returned: 'lending.state.returned',
  cancelled: 'lending.state.cancelled',
  expired: 'lending.state.expired',
  overdue: 'lending.state.overdue',
};

export type LocalisedText = Partial<Record<Language, string | null>>;

// An item's name or description in the reader's language, else Finnish, else whatever it has: the
// owner must write at least one.
export function localised(text: LocalisedText, language: Language): string {
  return text[language] || text.fi || text.sv || text.en || '';
}
