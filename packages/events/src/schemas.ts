// Browser-safe entry: the portal validates forms and builds filter URLs with the same code.
export * from './event.schemas.js';
export * from './calendar-filter.js';
