import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EntityManager } from '@mikro-orm/postgresql';

// The last version served of a representation computed per request (a venue's feed, an event's
// .ics): its ETag and when its bytes last changed. The data behind such bytes has no single
// change time (bookings, names and the moving window all change them), so the change is noticed
// where it shows — in the bytes — and recorded here for every api process to agree on.
@Entity({ tableName: 'served_versions' })
export class ServedVersion {
  // What is served, e.g. "venue-feed:<venue id>"; never a secret.
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  etag!: string;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

export const platformEntities = [ServedVersion];

/**
 * When a representation's bytes changed: whole seconds (what Last-Modified can say), and always a
 * later second than the previous version's, so a client holding that version never gets a 304 for
 * If-Modified-Since after a change within the same second.
 */
export function nextChangedAt(previous: Date | null | undefined, now: Date): Date {
  const second = Math.floor(now.getTime() / 1000) * 1000;
  return new Date(previous ? Math.max(second, Math.floor(previous.getTime() / 1000) * 1000 + 1000) : second);
}

interface VersionRow {
  etag: string;
  changed_at: Date;
}

/**
 * When the bytes with this ETag were first served under `key` (Last-Modified): unchanged bytes
 * keep their time, new bytes get a later second (see `nextChangedAt`). Writes only on a change.
 */
export async function recordServedVersion(em: EntityManager, key: string, etag: string, now = new Date()): Promise<Date> {
  const connection = em.getConnection();
  const [current] = await connection.execute<VersionRow[]>('select etag, changed_at from served_versions where key = ?', [key]);
  if (current?.etag === etag) return new Date(current.changed_at);
  const [written] = await connection.execute<VersionRow[]>(
    `insert into served_versions (key, etag, changed_at) values (?, ?, ?)
     on conflict (key) do update
       set etag = excluded.etag, changed_at = greatest(excluded.changed_at, date_trunc('second', served_versions.changed_at) + interval '1 second')
       where served_versions.etag <> excluded.etag
     returning etag, changed_at`,
    [key, etag, nextChangedAt(null, now)],
  );
  if (written) return new Date(written.changed_at);
  // A parallel request recorded the same bytes first.
  const [again] = await connection.execute<VersionRow[]>('select etag, changed_at from served_versions where key = ?', [key]);
  return new Date(again!.changed_at);
}
