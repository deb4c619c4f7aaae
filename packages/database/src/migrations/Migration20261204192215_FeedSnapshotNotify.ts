import { Migration } from '@mikro-orm/migrations';

// Stored feeds announce every change on the channel `feed_snapshots` (the trigger is declared on the
// FeedSnapshot entity), so api processes keep the validators in memory (ADR 018).

export class Migration20261204192215_FeedSnapshotNotify extends Migration {
  override name = 'Migration20261204192215_FeedSnapshotNotify';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "feed_snapshots_notify" on "feed_snapshots";`);
    this.addSql(`drop function if exists "feed_snapshots_feed_snapshots_notify_fn"();`);
    this.addSql(
      `create or replace function "feed_snapshots_feed_snapshots_notify_fn"() returns trigger as $$ begin if tg_op = 'DELETE' then perform pg_notify('feed_snapshots', old.key); else perform pg_notify('feed_snapshots', new.key); end if; return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "feed_snapshots_notify" AFTER INSERT OR UPDATE OR DELETE on "feed_snapshots" for each ROW execute function "feed_snapshots_feed_snapshots_notify_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "feed_snapshots_notify" on "feed_snapshots";`);
    this.addSql(`drop function if exists "feed_snapshots_feed_snapshots_notify_fn"();`);
  }
}
