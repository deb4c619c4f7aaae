import pg from 'pg';
import type { IdKind, IdSource } from './schema-arbitraries.js';

// Tables that legitimately change on any request or in the background: sessions (last seen),
// sign-in tokens (rate limits, code guesses), the outbox and mail deliveries, stored feeds
// (rebuilt by the worker, last requested), the migration log. Columns the worker sets on its own
// schedule are left out too.
const volatileTables = new Set([
  'sessions',
  'sign_in_tokens',
  'outbox_messages',
  'mail_deliveries',
  'feed_snapshots',
  'mikro_orm_migrations',
]);
const volatileColumns = new Set([
  'bookings.reminder_sent_at',
  'digest_subscriptions.last_sent_at',
  // The loan sweep's marks (the demo has a loan due back and one overdue).
  'loans.pick_up_reminded_at',
  'loans.return_reminded_at',
  'loans.overdue_notified_at',
]);

export type Fingerprint = Map<string, Record<string, string>>;

export interface Rows {
  organisations: { id: string }[];
  memberships: { user_id: string; organisation_id: string; role: string }[];
  users: { id: string; email: string }[];
  villages: { id: string }[];
  municipalities: { id: string }[];
  venues: { id: string; organisation_id: string; feed_token: string | null }[];
  spaces: { id: string; venue_id: string }[];
  photos: { id: string; venue_id: string }[];
  events: { id: string; organisation_id: string }[];
  coOrganisers: { event_id: string; organisation_id: string }[];
  occurrences: { id: string; event_id: string }[];
  bookings: { id: string; space_id: string; requester_id: string | null }[];
  series: { id: string; space_id: string; requester_id: string | null }[];
  invitations: { id: string; organisation_id: string }[];
  waitlist: { id: string; user_id: string }[];
}

// Ordered by something other than the random ids, so that one seed picks the same rows again.
const rowQueries: Record<keyof Rows, string> = {
  organisations: 'select id from organisations order by name, created_at',
  memberships: 'select user_id, organisation_id, role from memberships order by created_at, role',
  users: 'select id, email from users order by email',
  villages: 'select id from villages order by name',
  municipalities: 'select id from municipalities order by name',
  venues: 'select id, organisation_id, feed_token from venues order by name, created_at',
  spaces: 'select s.id, s.venue_id from spaces s join venues v on v.id = s.venue_id order by v.name, s.name',
  photos: 'select id, venue_id from venue_photos order by created_at, position',
  events: "select id, organisation_id from events order by created_at, title->>'fi'",
  coOrganisers: 'select event_id, organisation_id from event_co_organisers order by invited_at',
  occurrences: 'select id, event_id from event_occurrences order by starts_at, sequence',
  bookings: 'select id, space_id, requester_id from bookings order by starts_at, title, created_at',
  series: 'select id, space_id, requester_id from booking_series order by created_at, title',
  invitations: 'select id, organisation_id from invitations order by created_at, email',
  waitlist: 'select id, user_id from waitlist_entries order by created_at, starts_at',
};

export class ProductDatabase implements IdSource {
  rows!: Rows;
  private fingerprintQuery = '';
  // Demo people the fuzzer is signed in as: never picked as the target of member changes.
  readonly protectedUserIds = new Set<string>();
  // Mail ids of the developer mailbox (files, not rows), refreshed by the test through the api.
  devMailIds: string[] = [];

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<ProductDatabase> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const database = new ProductDatabase(client);
    await database.prepareFingerprint();
    await database.refresh();
    return database;
  }

  close(): Promise<void> {
    return this.client.end();
  }

  private async prepareFingerprint(): Promise<void> {
    const { rows } = await this.client.query<{ table_name: string; columns: string[] }>(
      "select table_name, array_agg(column_name::text order by ordinal_position) as columns from information_schema.columns where table_schema = 'public' group by table_name order by table_name",
    );
    const parts = rows
      .filter(({ table_name: table, columns }) => !volatileTables.has(table) && columns.includes('id'))
      .map(({ table_name: table, columns }) => {
        const kept = columns.filter((column) => !volatileColumns.has(`${table}.${column}`)).map((column) => `"${column}"`);
        return `select '${table}' as t, coalesce(json_object_agg(id, md5(row(${kept.join(', ')})::text)), '{}') as rows from "${table}"`;
      });
    this.fingerprintQuery = parts.join(' union all ');
  }

  // Per domain table, one md5 per row (keyed by id): cheap on demo-sized data, and a difference
  // names the rows that changed.
  async fingerprint(): Promise<Fingerprint> {
    const { rows } = await this.client.query<{ t: string; rows: Record<string, string> }>(this.fingerprintQuery);
    return new Map(rows.map((row) => [row.t, row.rows]));
  }

  async refresh(): Promise<void> {
    const rows: Record<string, unknown[]> = {};
    // One client runs one query at a time.
    for (const [key, sql] of Object.entries(rowQueries)) rows[key] = (await this.client.query(sql)).rows;
    this.rows = rows as unknown as Rows;
  }

  // The rows path parameters are drawn from; the fuzzer's own people are never the target.
  rowsForPaths(): Rows {
    return { ...this.rows, users: this.rows.users.filter((user) => !this.protectedUserIds.has(user.id)) };
  }

  emails(): string[] {
    return this.rows.users.map((user) => user.email);
  }

  pick(kind: IdKind, index: number): string | undefined {
    const list = this.idsOf(kind);
    return list.length ? list[index % list.length] : undefined;
  }

  idsOf(kind: IdKind): string[] {
    const rows = this.rows;
    switch (kind) {
      case 'organisation':
        return rows.organisations.map((row) => row.id);
      case 'venue':
        return rows.venues.map((row) => row.id);
      case 'space':
        return rows.spaces.map((row) => row.id);
      case 'event':
        return rows.events.map((row) => row.id);
      case 'occurrence':
        return rows.occurrences.map((row) => row.id);
      case 'booking':
        return rows.bookings.map((row) => row.id);
      case 'series':
        return rows.series.map((row) => row.id);
      case 'village':
        return rows.villages.map((row) => row.id);
      case 'municipality':
        return rows.municipalities.map((row) => row.id);
      case 'user':
        return rows.users.map((row) => row.id).filter((id) => !this.protectedUserIds.has(id));
      case 'photo':
        return rows.photos.map((row) => row.id);
      case 'invitation':
        return rows.invitations.map((row) => row.id);
      case 'waitlist':
        return rows.waitlist.map((row) => row.id);
      default:
        return [...rows.organisations, ...rows.venues, ...rows.spaces, ...rows.events, ...rows.bookings].map((row) => row.id);
    }
  }
}

// The tables (and row ids) whose content differs between two fingerprints.
export function compareFingerprints(
  before: Fingerprint,
  after: Fingerprint,
): { table: string; added: string[]; removed: string[]; changed: string[] }[] {
  const differences = [];
  for (const [table, rowsAfter] of after) {
    const rowsBefore = before.get(table) ?? {};
    const added = Object.keys(rowsAfter).filter((id) => !(id in rowsBefore));
    const removed = Object.keys(rowsBefore).filter((id) => !(id in rowsAfter));
    const changed = Object.keys(rowsAfter).filter((id) => id in rowsBefore && rowsBefore[id] !== rowsAfter[id]);
    if (added.length || removed.length || changed.length) differences.push({ table, added, removed, changed });
  }
  return differences;
}
