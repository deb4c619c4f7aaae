import { defineMessage } from '@talkoot/outbox';
import { z } from 'zod';
import { FEEDS_QUEUE } from './events.queues.js';

// Calendar feeds are out of date: the worker rebuilds the stale ones (FeedsProcessor).
export const feedsRebuildMessage = defineMessage({
  topic: 'feeds.rebuild',
  queue: FEEDS_QUEUE,
  payload: z.object({ reason: z.enum(['event-changed']) }),
});
