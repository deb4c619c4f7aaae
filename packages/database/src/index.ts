export * from './entities.js';
export * from './orm.js';
export * from './demo-seed.js';
