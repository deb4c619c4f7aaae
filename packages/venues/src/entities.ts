import { Booking, BookingOccupancy } from './booking.entity.js';
import { Space } from './space.entity.js';
import { Venue } from './venue.entity.js';

export { Booking, BookingOccupancy, Space, Venue };

export const venueEntities = [Venue, Space, Booking, BookingOccupancy];
