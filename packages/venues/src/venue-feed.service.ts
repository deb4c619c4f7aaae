import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Representation, notFound, versionedRepresentation } from '@talkoot/platform';
import ical, { ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus } from 'ical-generator';
import { Booking } from './booking.entity.js';
import { Venue } from './venue.entity.js';
import { type BookingStatus, blockingStatuses } from './booking.schemas.js';

const DAY_MS = 86_400_000;
// What a calendar app needs: a month back (recent history) and a year ahead (the booking window).
const FEED_DAYS_BACK = 30;
const FEED_DAYS_AHEAD = 365;

const statusLabels: Partial<Record<BookingStatus, string>> = {
  requested: 'Pyydetty / Begärd / Requested',
  approved: 'Vahvistettu / Bekräftad / Confirmed',
  offered: 'Tarjottu jonosta / Erbjuden / Offered from the waiting list',
};

function eventStatus(status: BookingStatus): ICalEventStatus {
  return status === 'requested' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;
}

export function feedWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS), to: new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS) };
}

// Calendar feeds of a venue. The public one says only when each space is taken; the detailed
// one (behind the secret token) also says what and for whom, for the owner's coordinators.
// Times are written in UTC (`…Z`): no calendar zone is set, so ical-generator writes native Dates
// in UTC. A Helsinki local time would name two instants in the repeated autumn hour.
@Injectable()
export class VenueFeedService {
  constructor(private readonly orm: MikroORM) {}

  // Built per request (a venue's bookings are few); Last-Modified is when these bytes were first
  // served. The key names the venue, never the secret token.
  async servePublicFeed(venueId: string, now = new Date()): Promise<Representation> {
    return versionedRepresentation(this.orm.em.fork(), `venue-feed:${venueId}`, await this.publicFeed(venueId, now), now);
  }

  async servePrivateFeed(venueId: string, token: string, now = new Date()): Promise<Representation> {
    return versionedRepresentation(
      this.orm.em.fork(),
      `venue-private-feed:${venueId}`,
      await this.privateFeed(venueId, token, now),
      now,
    );
  }

  async publicFeed(venueId: string, now = new Date()): Promise<string> {
    const em = this.orm.em.fork();
    const venue = await em.findOne(Venue, { id: venueId });
    if (!venue) throw notFound('The calendar');
    const bookings = await this.findBookings(venue.id, now);
    const calendar = ical({
      name: `${venue.name} – varaukset / bokningar / bookings`,
      prodId: { company: 'Talkoot', product: 'venue-feed', language: 'FI' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 60 * 60,
    });
    for (const booking of bookings) {
      // No title, no names: only that the space is taken.
      calendar.createEvent({
        id: `busy-${booking.id}@talkoot`,
        start: booking.startsAt,
        end: booking.endsAt,
        summary: `Varattu / Bokad / Booked: ${booking.space.name}`,
        location: `${venue.name}, ${booking.space.name}`,
        status: eventStatus(booking.status),
        busystatus: booking.status === 'requested' ? ICalEventBusyStatus.TENTATIVE : ICalEventBusyStatus.BUSY,
        stamp: booking.createdAt,
      });
    }
    return calendar.toString();
  }

  async privateFeed(venueId: string, token: string, now = new Date()): Promise<string> {
    const em = this.orm.em.fork();
    // The token is unique and random (192 bits); a wrong or replaced one finds nothing.
    const venue = await em.findOne(Venue, { id: venueId, feedToken: token });
    if (!venue) throw notFound('The calendar');
    const bookings = await this.findBookings(venue.id, now);
    const calendar = ical({
      name: `${venue.name} – kaikki tiedot / alla uppgifter / all details`,
      prodId: { company: 'Talkoot', product: 'venue-feed-detailed', language: 'FI' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 15 * 60,
    });
    for (const booking of bookings) {
      const booker = booking.organisation?.name ?? booking.requester?.name ?? booking.guestName ?? '';
      const contact = booking.guestName
        ? [booking.guestName, booking.guestPhone, booking.guestEmail]
        : [booking.requester?.name, booking.requester?.email];
      calendar.createEvent({
        id: `booking-feed-${booking.id}@talkoot`,
        start: booking.startsAt,
        end: booking.endsAt,
        summary: `${booking.title} (${booking.space.name})${booker ? ` – ${booker}` : ''}`,
        location: `${venue.name}, ${booking.space.name}, ${venue.address}`,
        description: [
          statusLabels[booking.status] ?? booking.status,
          booking.organisation ? `Yhdistys / Förening / Organisation: ${booking.organisation.name}` : null,
          `Varaaja / Bokare / Booker: ${contact.filter(Boolean).join(', ')}`,
          booking.referenceNumber ? `Viite / Referens / Reference: ${booking.referenceNumber}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
        status: eventStatus(booking.status),
        stamp: booking.createdAt,
      });
    }
    return calendar.toString();
  }

  private findBookings(venueId: string, now: Date): Promise<Booking[]> {
    const { from, to } = feedWindow(now);
    return this.orm.em
      .fork()
      .find(
        Booking,
        { space: { venue: venueId }, status: { $in: [...blockingStatuses] }, startsAt: { $lt: to }, endsAt: { $gt: from } },
        { populate: ['space', 'organisation', 'requester'], orderBy: { startsAt: 'asc' }, limit: 5000 },
      );
  }
}
