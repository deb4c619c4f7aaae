import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

// A built iCalendar feed, served as stored bytes. `key` is the canonical filter ("region",
// "organisation=<id>", "category=sport&village=<id>"…). Changes to events mark snapshots stale and a
// worker rebuilds them; requests never build, except the very first one of a new filter.
// Every change (built, marked stale, dropped) is announced on the channel `feed_snapshots` with the
// feed's key, so each api process keeps the validators in memory and answers a 304 without asking
// the database (FeedService, ADR 018).
@Entity({
  tableName: 'feed_snapshots',
  triggers: [
    {
      name: 'feed_snapshots_notify',
      timing: 'after',
      events: ['insert', 'update', 'delete'],
      forEach: 'row',
      body: `if tg_op = 'DELETE' then perform pg_notify('feed_snapshots', old.key); else perform pg_notify('feed_snapshots', new.key); end if; return null;`,
    },
  ],
})
export class FeedSnapshot {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  body!: string;

  // Strong ETag: a hash of the body.
  @Property({ type: 'text' })
  etag!: string;

  // When the bytes last changed (Last-Modified): whole seconds, kept while a rebuild gives the same bytes.
  @Property({ type: 'datetime' })
  lastModified!: Date;

  @Property({ type: 'datetime' })
  builtAt!: Date;

  // Since when an event change has made the bytes out of date (null: up to date).
  @Property({ type: 'datetime', nullable: true })
  staleSince: Date | null = null;

  @Property({ type: 'integer' })
  eventCount: Opt<number> = 0;

  // Feeds nobody has asked for in a long time are not rebuilt (and can be dropped).
  @Property({ type: 'datetime' })
  lastRequestedAt!: Date;
}
