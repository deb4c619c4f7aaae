import { Booking, BookingOccupancy, BookingSeries, WaitlistEntry } from './booking.entity.js';
import { Space } from './space.entity.js';
import { Venue, VenuePhoto } from './venue.entity.js';

export { Booking, BookingOccupancy, BookingSeries, Space, Venue, VenuePhoto, WaitlistEntry };

export const venueEntities = [Venue, VenuePhoto, Space, BookingSeries, Booking, BookingOccupancy, WaitlistEntry];
