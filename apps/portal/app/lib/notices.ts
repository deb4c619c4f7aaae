import type { MessageKey } from './i18n';

// One-shot notices shown after a redirect (post/redirect/get). Only these values are accepted
// from the notice cookie, so a forged cookie cannot inject text.
export const notices = {
  signed_in: 'notice.signedIn',
  signed_out: 'notice.signedOut',
  profile_saved: 'notice.profileSaved',
  account_deleted: 'notice.accountDeleted',
  invitation_accepted: 'notice.invitationAccepted',
  organisation_created: 'notice.organisationCreated',
  organisation_saved: 'notice.organisationSaved',
  member_role_changed: 'notice.memberRoleChanged',
  member_removed: 'notice.memberRemoved',
  invitation_sent: 'notice.invitationSent',
  invitation_revoked: 'notice.invitationRevoked',
  series_cancelled: 'bookings.notice.seriesCancelled',
  series_approved: 'bookings.notice.seriesApproved',
  series_denied: 'bookings.notice.seriesDenied',
  booking_paid: 'bookings.notice.paid',
  booking_unpaid: 'bookings.notice.unpaid',
  booking_cancelled_for_resident: 'bookings.notice.cancelledForResident',
  offer_accepted: 'waitlist.notice.accepted',
  offer_declined: 'waitlist.notice.declined',
  waitlist_joined: 'waitlist.notice.joined',
  waitlist_left: 'waitlist.notice.left',
  assisted_booked: 'assisted.notice.booked',
  loan_picked_up: 'lending.item.pickedUpDone',
  loan_returned: 'lending.item.returnedDone',
  loan_cancelled: 'loans.cancelled',
  loan_approved: 'lendingAdmin.approved',
  loan_denied: 'lendingAdmin.denied',
  loan_return_saved: 'lendingAdmin.returned',
  lending_item_saved: 'lendingAdmin.form.saved',
  transport_task_created: 'lendingAdmin.transport.created',
  volunteer_template_saved: 'volunteeringAdmin.ownTemplates.saved',
  volunteer_task_cancelled: 'volunteeringAdmin.cancelTask.done',
  volunteer_template_deleted: 'volunteeringAdmin.ownTemplates.deleted',
  lending_photo_added: 'venueAdmin.done.photoAdded',
  lending_photo_deleted: 'venueAdmin.done.photoDeleted',
  give_away_offered: 'giveAway.notice.offered',
  give_away_claimed: 'giveAway.notice.claimed',
  give_away_confirmed: 'giveAway.notice.confirmed',
  give_away_declined: 'giveAway.notice.declined',
  give_away_withdrawn: 'giveAway.notice.withdrawn',
  lending_oos_saved: 'lendingAdmin.oos.saved',
  lending_oos_ended: 'lendingAdmin.oos.ended',
} as const satisfies Record<string, MessageKey>;

export type Notice = keyof typeof notices;

export function isNotice(value: unknown): value is Notice {
  return typeof value === 'string' && Object.hasOwn(notices, value);
}
