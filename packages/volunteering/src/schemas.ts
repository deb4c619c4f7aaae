// Browser-safe entry: the portal validates forms with the same schemas the api uses, and calls
// the api through the same route contracts.
export * from './task.schemas.js';
export * from './claim.schemas.js';
export * from './hours.schemas.js';
export * from './volunteering.errors.js';
export * from './task.routes.js';
export * from './claim.routes.js';
export * from './hours.routes.js';
