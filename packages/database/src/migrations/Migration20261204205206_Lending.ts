import { Migration } from '@mikro-orm/migrations';

export class Migration20261204205206_Lending extends Migration {
  override name = 'Migration20261204205206_Lending';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "loan_state" as enum ('requested', 'approved', 'denied', 'pickedUp', 'returned', 'cancelled', 'expired');`,
    );
    this.addSql(`create type "loan_fee_tier" as enum ('members', 'region', 'private');`);
    this.addSql(
      `create type "item_category" as enum ('furniture', 'tents', 'kitchen', 'soundLight', 'sportOutdoor', 'tools', 'children', 'other');`,
    );
    this.addSql(
      `create table "loan_requests" ("id" uuid not null, "borrower_id" uuid not null, "organisation_id" uuid null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "loan_requests_borrower_id_index" on "loan_requests" ("borrower_id");`);

    this.addSql(
      `create table "loans" ("id" uuid not null, "request_id" uuid not null, "owner_id" uuid not null, "borrower_id" uuid not null, "organisation_id" uuid null, "state" "loan_state" not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "collector_name" text not null, "collect_at" timestamptz null, "hand_over_starts_at" timestamptz null, "hand_over_ends_at" timestamptz null, "is_transport_needed" boolean not null default false, "event_id" uuid null, "message" text not null default '', "fee_tier" "loan_fee_tier" not null, "fee_cents" int not null default 0, "deposit_cents" int not null default 0, "deny_reason" text null, "cancel_reason" text null, "created_at" timestamptz not null, "expires_at" timestamptz null, "decided_at" timestamptz null, "decided_by_id" uuid null, "picked_up_at" timestamptz null, "returned_at" timestamptz null, "cancelled_at" timestamptz null, "flagged_at" timestamptz null, "pick_up_reminded_at" timestamptz null, "return_reminded_at" timestamptz null, "overdue_notified_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "loans_request_id_index" on "loans" ("request_id");`);
    this.addSql(`create index "loans_borrower_id_index" on "loans" ("borrower_id");`);
    this.addSql(`create index "loans_state_ends_at_index" on "loans" ("state", "ends_at");`);
    this.addSql(`create index "loans_owner_id_starts_at_index" on "loans" ("owner_id", "starts_at");`);

    this.addSql(
      `create table "items" ("id" uuid not null, "organisation_id" uuid not null, "name" jsonb not null, "description" jsonb not null, "category" "item_category" not null, "quantity" int not null, "is_kit" boolean not null default false, "venue_id" uuid null, "address" text not null default '', "village_id" uuid not null, "pick_up_instructions" text not null default '', "borrowers" jsonb not null, "is_approval_required" boolean not null default true, "fee_members_cents" int not null default 0, "fee_organisations_cents" int not null default 0, "fee_private_cents" int not null default 0, "deposit_cents" int null, "max_days" int null, "notice_days" int null, "condition_notes" text not null default '', "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "items_organisation_id_index" on "items" ("organisation_id");`);
    this.addSql(`create index "items_village_id_index" on "items" ("village_id");`);

    this.addSql(
      `create table "out_of_service_periods" ("id" uuid not null, "item_id" uuid not null, "units" int not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "reason" text not null, "created_by_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "out_of_service_periods_item_id_starts_at_index" on "out_of_service_periods" ("item_id", "starts_at");`,
    );

    this.addSql(
      `create table "loan_lines" ("id" uuid not null, "loan_id" uuid not null, "item_id" uuid not null, "quantity" int not null, "kit_item_id" uuid null, "returned_fine" int not null default 0, "returned_damaged" int not null default 0, "returned_missing" int not null default 0, "return_notes" text not null default '', primary key ("id"));`,
    );
    this.addSql(`create index "loan_lines_loan_id_index" on "loan_lines" ("loan_id");`);
    this.addSql(`create index "loan_lines_item_id_index" on "loan_lines" ("item_id");`);

    this.addSql(
      `create table "kit_parts" ("id" uuid not null, "kit_id" uuid not null, "part_id" uuid not null, "quantity" int not null, primary key ("id"));`,
    );
    this.addSql(`create index "kit_parts_part_id_index" on "kit_parts" ("part_id");`);
    this.addSql(`alter table "kit_parts" add constraint "kit_parts_kit_id_part_id_unique" unique ("kit_id", "part_id");`);

    this.addSql(
      `alter table "loan_requests" add constraint "loan_requests_borrower_id_foreign" foreign key ("borrower_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "loan_requests" add constraint "loan_requests_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "loans" add constraint "loans_request_id_foreign" foreign key ("request_id") references "loan_requests" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "loans" add constraint "loans_owner_id_foreign" foreign key ("owner_id") references "organisations" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "loans" add constraint "loans_borrower_id_foreign" foreign key ("borrower_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "loans" add constraint "loans_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "loans" add constraint "loans_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(`alter table "loans" add constraint "loans_ends_after_start_check" check (ends_at > starts_at);`);

    this.addSql(
      `alter table "items" add constraint "items_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "items" add constraint "items_village_id_foreign" foreign key ("village_id") references "villages" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "items" add constraint "items_fees_check" check (fee_members_cents >= 0 and fee_organisations_cents >= 0 and fee_private_cents >= 0 and coalesce(deposit_cents, 0) >= 0);`,
    );
    this.addSql(`alter table "items" add constraint "items_quantity_check" check (quantity >= 1);`);

    this.addSql(
      `alter table "out_of_service_periods" add constraint "out_of_service_periods_item_id_foreign" foreign key ("item_id") references "items" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "out_of_service_periods" add constraint "out_of_service_periods_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(`alter table "out_of_service_periods" add constraint "out_of_service_periods_units_check" check (units >= 1);`);
    this.addSql(
      `alter table "out_of_service_periods" add constraint "out_of_service_periods_ends_after_start_check" check (ends_at > starts_at);`,
    );

    this.addSql(
      `alter table "loan_lines" add constraint "loan_lines_loan_id_foreign" foreign key ("loan_id") references "loans" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "loan_lines" add constraint "loan_lines_item_id_foreign" foreign key ("item_id") references "items" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "loan_lines" add constraint "loan_lines_kit_item_id_foreign" foreign key ("kit_item_id") references "items" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "loan_lines" add constraint "loan_lines_returned_check" check (returned_fine >= 0 and returned_damaged >= 0 and returned_missing >= 0 and returned_fine + returned_damaged + returned_missing <= quantity);`,
    );
    this.addSql(`alter table "loan_lines" add constraint "loan_lines_quantity_check" check (quantity >= 1);`);

    this.addSql(
      `alter table "kit_parts" add constraint "kit_parts_kit_id_foreign" foreign key ("kit_id") references "items" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "kit_parts" add constraint "kit_parts_part_id_foreign" foreign key ("part_id") references "items" ("id") on delete restrict;`,
    );
    this.addSql(`alter table "kit_parts" add constraint "kit_parts_quantity_check" check (quantity >= 1);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "loans" drop constraint "loans_request_id_foreign";`);
    this.addSql(`alter table "loan_lines" drop constraint "loan_lines_loan_id_foreign";`);
    this.addSql(`alter table "out_of_service_periods" drop constraint "out_of_service_periods_item_id_foreign";`);
    this.addSql(`alter table "loan_lines" drop constraint "loan_lines_item_id_foreign";`);
    this.addSql(`alter table "loan_lines" drop constraint "loan_lines_kit_item_id_foreign";`);
    this.addSql(`alter table "kit_parts" drop constraint "kit_parts_kit_id_foreign";`);
    this.addSql(`alter table "kit_parts" drop constraint "kit_parts_part_id_foreign";`);

    this.addSql(`drop table if exists "loan_requests" cascade;`);
    this.addSql(`drop table if exists "loans" cascade;`);
    this.addSql(`drop table if exists "items" cascade;`);
    this.addSql(`drop table if exists "out_of_service_periods" cascade;`);
    this.addSql(`drop table if exists "loan_lines" cascade;`);
    this.addSql(`drop table if exists "kit_parts" cascade;`);

    this.addSql(`drop type "loan_state";`);
    this.addSql(`drop type "loan_fee_tier";`);
    this.addSql(`drop type "item_category";`);
  }
}
