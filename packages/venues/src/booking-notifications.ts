import { type EntityManager, wrap } from '@mikro-orm/postgresql';
import { enqueueMails, renderTemplate } from '@talkoot/outbox/mail';
import type { Language } from '@talkoot/platform/schemas';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Booking, BookingSeries } from './booking.entity.js';
import { cancellationTerms } from './cancellation.js';
import { type BookingSeriesMailData, bookingSeriesUpdateTemplate } from './mail/booking-series-update.template.js';
import { type BookingUpdateMailData, bookingUpdateTemplate } from './mail/booking-update.template.js';

export type BookingUpdateKind =
  'requested' | 'approved' | 'denied' | 'cancelled' | 'expired' | 'offered' | 'reminder' | 'assisted';
export type SeriesUpdateKind = 'requested' | 'approved' | 'denied' | 'cancelled';

const eventStatus: Record<BookingUpdateKind, ICalEventStatus> = {
  requested: ICalEventStatus.TENTATIVE,
  offered: ICalEventStatus.TENTATIVE,
  approved: ICalEventStatus.CONFIRMED,
  reminder: ICalEventStatus.CONFIRMED,
  assisted: ICalEventStatus.CONFIRMED,
  denied: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
  expired: ICalEventStatus.CANCELLED,
};

// Calendar apps replace an event with the same UID and a higher SEQUENCE: a request, then its answer.
const sequence: Record<BookingUpdateKind, number> = {
  offered: 0,
  requested: 0,
  approved: 1,
  reminder: 1,
  assisted: 1,
  denied: 1,
  expired: 1,
  cancelled: 2,
};

function addEvent(calendar: ReturnType<typeof ical>, booking: Booking, kind: BookingUpdateKind, publicOrigin: string): void {
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
}

// The booking(s) as an .ics attachment (UTC times; calendars show them in local time).
export function bookingCalendar(bookings: Booking[], kind: BookingUpdateKind, publicOrigin: string): string {
  const calendar = ical({
    prodId: { company: 'Talkoot', product: 'bookings', language: 'FI' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const booking of bookings) addEvent(calendar, booking, kind, publicOrigin);
  return calendar.toString();
}

function payment(booking: Booking): BookingUpdateMailData['payment'] {
  if (booking.priceCents + booking.depositCents === 0) return undefined;
  return {
    priceCents: booking.priceCents,
    depositCents: booking.depositCents,
    iban: booking.space.venue.paymentIban,
    referenceNumber: booking.referenceNumber,
    recipient: booking.space.venue.organisation.name,
  };
}

function contact(booking: Booking): string | undefined {
  const venue = booking.space.venue;
  const parts = [venue.contactName, venue.contactPhone, venue.contactEmail].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

interface Recipient {
  email: string;
  name: string;
  language: Language;
}

// The person a booking's answers go to: the requester, or the resident a coordinator booked for.
function bookerOf(booking: Booking): Recipient | undefined {
  if (booking.requester) return booking.requester;
  if (booking.guestEmail) return { email: booking.guestEmail, name: booking.guestName ?? '', language: 'fi' };
  return undefined;
}

// The raw benchmark route runs this very text.
export const OWNER_COORDINATORS_SQL = `select "u"."name", "u"."email", "u"."language" from "memberships" as "m" join "users" as "u" on "u"."id" = "m"."user_id" where "m"."organisation_id" = ? and "m"."role" in ('admin', 'coordinator')`;

// Who decides on the owner's bookings, as plain rows: their mails need nothing else of them.
async function ownerCoordinators(em: EntityManager, organisationId: string): Promise<Recipient[]> {
  return em.execute<Recipient[]>(OWNER_COORDINATORS_SQL, [organisationId]);
}

const confirmedKinds: readonly BookingUpdateKind[] = ['approved', 'reminder', 'assisted'];

// Writes the mails of a booking change into the caller's transaction (the outbox): a request
// goes to the owner's admins and coordinators, every answer to the person who asked.
export async function notifyBookingUpdate(
  em: EntityManager,
  booking: Booking,
  kind: BookingUpdateKind,
  input: { publicOrigin: string; reason?: string; booker?: Recipient },
): Promise<void> {
  // A request goes to the owner's coordinators, and a caller that has the booker at hand (the
  // signed-in requester) passes them: either way the requester need not be loaded.
  const needsRequester = kind !== 'requested' && !input.booker;
  // A booking just placed has its space, venue and owner loaded already: no populate then.
  const space = booking.space;
  const loaded =
    wrap(space).isInitialized() && wrap(space.venue).isInitialized() && wrap(space.venue.organisation).isInitialized();
  if (needsRequester || !loaded)
    await em.populate(booking, needsRequester ? ['space.venue.organisation', 'requester'] : ['space.venue.organisation']);
  const booker = kind === 'requested' ? undefined : (input.booker ?? bookerOf(booking));
  const recipients =
    kind === 'requested' ? await ownerCoordinators(em, booking.space.venue.organisation.id) : booker ? [booker] : [];
  if (!recipients.length) return;
  const calendar = bookingCalendar([booking], kind, input.publicOrigin);
  const terms = cancellationTerms(booking.startsAt, new Date(), booking.space, booking.priceCents);
  const isConfirmed = confirmedKinds.includes(kind);
  const data: BookingUpdateMailData = {
    kind,
    venueName: booking.space.venue.name,
    spaceName: booking.space.name,
    title: booking.title,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    ...(input.reason ? { reason: input.reason } : {}),
    link: `${input.publicOrigin}/bookings`,
    ...(kind === 'denied' || kind === 'cancelled' || kind === 'expired'
      ? {}
      : { payment: payment(booking), contact: contact(booking) }),
    ...(isConfirmed && booking.space.venue.keyInstructions ? { keyInstructions: booking.space.venue.keyInstructions } : {}),
    ...(isConfirmed || kind === 'requested'
      ? {
          freeCancellationUntil: terms.freeUntil.toISOString(),
          cancellationFeeCents: Math.round((booking.priceCents * booking.space.cancellationFeePercent) / 100),
        }
      : {}),
    ...(kind === 'offered' && booking.expiresAt ? { offerExpiresAt: booking.expiresAt.toISOString() } : {}),
  };
  // Every recipient's mail in one insert statement, outside the unit of work.
  await enqueueMails(
    em,
    recipients.map((recipient) => ({
      to: recipient.email,
      toName: recipient.name,
      language: recipient.language,
      template: 'booking-update',
      rendered: renderTemplate('booking-update', bookingUpdateTemplate, data, recipient.language, {
        recipientName: recipient.name.trim() || undefined,
      }),
      attachments: [{ filename: 'varaus.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendar }],
    })),
  );
}

// One mail for a whole series: the request to the owner's coordinators, answers to the requester.
export async function notifySeriesUpdate(
  em: EntityManager,
  series: BookingSeries,
  occurrences: Booking[],
  kind: SeriesUpdateKind,
  input: { publicOrigin: string; reason?: string; conflicts?: { startsAt: Date; endsAt: Date }[] },
): Promise<void> {
  if (!occurrences.length) return;
  await em.populate(series, ['space.venue.organisation', 'requester']);
  const first = occurrences[0]!;
  const recipients =
    kind === 'requested'
      ? await ownerCoordinators(em, series.space.venue.organisation.id)
      : series.requester
        ? [series.requester]
        : [];
  const calendar = bookingCalendar(occurrences, kind, input.publicOrigin);
  const totalPrice = occurrences.reduce((sum, booking) => sum + booking.priceCents, 0);
  const data: BookingSeriesMailData = {
    kind,
    venueName: series.space.venue.name,
    spaceName: series.space.name,
    title: series.title,
    occurrences: occurrences.map((booking) => ({
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
    })),
    conflicts: (input.conflicts ?? []).map((conflict) => ({
      startsAt: conflict.startsAt.toISOString(),
      endsAt: conflict.endsAt.toISOString(),
    })),
    ...(input.reason ? { reason: input.reason } : {}),
    link: `${input.publicOrigin}/bookings`,
    ...(kind !== 'denied' && kind !== 'cancelled' && totalPrice + first.depositCents > 0
      ? {
          payment: {
            priceCents: totalPrice,
            depositCents: first.depositCents,
            iban: series.space.venue.paymentIban,
            referenceNumber: first.referenceNumber,
            recipient: series.space.venue.organisation.name,
          },
        }
      : {}),
  };
  await enqueueMails(
    em,
    recipients.map((recipient) => ({
      to: recipient.email,
      toName: recipient.name,
      language: recipient.language,
      template: 'booking-series-update',
      rendered: renderTemplate('booking-series-update', bookingSeriesUpdateTemplate, data, recipient.language, {
        recipientName: recipient.name.trim() || undefined,
      }),
      attachments: [
        { filename: 'varaukset.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendar },
      ],
    })),
  );
}
