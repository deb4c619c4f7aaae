// Browser-safe: why lending refuses a request (error.reason), and the class each is answered with.
import { defineErrorReasons } from '@talkoot/platform/schemas';

export const itemErrors = defineErrorReasons('item', {
  // The item is kept neither at a venue nor at an address with a village.
  place_required: 'rule_violation',
  village_unknown: 'rule_violation',
  // A kit's parts must be other, plain items of the same owner.
  kit_part_unknown: 'rule_violation',
  kit_part_is_kit: 'rule_violation',
  kit_has_no_parts: 'rule_violation',
  // More units out of service than the item has.
  units_beyond_stock: 'rule_violation',
  // Fewer units than are offered to give away (withdraw the offer first), or an item already given away.
  units_offered: 'rule_violation',
  given_away: 'rule_violation',
});

export const loanErrors = defineErrorReasons('loan', {
  // Another loan (or units out of service) took what was free: `details.items` says how many are
  // free of each item over the period.
  not_enough_free: 'conflict',
  item_unknown: 'rule_violation',
  // The same item twice in one request.
  duplicate_item: 'validation_failed',
  // The owner lends this item only to its own members, or not to private persons, …
  borrower_not_allowed: 'forbidden',
  not_member_of_organisation: 'forbidden',
  too_soon: 'rule_violation',
  too_long: 'rule_violation',
  in_past: 'rule_violation',
  // The loan is not in a state this change applies to (approve a cancelled loan, return a requested one).
  wrong_state: 'rule_violation',
  // More units counted back than are still out.
  return_beyond_outstanding: 'rule_violation',
  nothing_returned: 'validation_failed',
  // More than a loan's fee or deposit can hold (twenty million euros): a typo, not a loan.
  fee_too_large: 'rule_violation',
  not_yours: 'forbidden',
});

export const itemPhotoErrors = defineErrorReasons('itemPhoto', {
  missing: 'rule_violation',
  unreadable: 'rule_violation',
  alt_text_length: 'rule_violation',
  too_many: 'rule_violation',
});

export const kitErrors = defineErrorReasons('kit', {
  // A plain item cannot become a kit (or a kit stop being one): its loans count the other way.
  kind_fixed: 'rule_violation',
});

export const giveAwayErrors = defineErrorReasons('giveAway', {
  // More units than are free from now on (loans, units out of service and other offers hold the rest):
  // `details.free` says how many may be offered.
  not_enough_free: 'conflict',
  // A kit is given away as its parts.
  kit: 'rule_violation',
  // The item was already given away whole.
  item_given_away: 'rule_violation',
  // The offer is not in a state this change applies to (confirm an unclaimed offer, withdraw a given one).
  wrong_state: 'rule_violation',
  // Another organisation claimed it first.
  already_claimed: 'conflict',
  // An organisation cannot claim what it offers itself.
  own_offer: 'rule_violation',
  // Offers go to the organisations of the owner's own region.
  other_region: 'forbidden',
});
