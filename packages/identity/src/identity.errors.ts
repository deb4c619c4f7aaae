// Browser-safe: why identity refuses a request (error.reason), and the class each is answered with.
import { defineErrorReasons } from '@talkoot/platform/schemas';

export const authErrors = defineErrorReasons('auth', {
  // The link is wrong, used or expired (the same answer for each, so a link cannot be probed).
  link_invalid: 'invalid_sign_in',
  // The code is wrong, used, expired or burnt by too many guesses.
  code_wrong: 'invalid_sign_in',
  too_many_requests: 'rate_limited',
});

export const placeErrors = defineErrorReasons('place', {
  village_unknown: 'validation_failed',
});

export const organisationErrors = defineErrorReasons('organisation', {
  business_id_taken: 'conflict',
});

export const membershipErrors = defineErrorReasons('membership', {
  // An organisation keeps at least one admin: a role change, a removal or an account deletion.
  last_admin: 'rule_violation',
});

export const invitationErrors = defineErrorReasons('invitation', {
  already_member: 'conflict',
  name_required: 'validation_failed',
});
