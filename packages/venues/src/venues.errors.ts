// Browser-safe: why venues refuse a request (error.reason), and the class each is answered with.
import { defineErrorReasons, type ReasonOf } from '@talkoot/platform/schemas';

// A time the space's own rules refuse, before any other booking is considered (timeProblem).
export const bookingTimeErrors = defineErrorReasons('booking', {
  in_past: 'rule_violation',
  too_far_ahead: 'rule_violation',
  too_short: 'rule_violation',
  too_long: 'rule_violation',
  // Less notice than the space asks for, or further ahead than its booking window opens.
  too_soon: 'rule_violation',
  outside_window: 'rule_violation',
  outside_opening_hours: 'rule_violation',
  closed_date: 'rule_violation',
});
export type BookingTimeReason = ReasonOf<typeof bookingTimeErrors>;
export const bookingTimeReasons = Object.values(bookingTimeErrors).map((error) => error.reason) as [
  BookingTimeReason,
  ...BookingTimeReason[],
];

export const bookingErrors = defineErrorReasons('booking', {
  slot_taken: 'conflict',
  organisation_required: 'validation_failed',
  not_member_of_organisation: 'forbidden',
  members_only: 'forbidden',
  not_yours: 'forbidden',
  not_for_resident: 'forbidden',
  not_requested: 'rule_violation',
  not_active: 'rule_violation',
  not_offered: 'rule_violation',
  offer_expired: 'rule_violation',
  nothing_to_pay: 'rule_violation',
});

export const seriesErrors = defineErrorReasons('series', {
  no_dates: 'rule_violation',
  too_many_dates: 'rule_violation',
  // Every date was taken or refused; `conflicts` says why for each.
  all_taken: 'conflict',
  nothing_waiting: 'rule_violation',
  nothing_ahead: 'rule_violation',
  not_yours: 'forbidden',
});

export const waitlistErrors = defineErrorReasons('waitlist', {
  time_free: 'rule_violation',
  already_queued: 'conflict',
  not_yours: 'forbidden',
  not_active: 'rule_violation',
});

export const photoErrors = defineErrorReasons('photo', {
  missing: 'rule_violation',
  unreadable: 'rule_violation',
  alt_text_length: 'rule_violation',
  too_many: 'rule_violation',
});

export const venueErrors = defineErrorReasons('venue', {
  // A venue's details name a village that does not exist (on a change; a new venue gets place.village_unknown).
  village_unknown: 'rule_violation',
});

export const spaceErrors = defineErrorReasons('space', {
  parent_unknown: 'validation_failed',
  // A space that has bookings of its own cannot get rooms under it.
  parent_has_bookings: 'rule_violation',
  max_below_min: 'rule_violation',
});
