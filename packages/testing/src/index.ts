export * from './config.js';
export * from './smtp.js';
export * from './test-database.js';
