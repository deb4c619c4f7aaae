// Browser-safe entry: the portal validates forms with the same schemas the api uses.
export * from './auth.schemas.js';
export * from './business-id.rules.js';
export * from './invitation.schemas.js';
export * from './membership.schemas.js';
export * from './organisation.schemas.js';
export * from './place.schemas.js';
export * from './user.schemas.js';
