import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Booking } from './booking.entity.js';
import { Venue } from './venue.entity.js';

// What other domains may ask about venues and bookings by id (bound to their ports by the
// composition root): existence and ownership, nothing more.
@Injectable()
export class VenueLinkService {
  constructor(private readonly orm: MikroORM) {}

  async findBookingOrganisation(bookingId: string): Promise<{ organisationId: string | null } | null> {
    const booking = await this.orm.em.fork().findOne(Booking, { id: bookingId }, { fields: ['id', 'organisation'] });
    if (!booking) return null;
    return { organisationId: booking.organisation?.id ?? null };
  }

  async isExistingVenue(venueId: string): Promise<boolean> {
    return (await this.orm.em.fork().count(Venue, { id: venueId })) > 0;
  }
}
