// Browser-safe: why the event calendar refuses a request (error.reason), and the class of each.
import { defineErrorReasons } from '@talkoot/platform/schemas';

export const eventErrors = defineErrorReasons('event', {
  // A recurring event's times change one date at a time.
  recurring_times: 'validation_failed',
  end_before_start: 'validation_failed',
  // At most MAX_EVENT_DAYS from start to end; a longer happening repeats.
  too_long: 'validation_failed',
  // The recurrence gives no date before its last date, or more than an event may have.
  no_dates: 'validation_failed',
  too_many_dates: 'validation_failed',
  co_organiser_unknown: 'validation_failed',
  venue_unknown: 'validation_failed',
  // Only a booking made by the event's own organisers can be linked to it.
  booking_not_linkable: 'validation_failed',
  not_draft: 'rule_violation',
  already_cancelled: 'rule_violation',
  // Only an organisation asked to co-organise an event answers for it.
  not_co_organiser: 'not_found',
  image_missing: 'rule_violation',
  image_unreadable: 'rule_violation',
  image_alt_length: 'rule_violation',
});

export const calendarErrors = defineErrorReasons('calendar', {
  filter_invalid: 'validation_failed',
  period_too_long: 'validation_failed',
  confirmations_limited: 'rate_limited',
});
