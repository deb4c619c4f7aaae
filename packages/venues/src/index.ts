export * from './entities.js';
export * from './schemas.js';
export * from './venues.module.js';
export * from './booking.rules.js';
export * from './venues-worker.module.js';
export * from './booking-expiry.service.js';
