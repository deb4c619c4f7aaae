// Browser-safe entry: the portal validates forms with the same schemas the api uses.
export * from './venue.schemas.js';
export { openIntervals, type ClosedDates, type OpeningPeriod } from './opening-hours.js';
