export * from './entities.js';
export * from './schemas.js';
export * from './events.module.js';
export * from './events-worker.module.js';
export { FeedService } from './feed.service.js';
export { EventService } from './event.service.js';
export { DigestService, digestPeriod } from './digest.service.js';
export { expandRecurrence, MAX_EVENT_OCCURRENCES, type EventRecurrence } from './recurrence.js';
export { searchTextOf } from './search-text.js';
