// Browser-safe entry: the portal validates forms with the same schemas the api uses, and calls
// the api through the same route contracts.
export * from './venue.schemas.js';
export * from './space.schemas.js';
export * from './booking.schemas.js';
export * from './booking-series.schemas.js';
export * from './waitlist.schemas.js';
export * from './venues.errors.js';
export * from './venue.routes.js';
export * from './booking.routes.js';
export * from './booking-series.routes.js';
export * from './waitlist.routes.js';
export * from './venue-admin.routes.js';
export * from './photo.routes.js';
export * from './venue-feed.routes.js';
export { openIntervals, type ClosedDates, type OpeningPeriod } from './opening-hours.js';
