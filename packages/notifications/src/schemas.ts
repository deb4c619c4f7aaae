export * from './mail.schemas.js';
