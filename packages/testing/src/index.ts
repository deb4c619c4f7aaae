export * from './config.js';
export * from './smtp.js';
export * from './test-database.js';
export * from './builders.js';
