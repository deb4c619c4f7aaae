// Browser-safe entry: the portal validates forms with the same schemas the api uses, and calls
// the api through the same route contracts.
export * from './auth.routes.js';
export * from './auth.schemas.js';
export * from './business-id.rules.js';
export * from './identity.errors.js';
export * from './invitation.schemas.js';
export * from './me.routes.js';
export * from './membership.routes.js';
export * from './membership.schemas.js';
export * from './organisation.routes.js';
export * from './organisation.schemas.js';
export * from './place.schemas.js';
export * from './user.schemas.js';
