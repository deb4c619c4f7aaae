import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182345_Events extends Migration {
  override name = 'Migration20261123182345_Events';

  override up(): void | Promise<void> {
    this.addSql(`create type "digest_frequency" as enum ('weekly', 'monthly');`);
    this.addSql(`create type "event_status" as enum ('draft', 'published', 'cancelled');`);
    this.addSql(
      `create type "event_category" as enum ('culture', 'sport', 'talkoot', 'meeting', 'market', 'church', 'children', 'seniors', 'nature', 'education', 'party', 'other');`,
    );
    this.addSql(`create type "co_organiser_status" as enum ('invited', 'accepted', 'declined');`);
    this.addSql(
      `create table "digest_subscriptions" ("id" uuid not null, "email" text not null, "language" "language" not null default 'fi', "filter" jsonb not null, "frequency" "digest_frequency" not null, "confirm_token_hash" text not null, "unsubscribe_token_hash" text not null, "confirmed_at" timestamptz null, "unsubscribed_at" timestamptz null, "last_sent_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "digest_subscriptions" add constraint "digest_subscriptions_confirm_token_hash_unique" unique ("confirm_token_hash");`,
    );
    this.addSql(
      `alter table "digest_subscriptions" add constraint "digest_subscriptions_unsubscribe_token_hash_unique" unique ("unsubscribe_token_hash");`,
    );
    this.addSql(
      `create index "digest_subscriptions_frequency_confirmed_at_index" on "digest_subscriptions" ("frequency", "confirmed_at");`,
    );

    this.addSql(
      `create table "feed_snapshots" ("key" text not null, "body" text not null, "etag" text not null, "last_modified" timestamptz not null, "built_at" timestamptz not null, "stale_since" timestamptz null, "event_count" int not null default 0, "last_requested_at" timestamptz not null, primary key ("key"));`,
    );

    this.addSql(
      `create table "events" ("id" uuid not null, "organisation_id" uuid not null, "status" "event_status" not null default 'draft', "title" jsonb not null, "description" jsonb not null, "is_all_day" boolean not null default false, "venue_id" uuid null, "booking_id" uuid null, "place_name" text not null, "address" text null, "village_id" uuid not null, "category" "event_category" not null, "audiences" jsonb not null, "price_cents" int null, "accessibility" jsonb not null, "is_ride_sharing_welcome" boolean not null default false, "info_url" text null, "image" bytea null, "image_alt" text null, "recurrence" jsonb null, "search_text" text not null default '', "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "published_at" timestamptz null, "cancelled_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "events_village_id_index" on "events" ("village_id");`);
    this.addSql(`create index "events_organisation_id_status_index" on "events" ("organisation_id", "status");`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "events_search_text_trgm" on "events" using gin ("search_text" gin_trgm_ops);`);

    this.addSql(
      `create table "event_occurrences" ("id" uuid not null, "event_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "is_cancelled" boolean not null default false, "note" jsonb null, "sequence" int not null default 0, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "event_occurrences_event_id_index" on "event_occurrences" ("event_id");`);
    this.addSql(`create index "event_occurrences_starts_at_index" on "event_occurrences" ("starts_at");`);

    this.addSql(
      `create table "event_co_organisers" ("id" uuid not null, "event_id" uuid not null, "organisation_id" uuid not null, "status" "co_organiser_status" not null default 'invited', "invited_at" timestamptz not null, "answered_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "event_co_organisers_organisation_id_index" on "event_co_organisers" ("organisation_id");`);
    this.addSql(
      `alter table "event_co_organisers" add constraint "event_co_organisers_event_id_organisation_id_unique" unique ("event_id", "organisation_id");`,
    );

    this.addSql(
      `alter table "events" add constraint "events_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "events" add constraint "events_village_id_foreign" foreign key ("village_id") references "villages" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "events" add constraint "events_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "event_occurrences" add constraint "event_occurrences_event_id_foreign" foreign key ("event_id") references "events" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "event_co_organisers" add constraint "event_co_organisers_event_id_foreign" foreign key ("event_id") references "events" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "event_co_organisers" add constraint "event_co_organisers_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "event_occurrences" drop constraint "event_occurrences_event_id_foreign";`);
    this.addSql(`alter table "event_co_organisers" drop constraint "event_co_organisers_event_id_foreign";`);

    this.addSql(`drop table if exists "digest_subscriptions" cascade;`);
    this.addSql(`drop table if exists "feed_snapshots" cascade;`);
    this.addSql(`drop table if exists "events" cascade;`);
    this.addSql(`drop table if exists "event_occurrences" cascade;`);
    this.addSql(`drop table if exists "event_co_organisers" cascade;`);

    this.addSql(`drop type "digest_frequency";`);
    this.addSql(`drop type "event_status";`);
    this.addSql(`drop type "event_category";`);
    this.addSql(`drop type "co_organiser_status";`);
  }
}
