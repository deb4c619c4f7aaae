import { gzipSync } from 'node:zlib';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  APP_CONFIG,
  type AppConfig,
  PgListener,
  type EncodedBytes,
  type Representation,
  nextChangedAt,
  notFound,
  strongEtagOf,
  versionedRepresentation,
} from '@talkoot/platform';
import { type CalendarFilter, calendarFilterSchema, canonicalFilterQuery, parseCalendarFilter } from './calendar-filter.js';
import { type CalendarRow, type FeedRow, queryCalendar, queryFeedRows } from './calendar.service.js';
import { FeedSnapshot } from './feed-snapshot.entity.js';
import { type FeedEvent, buildCalendarFeed } from './ical-feed.js';

const DAY_MS = 86_400_000;
// A feed nobody has fetched for this long is no longer rebuilt, and is dropped.
const FORGET_AFTER_MS = 30 * DAY_MS;
// How far ahead a subscribed feed reaches, and how much of a description it carries (ADR 018): a
// region's weekly clubs three years ahead with their full texts grow a feed past what calendar apps
// fetch comfortably. 800 days covers this year and the next from any date (on 1 January the end of
// next year is 730 days away); the daily rebuild moves the window; the event page has the whole text.
const FEED_DAYS_AHEAD = 800;
const FEED_DESCRIPTION_CHARACTERS = 300;
// If the worker has not rebuilt a stale feed by then, the request rebuilds it itself.
const WORKER_GRACE_MS = 30_000;

export interface ServedFeed {
  body: string;
  etag: string;
  lastModified: Date;
}

interface SnapshotMeta {
  etag: string;
  last_modified: Date;
  stale_since: Date | null;
  last_requested_at: Date;
}

// Bytes of recently served feeds, per key and ETag: a cached feed costs one small indexed query
// (the validators), not a 10 MiB read, decode and re-encode per request.
const MEMORY_LIMIT_BYTES = 256 * 1_048_576;
// Feeds are few (the region, organisations, saved filters); a bound keeps odd filters from growing it.
const MAX_REMEMBERED_VALIDATORS = 10_000;

// Cut at a word boundary near the limit, marked with an ellipsis: the event's page (its URL follows
// in the feed) has the rest.
function shortened(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Never half an emoji: a lone surrogate is not UTF-8.
  const end = /[\ud800-\udbff]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  const cut = text.slice(0, end);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit * 0.8 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

function pick(text: CalendarRow['title'] | null | undefined): string {
  return text?.fi || text?.sv || text?.en || '';
}

// Feeds are stored bytes: built when events change (by the worker, debounced through the outbox)
// and served as they are, with a strong ETag. Building is single-flight per feed across every api
// and worker process (an advisory lock): 100 requests for a missing or long-stale feed build it once.
@Injectable()
export class FeedService implements OnModuleDestroy {
  private readonly logger = new Logger('Feeds');
  // How many times this process built a feed (tests and the benchmark read it).
  builds = 0;

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  keyOf(filter: CalendarFilter): string {
    return canonicalFilterQuery(filter) || 'region';
  }

  private readonly memory = new Map<string, { etag: string; bytes: EncodedBytes }>();
  private memoryBytes = 0;

  // The validators of stored feeds, per key, trusted only while the listener is sure to hear of
  // every change (a trigger NOTIFYs each insert, update and delete of feed_snapshots): a 304 then
  // needs no database round trip, and every api process drops a changed feed's entry within
  // milliseconds of the commit. `generations` keeps a read that raced a notification from being stored.
  private readonly validators = new Map<string, SnapshotMeta>();
  private readonly generations = new Map<string, number>();
  private listener: PgListener | undefined;

  private listen(): void {
    if (this.listener || !this.config.DATABASE_URL) return;
    this.listener = new PgListener(this.config.DATABASE_URL, 'feed_snapshots', {
      onNotification: (key) => {
        this.validators.delete(key);
        this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      },
      onReset: () => this.validators.clear(),
    });
    this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
  }

  private async validatorsOf(key: string): Promise<SnapshotMeta | undefined> {
    this.listen();
    const remembered = this.validators.get(key);
    if (remembered && this.listener?.listening) return remembered;
    const generation = this.generations.get(key);
    const [meta] = await this.orm.em
      .getConnection()
      .execute<SnapshotMeta[]>('select etag, last_modified, stale_since, last_requested_at from feed_snapshots where key = ?', [
        key,
      ]);
    if (meta && this.listener?.listening && this.generations.get(key) === generation) {
      if (this.validators.size >= MAX_REMEMBERED_VALIDATORS) this.validators.clear();
      this.validators.set(key, meta);
    }
    return meta;
  }

  // What a request gets: the validators at once, the bytes only when it needs them (a 304 never does).
  async serve(filter: CalendarFilter, now = new Date()): Promise<Representation> {
    const key = this.keyOf(filter);
    const connection = this.orm.em.getConnection();
    const meta = await this.validatorsOf(key);
    if (meta && (!meta.stale_since || now.getTime() - new Date(meta.stale_since).getTime() < WORKER_GRACE_MS)) {
      if (now.getTime() - new Date(meta.last_requested_at).getTime() > DAY_MS) {
        await connection.execute('update feed_snapshots set last_requested_at = ? where key = ?', [now, key]);
      }
      return { etag: meta.etag, lastModified: new Date(meta.last_modified), bytes: () => this.bytesOf(key, meta.etag) };
    }
    const built = await this.rebuild(key, filter, now);
    return { etag: built.etag, lastModified: built.lastModified, bytes: async () => this.remember(key, built.etag, built.body) };
  }

  private async bytesOf(key: string, etag: string): Promise<EncodedBytes> {
    const remembered = this.memory.get(key);
    if (remembered?.etag === etag) return remembered.bytes;
    const [row] = await this.orm.em
      .getConnection()
      .execute<{ body: string; etag: string }[]>('select body, etag from feed_snapshots where key = ?', [key]);
    if (!row) throw new Error(`feed ${key} vanished`);
    return this.remember(key, row.etag, row.body);
  }

  // Compressed once per version: calendar apps send Accept-Encoding: gzip, and a region feed shrinks ~10×.
  private remember(key: string, etag: string, body: string): EncodedBytes {
    const previous = this.memory.get(key);
    if (previous?.etag === etag) return previous.bytes;
    const plain = Buffer.from(body, 'utf8');
    const bytes = { plain, gzip: gzipSync(plain, { level: 6 }) };
    if (previous) {
      this.memory.delete(key);
      this.memoryBytes -= previous.bytes.plain.length + previous.bytes.gzip.length;
    }
    this.memory.set(key, { etag, bytes });
    this.memoryBytes += plain.length + bytes.gzip.length;
    for (const [oldKey, old] of this.memory) {
      if (this.memoryBytes <= MEMORY_LIMIT_BYTES || oldKey === key) break;
      this.memory.delete(oldKey);
      this.memoryBytes -= old.bytes.plain.length + old.bytes.gzip.length;
    }
    return bytes;
  }

  // Under the feed's advisory lock: whoever waited for a build that started after `decidedAt`
  // (when the caller saw the feed missing or stale) finds it done and serves it.
  async rebuild(key: string, filter: CalendarFilter, decidedAt = new Date()): Promise<ServedFeed> {
    return this.orm.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`feed:${key}`]);
      const current = await em.findOne(FeedSnapshot, { key });
      if (current && !current.staleSince && current.builtAt >= decidedAt) return current;
      const now = decidedAt;
      const built = await this.build(filter, new Date(), em);
      // Last-Modified is when the bytes changed: a renamed organiser or a date leaving the window
      // changes them as surely as an edited event does. Same bytes, same validators.
      const lastModified =
        current && current.etag === built.etag ? current.lastModified : nextChangedAt(current?.lastModified, new Date());
      const values = {
        body: built.body,
        etag: built.etag,
        lastModified,
        builtAt: new Date(),
        staleSince: null,
        eventCount: built.count,
      };
      if (current) {
        Object.assign(current, values, { lastRequestedAt: now });
      } else {
        em.create(FeedSnapshot, { key, ...values, lastRequestedAt: now });
      }
      await em.flush();
      return { body: built.body, etag: built.etag, lastModified };
    });
  }

  // The worker: rebuild every stale feed somebody still reads; forget the rest.
  async rebuildStale(now = new Date()): Promise<number> {
    const em = this.orm.em.fork();
    await em.nativeDelete(FeedSnapshot, { lastRequestedAt: { $lt: new Date(now.getTime() - FORGET_AFTER_MS) } });
    const stale = await em.find(FeedSnapshot, { staleSince: { $ne: null } }, { fields: ['key'] });
    for (const snapshot of stale) {
      const parsed =
        snapshot.key === 'region' ? calendarFilterSchema.safeParse({}) : parseCalendarFilter(new URLSearchParams(snapshot.key));
      if (!parsed.success) {
        await em.nativeDelete(FeedSnapshot, { key: snapshot.key });
        continue;
      }
      await this.rebuild(snapshot.key, parsed.data, now);
    }
    if (stale.length) this.logger.log(`${stale.length} calendar feed(s) rebuilt`);
    return stale.length;
  }

  // "Add to my calendar": one public event, every date of it, built on request (it is small).
  async eventFile(eventId: string, now = new Date()): Promise<Representation> {
    const em = this.orm.em.fork();
    const exists = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from events where id = ? and status in ('published', 'cancelled')`,
      [eventId],
    );
    if (!exists[0]?.n) throw notFound('The event');
    const rows = await queryCalendar(em, calendarFilterSchema.parse({}), { from: new Date(0), to: null }, 500, eventId);
    const body = buildCalendarFeed({ name: pick(rows[0]?.title), events: rows.map((row) => this.toFeedEvent(row)) });
    return versionedRepresentation(em, `event-file:${eventId}`, body, now);
  }

  // The window: 30 days back and 800 days ahead. Cancelled dates stay 30 days after the
  // cancellation, so subscribed calendars learn about them.
  async build(
    filter: CalendarFilter,
    now: Date,
    em: EntityManager = this.orm.em.fork(),
  ): Promise<{ body: string; etag: string; count: number }> {
    this.builds += 1;
    const since = new Date(now.getTime() - FORGET_AFTER_MS);
    // No cap: a feed that silently lost its last dates would be worse than a big one.
    const until = new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS);
    const rows = await queryFeedRows(em, filter, { from: since, to: until });
    const events: FeedEvent[] = [];
    for (const row of rows) {
      const changedAt = new Date(row.changed_at);
      if (row.is_cancelled && changedAt < since) continue;
      events.push(this.feedEventOf(row, changedAt));
    }
    const body = buildCalendarFeed({ name: this.feedName(filter), events, ttlHours: 1 });
    return { body, etag: strongEtagOf(body), count: events.length };
  }

  private feedEventOf(row: FeedRow, changedAt: Date): FeedEvent {
    return {
      uid: `occurrence-${row.id}@talkoot`,
      sequence: row.sequence,
      status: row.is_cancelled ? 'cancelled' : 'confirmed',
      title: row.is_cancelled ? `${row.title} (peruttu / inställt / cancelled)` : row.title,
      description: shortened(row.text, FEED_DESCRIPTION_CHARACTERS),
      url: `${this.config.publicOrigin}/events/${row.event_id}`,
      location: row.location,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      isAllDay: row.is_all_day,
      categories: [row.category],
      lastModified: changedAt,
      organiserName: row.organiser_names,
    };
  }

  // The whole event for its own .ics ("add to my calendar"): the text not shortened.
  private toFeedEvent(row: CalendarRow): FeedEvent {
    const cancelled = row.is_cancelled || row.status === 'cancelled';
    const changedAt = new Date(Math.max(new Date(row.updated_at).getTime(), new Date(row.event_updated_at).getTime()));
    return {
      uid: `occurrence-${row.id}@talkoot`,
      sequence: row.sequence,
      status: cancelled ? 'cancelled' : 'confirmed',
      title: cancelled ? `${pick(row.title)} (peruttu / inställt / cancelled)` : pick(row.title),
      description: [pick(row.note), pick(row.description)].filter(Boolean).join('\n\n'),
      url: `${this.config.publicOrigin}/events/${row.event_id}`,
      location: [row.place_name, row.address, row.village_name].filter(Boolean).join(', '),
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      isAllDay: row.is_all_day,
      categories: [row.category],
      lastModified: changedAt,
      organiserName: row.organisers.map((organiser) => organiser.name).join(', '),
    };
  }

  private feedName(filter: CalendarFilter): string {
    return this.keyOf(filter) === 'region' ? 'Talkoot – tapahtumat' : 'Talkoot – tapahtumat (valinta)';
  }
}
