// Browser-safe entry: the portal validates forms, builds filter URLs and calls the api with the
// same code and route contracts.
export * from './event.schemas.js';
export * from './calendar-filter.js';
export * from './events.errors.js';
export * from './event.routes.js';
export * from './event-image.routes.js';
export * from './digest.routes.js';
export * from './feed.routes.js';
