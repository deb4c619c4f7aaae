import { eventEntities } from '@talkoot/events';
import { identityEntities } from '@talkoot/identity';
import { notificationEntities } from '@talkoot/notifications';
import { platformEntities } from '@talkoot/platform';
import { venueEntities } from '@talkoot/venues';

// Every entity of every domain; each new domain package adds its list here.
export const allEntities = [...platformEntities, ...identityEntities, ...notificationEntities, ...venueEntities, ...eventEntities];
