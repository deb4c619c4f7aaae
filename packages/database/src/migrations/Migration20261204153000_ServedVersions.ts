import { Migration } from '@mikro-orm/migrations';

export class Migration20261204153000_ServedVersions extends Migration {
  override name = 'Migration20261204153000_ServedVersions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "served_versions" ("key" text not null, "etag" text not null, "changed_at" timestamptz not null, primary key ("key"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "served_versions" cascade;`);
  }
}
