export * from './entities.js';
export * from './schemas.js';
export * from './venues.module.js';
export * from './booking.rules.js';
