import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueue } from '@talkoot/outbox';
import { feedsRebuildMessage } from './feeds-rebuild.message.js';

// A published event changed: every stored feed may now be out of date. Marking all of them is
// simpler than working out which filters match and costs one UPDATE; the outbox row asks the worker
// to rebuild them, a second later so a burst of edits becomes one rebuild.
export async function markFeedsStale(em: EntityManager, now = new Date()): Promise<void> {
  await em.execute('update feed_snapshots set stale_since = ? where stale_since is null', [now]);
  enqueue(em, feedsRebuildMessage, { reason: 'event-changed' }, { availableAt: new Date(now.getTime() + 1000) });
  await em.flush();
}
