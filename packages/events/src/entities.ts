import { DigestSubscription } from './digest-subscription.entity.js';
import { Event, EventCoOrganiser, EventOccurrence } from './event.entity.js';
import { FeedSnapshot } from './feed-snapshot.entity.js';

export { DigestSubscription, Event, EventCoOrganiser, EventOccurrence, FeedSnapshot };

export const eventEntities = [Event, EventOccurrence, EventCoOrganiser, FeedSnapshot, DigestSubscription];
