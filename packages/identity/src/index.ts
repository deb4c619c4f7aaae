export * from './entities.js';
export * from './schemas.js';
export * from './identity.module.js';
export * from './auth-context.js';
export * from './session.service.js';
export * from './membership.service.js';
export * from './token.rules.js';
