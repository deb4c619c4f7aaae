export * from './entities.js';
export * from './schemas.js';
export * from './volunteering.module.js';
export * from './volunteering-worker.module.js';
export { VOLUNTEERING_QUEUE } from './volunteering.queues.js';
