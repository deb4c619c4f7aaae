import { Migration } from '@mikro-orm/migrations';

export class Migration20261123165225_Venues extends Migration {
  override name = 'Migration20261123165225_Venues';

  override up(): void | Promise<void> {
    // The exclusion constraint below compares uuids with = inside a GiST index: btree_gist (hand-added).
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`create type "space_bookable_by" as enum ('members', 'region', 'anyone');`);
    this.addSql(`create type "booking_status" as enum ('requested', 'approved', 'denied', 'cancelled', 'expired');`);
    this.addSql(
      `create table "venues" ("id" uuid not null, "organisation_id" uuid not null, "village_id" uuid not null, "name" text not null, "address" text not null, "description" jsonb not null, "capacity" int not null, "facilities" jsonb not null, "accessibility" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "venues_organisation_id_index" on "venues" ("organisation_id");`);

    this.addSql(
      `create table "spaces" ("id" uuid not null, "venue_id" uuid not null, "parent_id" uuid null, "name" text not null, "capacity" int null, "is_approval_required" boolean not null default true, "bookable_by" "space_bookable_by" not null default 'region', "min_minutes" int not null default 60, "max_minutes" int not null default 1440, "buffer_before_minutes" int not null default 0, "buffer_after_minutes" int not null default 0, primary key ("id"));`,
    );
    this.addSql(`create index "spaces_venue_id_index" on "spaces" ("venue_id");`);

    this.addSql(
      `create table "bookings" ("id" uuid not null, "space_id" uuid not null, "requester_id" uuid null, "organisation_id" uuid null, "title" text not null, "status" "booking_status" not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "created_at" timestamptz not null, "decided_at" timestamptz null, "decided_by_id" uuid null, "decision_reason" text null, primary key ("id"));`,
    );
    this.addSql(`create index "bookings_space_id_index" on "bookings" ("space_id");`);

    this.addSql(
      `create table "booking_occupancies" ("id" uuid not null, "booking_id" uuid not null, "leaf_space_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "is_blocking" boolean not null default true, primary key ("id"));`,
    );
    this.addSql(`create index "booking_occupancies_booking_id_index" on "booking_occupancies" ("booking_id");`);

    this.addSql(
      `alter table "venues" add constraint "venues_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "venues" add constraint "venues_village_id_foreign" foreign key ("village_id") references "villages" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "spaces" add constraint "spaces_venue_id_foreign" foreign key ("venue_id") references "venues" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "spaces" add constraint "spaces_parent_id_foreign" foreign key ("parent_id") references "spaces" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "bookings" add constraint "bookings_space_id_foreign" foreign key ("space_id") references "spaces" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "bookings" add constraint "bookings_requester_id_foreign" foreign key ("requester_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "bookings" add constraint "bookings_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "bookings" add constraint "bookings_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(`alter table "bookings" add constraint "bookings_ends_after_start_check" check (ends_at > starts_at);`);

    this.addSql(
      `alter table "booking_occupancies" add constraint "booking_occupancies_booking_id_foreign" foreign key ("booking_id") references "bookings" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "booking_occupancies" add constraint "booking_occupancies_leaf_space_id_foreign" foreign key ("leaf_space_id") references "spaces" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "booking_occupancies" add constraint "booking_occupancies_no_overlap" exclude using gist (leaf_space_id with =, tstzrange(starts_at, ends_at, '[)') with &&) where (is_blocking);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "spaces" drop constraint "spaces_venue_id_foreign";`);
    this.addSql(`alter table "spaces" drop constraint "spaces_parent_id_foreign";`);
    this.addSql(`alter table "bookings" drop constraint "bookings_space_id_foreign";`);
    this.addSql(`alter table "booking_occupancies" drop constraint "booking_occupancies_leaf_space_id_foreign";`);
    this.addSql(`alter table "booking_occupancies" drop constraint "booking_occupancies_booking_id_foreign";`);

    this.addSql(`drop table if exists "venues" cascade;`);
    this.addSql(`drop table if exists "spaces" cascade;`);
    this.addSql(`drop table if exists "bookings" cascade;`);
    this.addSql(`drop table if exists "booking_occupancies" cascade;`);

    this.addSql(`drop type "space_bookable_by";`);
    this.addSql(`drop type "booking_status";`);
  }
}
