export * from './entities.js';
export * from './schemas.js';
