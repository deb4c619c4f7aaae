// Browser-safe entry: the portal validates forms with the same schemas the api uses, and calls
// the api through the same route contracts.
export * from './item.schemas.js';
export * from './loan.schemas.js';
export * from './give-away.schemas.js';
export * from './lending.errors.js';
export * from './item.routes.js';
export * from './loan.routes.js';
export * from './give-away.routes.js';
export * from './item-photo.routes.js';
