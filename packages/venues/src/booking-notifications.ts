import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership } from '@talkoot/identity';
import { enqueueMail } from '@talkoot/notifications';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Booking } from './booking.entity.js';

export type BookingUpdateKind = 'requested' | 'approved' | 'denied' | 'cancelled' | 'expired';

const eventStatus: Record<BookingUpdateKind, ICalEventStatus> = {
  requested: ICalEventStatus.TENTATIVE,
  approved: ICalEventStatus.CONFIRMED,
  denied: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
  expired: ICalEventStatus.CANCELLED,
};

// Calendar apps replace an event with the same UID and a higher SEQUENCE: a request, then its answer.
const sequence: Record<BookingUpdateKind, number> = { requested: 0, approved: 1, denied: 1, cancelled: 2, expired: 1 };

// The booking as an .ics attachment (UTC times; calendars show them in local time).
export function bookingCalendar(booking: Booking, kind: BookingUpdateKind, publicOrigin: string): string {
  const calendar = ical({ prodId: { company: 'Talkoot', product: 'bookings', language: 'FI' }, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: `booking-${booking.id}@talkoot`,
    start: booking.startsAt,
    end: booking.endsAt,
    summary: `${booking.title} – ${booking.space.venue.name}`,
    location: `${booking.space.venue.name}, ${booking.space.name}, ${booking.space.venue.address}`,
    description: `${publicOrigin}/bookings`,
    status: eventStatus[kind],
    sequence: sequence[kind],
  });
  return calendar.toString();
}

// Writes the mails of a booking change into the caller's transaction (the outbox): a request
// goes to the owner's admins and coordinators, every answer to the person who asked.
export async function notifyBookingUpdate(em: EntityManager, booking: Booking, kind: BookingUpdateKind, input: { publicOrigin: string; reason?: string }): Promise<void> {
  await em.populate(booking, ['space.venue.organisation', 'requester']);
  const recipients =
    kind === 'requested'
      ? (await em.find(Membership, { organisation: booking.space.venue.organisation.id, role: { $in: ['admin', 'coordinator'] } }, { populate: ['user'] })).map(
          (membership) => membership.user,
        )
      : booking.requester
        ? [booking.requester]
        : [];
  const calendar = bookingCalendar(booking, kind, input.publicOrigin);
  for (const recipient of recipients) {
    enqueueMail(em, {
      to: recipient.email,
      toName: recipient.name,
      language: recipient.language,
      template: 'booking-update',
      data: {
        kind,
        venueName: booking.space.venue.name,
        spaceName: booking.space.name,
        title: booking.title,
        startsAt: booking.startsAt.toISOString(),
        endsAt: booking.endsAt.toISOString(),
        ...(input.reason ? { reason: input.reason } : {}),
        link: `${input.publicOrigin}/bookings`,
      },
      attachments: [{ filename: 'varaus.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendar }],
    });
  }
}
