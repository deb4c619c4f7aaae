import { Migration } from '@mikro-orm/migrations';

export class Migration20261205101000_ItemPhotos extends Migration {
  override name = 'Migration20261205101000_ItemPhotos';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "item_photos" ("id" uuid not null, "item_id" uuid not null, "alt_text" text not null, "position" int not null default 0, "content_type" text not null, "width" int not null, "height" int not null, "data" bytea not null, "thumbnail" bytea not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "item_photos_item_id_index" on "item_photos" ("item_id");`);
    this.addSql(
      `alter table "item_photos" add constraint "item_photos_item_id_foreign" foreign key ("item_id") references "items" ("id") on delete cascade;`,
    );
    this.addSql(
      `create or replace function "item_photos_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'lending'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "item_photos" for each STATEMENT execute function "item_photos_content_changed_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "content_changed" on "item_photos";`);
    this.addSql(`drop function if exists "item_photos_content_changed_fn"();`);
    this.addSql(`drop table if exists "item_photos" cascade;`);
  }
}
