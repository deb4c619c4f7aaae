// Browser-safe time (`@talkoot/platform/time`): calendar days, Helsinki wall clock ↔ instants,
// elapsed time and the formats people read. Intl and @date-fns/tz only; no server imports.
export * from './calendar-day.js';
export * from './helsinki.js';
export * from './elapsed.js';
export * from './format.js';
