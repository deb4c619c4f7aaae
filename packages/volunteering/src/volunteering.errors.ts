// Browser-safe: why volunteering refuses a request (error.reason), and the class each is answered with.
import { defineErrorReasons } from '@talkoot/platform/schemas';

export const taskErrors = defineErrorReasons('volunteerTask', {
  // A shift that people already claimed cannot be removed or shrunk below its taken places.
  shift_has_claims: 'rule_violation',
  capacity_below_taken: 'rule_violation',
  shift_unknown: 'rule_violation',
  // The event has no tasks of this organisation to save as a template.
  nothing_to_save: 'rule_violation',
  template_unknown: 'not_found',
  // Standing work (no event) needs no event; a template is applied to an event only.
  in_past: 'rule_violation',
});

export const claimErrors = defineErrorReasons('volunteerClaim', {
  // Every place of the shift is taken: `details.free` is 0; join the waiting list instead.
  shift_full: 'conflict',
  // The same person holds (or waits for) a place on this shift already.
  already_claimed: 'conflict',
  // The volunteer must confirm every requirement of the task (hygiene passport, driving licence, 18+).
  requirements_not_confirmed: 'rule_violation',
  shift_started: 'rule_violation',
  // The claim is not in a state this applies to (withdraw a withdrawn claim, …).
  wrong_state: 'rule_violation',
  not_yours: 'forbidden',
  // A link from a mail that is unknown, used, expired or for another purpose.
  token_invalid: 'not_found',
  token_used: 'conflict',
  // The sheet names more people for a shift than it has free places: nothing was entered.
  sheet_over_capacity: 'conflict',
  shift_not_in_event: 'rule_violation',
  // Attendance is marked after the shift has started, for the shift's own placed claims.
  attendance_too_early: 'rule_violation',
  claim_not_on_shift: 'rule_violation',
  // Claims without an account mail a link to the address given: a stranger may not fill someone's
  // inbox with them (a few per address an hour).
  guest_claims_limited: 'rate_limited',
});

export const swapErrors = defineErrorReasons('volunteerSwap', {
  // Someone else accepted first, or the offer was cancelled.
  taken: 'conflict',
  not_for_you: 'forbidden',
  own_offer: 'rule_violation',
  open_already: 'conflict',
});

export const hoursErrors = defineErrorReasons('volunteerHours', {
  // Hours are logged on standing work (a task with no event) only; shifts are marked by the coordinator.
  not_standing_work: 'rule_violation',
  in_future: 'rule_violation',
  wrong_state: 'rule_violation',
});
