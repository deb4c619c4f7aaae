// What each reason the api gives (`error.reason`, `error.fieldReasons`, a quote's `problemReason`)
// says to a person: a message key, so fi/sv/en. The domains declare their reasons beside their
// schemas; this table must name every one (the compiler checks). Type-only imports: this module is
// safe in the browser bundle.
import type { calendarErrors, eventErrors } from '@talkoot/events/schemas';
import type { authErrors, invitationErrors, membershipErrors, organisationErrors, placeErrors } from '@talkoot/identity/schemas';
import type { itemPhotoErrors } from '@talkoot/lending/schemas';
import type { ReasonOf } from '@talkoot/platform/schemas';
import type {
  bookingErrors,
  bookingTimeErrors,
  photoErrors,
  seriesErrors,
  spaceErrors,
  venueErrors,
  waitlistErrors,
} from '@talkoot/venues/schemas';
import type { claimErrors, hoursErrors, swapErrors, taskErrors } from '@talkoot/volunteering/schemas';
import type { MessageKey } from './i18n';

export type ApiReason =
  | ReasonOf<typeof authErrors>
  | ReasonOf<typeof placeErrors>
  | ReasonOf<typeof organisationErrors>
  | ReasonOf<typeof membershipErrors>
  | ReasonOf<typeof invitationErrors>
  | ReasonOf<typeof bookingTimeErrors>
  | ReasonOf<typeof bookingErrors>
  | ReasonOf<typeof seriesErrors>
  | ReasonOf<typeof waitlistErrors>
  | ReasonOf<typeof photoErrors>
  | ReasonOf<typeof itemPhotoErrors>
  | ReasonOf<typeof venueErrors>
  | ReasonOf<typeof spaceErrors>
  | ReasonOf<typeof eventErrors>
  | ReasonOf<typeof calendarErrors>
  | ReasonOf<typeof taskErrors>
  | ReasonOf<typeof claimErrors>
  | ReasonOf<typeof swapErrors>
  | ReasonOf<typeof hoursErrors>;

// Every reason a domain declares: the compiler refuses this table until a new one is here.
export const reasonMessages: Record<ApiReason, MessageKey> = {
  'auth.link_invalid': 'apiError.auth.linkInvalid',
  'auth.code_wrong': 'signIn.codeInvalid',
  'auth.too_many_requests': 'signIn.rateLimited',
  'place.village_unknown': 'validation.choose',
  'organisation.business_id_taken': 'validation.businessIdTaken',
  'membership.last_admin': 'admin.members.lastAdmin',
  'invitation.already_member': 'validation.alreadyMember',
  'invitation.name_required': 'validation.required',
  'booking.in_past': 'apiError.booking.inPast',
  'booking.too_far_ahead': 'apiError.booking.tooFarAhead',
  'booking.too_short': 'apiError.booking.tooShort',
  'booking.too_long': 'apiError.booking.tooLong',
  'booking.too_soon': 'apiError.booking.tooSoon',
  'booking.outside_window': 'apiError.booking.outsideWindow',
  'booking.outside_opening_hours': 'apiError.booking.outsideOpeningHours',
  'booking.closed_date': 'apiError.booking.closedDate',
  'booking.slot_taken': 'assisted.form.taken',
  'booking.organisation_required': 'venues.form.organisationRequired',
  'booking.not_member_of_organisation': 'venues.form.notAllowed',
  'booking.members_only': 'venues.form.notAllowed',
  'booking.not_yours': 'apiError.booking.notYours',
  'booking.not_for_resident': 'apiError.booking.notForResident',
  'booking.not_requested': 'apiError.booking.notRequested',
  'booking.not_active': 'apiError.booking.notActive',
  'booking.not_offered': 'apiError.booking.offerGone',
  'booking.offer_expired': 'apiError.booking.offerGone',
  'booking.nothing_to_pay': 'apiError.booking.nothingToPay',
  'series.no_dates': 'events.form.noDates',
  'series.too_many_dates': 'apiError.series.tooManyDates',
  'series.all_taken': 'series.form.noneFree',
  'series.nothing_waiting': 'apiError.series.nothingWaiting',
  'series.nothing_ahead': 'apiError.series.nothingAhead',
  'series.not_yours': 'apiError.series.notYours',
  'waitlist.time_free': 'waitlist.form.isFree',
  'waitlist.already_queued': 'waitlist.form.already',
  'waitlist.not_yours': 'apiError.waitlist.notYours',
  'waitlist.not_active': 'apiError.waitlist.notActive',
  'photo.missing': 'venueAdmin.error.photo',
  'photo.unreadable': 'venueAdmin.error.photo',
  'photo.alt_text_length': 'venueAdmin.error.altText',
  'photo.too_many': 'venueAdmin.error.photoFull',
  'itemPhoto.missing': 'venueAdmin.error.photo',
  'itemPhoto.unreadable': 'venueAdmin.error.photo',
  'itemPhoto.alt_text_length': 'venueAdmin.error.altText',
  'itemPhoto.too_many': 'lendingAdmin.photos.fullError',
  'venue.village_unknown': 'validation.choose',
  'space.parent_unknown': 'validation.choose',
  'space.parent_has_bookings': 'apiError.space.parentHasBookings',
  'space.max_below_min': 'venueAdmin.error.maxMinutes',
  'event.recurring_times': 'events.form.fixedTimes',
  'event.end_before_start': 'venues.form.endBeforeStart',
  'event.too_long': 'apiError.event.tooLong',
  'event.no_dates': 'events.form.noDates',
  'event.too_many_dates': 'events.form.tooManyDates',
  'event.co_organiser_unknown': 'validation.choose',
  'event.venue_unknown': 'validation.choose',
  'event.booking_not_linkable': 'apiError.event.bookingNotLinkable',
  'event.not_draft': 'events.form.notAllowed',
  'event.already_cancelled': 'events.form.notAllowed',
  'event.not_co_organiser': 'events.form.notAllowed',
  'event.image_missing': 'events.image.error.file',
  'event.image_unreadable': 'events.image.error.unreadable',
  'event.image_alt_length': 'events.image.error.altLength',
  'calendar.filter_invalid': 'validation.checkField',
  'calendar.period_too_long': 'apiError.calendar.periodTooLong',
  'calendar.confirmations_limited': 'calendar.digest.tooMany',
  'volunteerTask.shift_has_claims': 'apiError.volunteerTask.shiftHasClaims',
  'volunteerTask.capacity_below_taken': 'apiError.volunteerTask.capacityBelowTaken',
  'volunteerTask.shift_unknown': 'apiError.volunteerTask.shiftUnknown',
  'volunteerTask.nothing_to_save': 'apiError.volunteerTask.nothingToSave',
  'volunteerTask.template_unknown': 'apiError.volunteerTask.templateUnknown',
  'volunteerTask.in_past': 'apiError.volunteerTask.inPast',
  'volunteerClaim.shift_full': 'apiError.volunteerClaim.shiftFull',
  'volunteerClaim.already_claimed': 'apiError.volunteerClaim.alreadyClaimed',
  'volunteerClaim.requirements_not_confirmed': 'apiError.volunteerClaim.requirementsNotConfirmed',
  'volunteerClaim.shift_started': 'apiError.volunteerClaim.shiftStarted',
  'volunteerClaim.wrong_state': 'apiError.volunteerClaim.wrongState',
  'volunteerClaim.not_yours': 'apiError.volunteerClaim.notYours',
  'volunteerClaim.token_invalid': 'apiError.volunteerClaim.tokenInvalid',
  'volunteerClaim.token_used': 'apiError.volunteerClaim.tokenUsed',
  'volunteerClaim.sheet_over_capacity': 'apiError.volunteerClaim.sheetOverCapacity',
  'volunteerClaim.shift_not_in_event': 'apiError.volunteerClaim.shiftNotInEvent',
  'volunteerClaim.attendance_too_early': 'apiError.volunteerClaim.attendanceTooEarly',
  'volunteerClaim.claim_not_on_shift': 'apiError.volunteerClaim.claimNotOnShift',
  'volunteerClaim.guest_claims_limited': 'apiError.volunteerClaim.guestClaimsLimited',
  'volunteerSwap.taken': 'apiError.volunteerSwap.taken',
  'volunteerSwap.not_for_you': 'apiError.volunteerSwap.notForYou',
  'volunteerSwap.own_offer': 'apiError.volunteerSwap.ownOffer',
  'volunteerSwap.open_already': 'apiError.volunteerSwap.openAlready',
  'volunteerHours.not_standing_work': 'apiError.volunteerHours.notStandingWork',
  'volunteerHours.in_future': 'apiError.volunteerHours.inFuture',
  'volunteerHours.wrong_state': 'apiError.volunteerHours.wrongState',
};

export function isApiReason(reason: unknown): reason is ApiReason {
  return typeof reason === 'string' && Object.hasOwn(reasonMessages, reason);
}
