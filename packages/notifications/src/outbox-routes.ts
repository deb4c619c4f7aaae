import { queueNames } from '@talkoot/platform';
import { outboxTopics } from './outbox.js';

// Which queue (and job name) each outbox topic goes to. Rows of topics not listed here stay in
// the outbox untouched until a route for them exists.
export const outboxRoutes: Record<string, { queue: string; jobName: string }> = {
  [outboxTopics.mailSend]: { queue: queueNames.mail, jobName: outboxTopics.mailSend },
  [outboxTopics.feedsRebuild]: { queue: queueNames.feeds, jobName: outboxTopics.feedsRebuild },
};

// The job id dedupes: relaying the same row twice (a crash after the add, before the commit)
// adds no second job while the first is kept.
export function outboxJobId(outboxMessageId: string): string {
  return `outbox-${outboxMessageId}`;
}
