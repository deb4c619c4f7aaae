import { eventEntities } from '@talkoot/events';
import { identityEntities } from '@talkoot/identity';
import { lendingEntities } from '@talkoot/lending';
import { notificationEntities } from '@talkoot/notifications';
import { outboxEntities } from '@talkoot/outbox';
import { platformEntities } from '@talkoot/platform';
import { venueEntities } from '@talkoot/venues';
import { volunteeringEntities } from '@talkoot/volunteering';

// Every entity of every domain; each new domain package adds its list here.
export const allEntities = [
  ...platformEntities,
  ...outboxEntities,
  ...identityEntities,
  ...notificationEntities,
  ...venueEntities,
  ...lendingEntities,
  ...eventEntities,
  ...volunteeringEntities,
];
