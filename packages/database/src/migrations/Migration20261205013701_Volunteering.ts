import { Migration } from '@mikro-orm/migrations';

export class Migration20261205013701_Volunteering extends Migration {
  override name = 'Migration20261205013701_Volunteering';

  override up(): void | Promise<void> {
    this.addSql(`create type "volunteer_task_source" as enum ('loan', 'booking');`);
    this.addSql(`create type "volunteer_claim_state" as enum ('placed', 'waiting', 'withdrawn', 'expired', 'handedOver');`);
    this.addSql(`create type "volunteer_claim_origin" as enum ('self', 'guest', 'behalf', 'sheet', 'swap');`);
    this.addSql(`create type "volunteer_attendance" as enum ('came', 'noShow');`);
    this.addSql(`create type "volunteer_swap_state" as enum ('open', 'taken', 'cancelled');`);
    this.addSql(`create type "volunteer_hours_kind" as enum ('shift', 'standing');`);
    this.addSql(`create type "volunteer_hours_state" as enum ('pending', 'approved', 'rejected');`);
    this.addSql(`create type "volunteer_token_purpose" as enum ('confirm', 'coming', 'cannotCome');`);
    this.addSql(
      `create table "volunteer_feeds" ("id" uuid not null, "user_id" uuid not null, "secret_hash" text not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "volunteer_feeds" add constraint "volunteer_feeds_user_id_unique" unique ("user_id");`);
    this.addSql(`alter table "volunteer_feeds" add constraint "volunteer_feeds_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(
      `create table "volunteer_tasks" ("id" uuid not null, "organisation_id" uuid not null, "event_id" uuid null, "title" jsonb not null, "description" jsonb not null, "place" text not null default '', "contact_name" text not null, "contact_phone" text null, "contact_email" text null, "requirements" jsonb not null, "withdrawal_cutoff_hours" int not null default 24, "deadline" date null, "source_kind" "volunteer_task_source" null, "source_id" uuid null, "created_by_id" uuid null, "created_at" timestamptz not null, "cancelled_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "volunteer_tasks_organisation_id_created_at_index" on "volunteer_tasks" ("organisation_id", "created_at");`,
    );
    this.addSql(`create index "volunteer_tasks_event_id_index" on "volunteer_tasks" ("event_id");`);

    this.addSql(
      `create table "volunteer_shifts" ("id" uuid not null, "task_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "capacity" int not null, primary key ("id"));`,
    );
    this.addSql(`create index "volunteer_shifts_starts_at_index" on "volunteer_shifts" ("starts_at");`);
    this.addSql(`create index "volunteer_shifts_task_id_index" on "volunteer_shifts" ("task_id");`);

    this.addSql(
      `create table "volunteer_claims" ("id" uuid not null, "shift_id" uuid not null, "state" "volunteer_claim_state" not null, "origin" "volunteer_claim_origin" not null, "place_no" int null, "user_id" uuid null, "name" text not null, "email" text null, "email_normalised" text null, "phone" text null, "language" text not null, "confirmed_requirements" jsonb not null, "entered_by_id" uuid null, "confirmed_at" timestamptz null, "hold_expires_at" timestamptz null, "attendance" "volunteer_attendance" null, "coming_confirmed_at" timestamptz null, "created_at" timestamptz not null, "ended_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "volunteer_claims_state_hold_expires_at_index" on "volunteer_claims" ("state", "hold_expires_at");`,
    );
    this.addSql(`create index "volunteer_claims_email_normalised_index" on "volunteer_claims" ("email_normalised");`);
    this.addSql(`create index "volunteer_claims_user_id_index" on "volunteer_claims" ("user_id");`);
    this.addSql(
      `create index "volunteer_claims_shift_id_state_created_at_index" on "volunteer_claims" ("shift_id", "state", "created_at");`,
    );
    this.addSql(
      `create unique index "volunteer_claims_email_unique" on "volunteer_claims" ("shift_id", "email_normalised") where "state" in ('placed', 'waiting') and "email_normalised" is not null;`,
    );
    this.addSql(
      `create unique index "volunteer_claims_user_unique" on "volunteer_claims" ("shift_id", "user_id") where "state" in ('placed', 'waiting') and "user_id" is not null;`,
    );
    this.addSql(
      `create unique index "volunteer_claims_place_unique" on "volunteer_claims" ("shift_id", "place_no") where "state" = 'placed';`,
    );

    this.addSql(
      `create table "volunteer_swaps" ("id" uuid not null, "claim_id" uuid not null, "to_email" text null, "state" "volunteer_swap_state" not null default 'open', "offered_by_id" uuid not null, "taken_claim_id" uuid null, "created_at" timestamptz not null, "ended_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "volunteer_swaps_to_email_state_index" on "volunteer_swaps" ("to_email", "state");`);
    this.addSql(`create unique index "volunteer_swaps_open_unique" on "volunteer_swaps" ("claim_id") where "state" = 'open';`);

    this.addSql(
      `create table "volunteer_reminders" ("id" uuid not null, "claim_id" uuid not null, "kind" text not null, "sent_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "volunteer_reminders" add constraint "volunteer_reminders_claim_id_kind_unique" unique ("claim_id", "kind");`,
    );

    this.addSql(
      `create table "volunteer_hours" ("id" uuid not null, "organisation_id" uuid not null, "task_id" uuid not null, "claim_id" uuid null, "user_id" uuid null, "volunteer_name" text not null, "email_normalised" text null, "kind" "volunteer_hours_kind" not null, "state" "volunteer_hours_state" not null, "hours" numeric(6,2) not null, "work_date" date not null, "note" text not null default '', "decided_by_id" uuid null, "decided_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "volunteer_hours_task_id_index" on "volunteer_hours" ("task_id");`);
    this.addSql(`alter table "volunteer_hours" add constraint "volunteer_hours_claim_id_unique" unique ("claim_id");`);
    this.addSql(`create index "volunteer_hours_email_normalised_index" on "volunteer_hours" ("email_normalised");`);
    this.addSql(`create index "volunteer_hours_user_id_index" on "volunteer_hours" ("user_id");`);
    this.addSql(
      `create index "volunteer_hours_organisation_id_work_date_index" on "volunteer_hours" ("organisation_id", "work_date");`,
    );

    this.addSql(
      `create table "volunteer_templates" ("id" uuid not null, "organisation_id" uuid not null, "name" jsonb not null, "tasks" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "volunteer_templates_organisation_id_index" on "volunteer_templates" ("organisation_id");`);

    this.addSql(
      `create table "volunteer_tokens" ("id" uuid not null, "claim_id" uuid not null, "purpose" "volunteer_token_purpose" not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "volunteer_tokens" add constraint "volunteer_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "volunteer_tokens_claim_id_index" on "volunteer_tokens" ("claim_id");`);

    this.addSql(
      `alter table "volunteer_feeds" add constraint "volunteer_feeds_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "volunteer_tasks" add constraint "volunteer_tasks_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "volunteer_tasks" add constraint "volunteer_tasks_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "volunteer_tasks" add constraint "volunteer_tasks_cutoff_check" check (withdrawal_cutoff_hours >= 0);`,
    );
    this.addSql(
      `create or replace function "volunteer_tasks_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'volunteering'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "volunteer_tasks" for each STATEMENT execute function "volunteer_tasks_content_changed_fn"();`,
    );

    this.addSql(
      `alter table "volunteer_shifts" add constraint "volunteer_shifts_task_id_foreign" foreign key ("task_id") references "volunteer_tasks" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "volunteer_shifts" add constraint "volunteer_shifts_capacity_check" check (capacity >= 1);`);
    this.addSql(
      `alter table "volunteer_shifts" add constraint "volunteer_shifts_ends_after_start_check" check (ends_at > starts_at);`,
    );
    this.addSql(
      `create or replace function "volunteer_shifts_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'volunteering'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "volunteer_shifts" for each STATEMENT execute function "volunteer_shifts_content_changed_fn"();`,
    );

    this.addSql(
      `alter table "volunteer_claims" add constraint "volunteer_claims_shift_id_foreign" foreign key ("shift_id") references "volunteer_shifts" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "volunteer_claims" add constraint "volunteer_claims_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "volunteer_claims" add constraint "volunteer_claims_entered_by_id_foreign" foreign key ("entered_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "volunteer_claims" add constraint "volunteer_claims_place_check" check ((state = 'placed') = (place_no is not null) and (place_no is null or place_no >= 1));`,
    );
    this.addSql(
      `create or replace function "volunteer_claims_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'volunteering'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "volunteer_claims" for each STATEMENT execute function "volunteer_claims_content_changed_fn"();`,
    );
    this
      .addSql(`create or replace function "volunteer_claims_place_within_capacity_fn"() returns trigger as $$ begin if new.state = 'placed' and new.place_no > (select capacity from volunteer_shifts where id = new.shift_id) then
  raise exception 'place % is beyond the capacity of shift %', new.place_no, new.shift_id
    using errcode = '23514', constraint = 'volunteer_claims_place_within_capacity'; end if; return new; end; $$ language plpgsql;`);
    this.addSql(
      `create trigger "place_within_capacity" BEFORE INSERT OR UPDATE on "volunteer_claims" for each ROW execute function "volunteer_claims_place_within_capacity_fn"();`,
    );

    this.addSql(
      `alter table "volunteer_swaps" add constraint "volunteer_swaps_claim_id_foreign" foreign key ("claim_id") references "volunteer_claims" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "volunteer_swaps" add constraint "volunteer_swaps_offered_by_id_foreign" foreign key ("offered_by_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "volunteer_swaps" add constraint "volunteer_swaps_taken_claim_id_foreign" foreign key ("taken_claim_id") references "volunteer_claims" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "volunteer_reminders" add constraint "volunteer_reminders_claim_id_foreign" foreign key ("claim_id") references "volunteer_claims" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "volunteer_hours" add constraint "volunteer_hours_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "volunteer_hours" add constraint "volunteer_hours_task_id_foreign" foreign key ("task_id") references "volunteer_tasks" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "volunteer_hours" add constraint "volunteer_hours_claim_id_foreign" foreign key ("claim_id") references "volunteer_claims" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "volunteer_hours" add constraint "volunteer_hours_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "volunteer_hours" add constraint "volunteer_hours_decided_by_id_foreign" foreign key ("decided_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "volunteer_hours" add constraint "volunteer_hours_positive_check" check (hours > 0 and hours <= 24);`,
    );

    this.addSql(
      `alter table "volunteer_templates" add constraint "volunteer_templates_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "volunteer_tokens" add constraint "volunteer_tokens_claim_id_foreign" foreign key ("claim_id") references "volunteer_claims" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "volunteer_shifts" drop constraint "volunteer_shifts_task_id_foreign";`);
    this.addSql(`alter table "volunteer_hours" drop constraint "volunteer_hours_task_id_foreign";`);
    this.addSql(`alter table "volunteer_claims" drop constraint "volunteer_claims_shift_id_foreign";`);
    this.addSql(`alter table "volunteer_swaps" drop constraint "volunteer_swaps_claim_id_foreign";`);
    this.addSql(`alter table "volunteer_swaps" drop constraint "volunteer_swaps_taken_claim_id_foreign";`);
    this.addSql(`alter table "volunteer_reminders" drop constraint "volunteer_reminders_claim_id_foreign";`);
    this.addSql(`alter table "volunteer_hours" drop constraint "volunteer_hours_claim_id_foreign";`);
    this.addSql(`alter table "volunteer_tokens" drop constraint "volunteer_tokens_claim_id_foreign";`);

    this.addSql(`drop table if exists "volunteer_feeds" cascade;`);
    this.addSql(`drop trigger if exists "content_changed" on "volunteer_tasks";`);
    this.addSql(`drop function if exists "volunteer_tasks_content_changed_fn"();`);
    this.addSql(`drop table if exists "volunteer_tasks" cascade;`);
    this.addSql(`drop trigger if exists "content_changed" on "volunteer_shifts";`);
    this.addSql(`drop function if exists "volunteer_shifts_content_changed_fn"();`);
    this.addSql(`drop table if exists "volunteer_shifts" cascade;`);
    this.addSql(`drop trigger if exists "content_changed" on "volunteer_claims";`);
    this.addSql(`drop function if exists "volunteer_claims_content_changed_fn"();`);
    this.addSql(`drop trigger if exists "place_within_capacity" on "volunteer_claims";`);
    this.addSql(`drop function if exists "volunteer_claims_place_within_capacity_fn"();`);
    this.addSql(`drop table if exists "volunteer_claims" cascade;`);
    this.addSql(`drop table if exists "volunteer_swaps" cascade;`);
    this.addSql(`drop table if exists "volunteer_reminders" cascade;`);
    this.addSql(`drop table if exists "volunteer_hours" cascade;`);
    this.addSql(`drop table if exists "volunteer_templates" cascade;`);
    this.addSql(`drop table if exists "volunteer_tokens" cascade;`);

    this.addSql(`drop type "volunteer_task_source";`);
    this.addSql(`drop type "volunteer_claim_state";`);
    this.addSql(`drop type "volunteer_claim_origin";`);
    this.addSql(`drop type "volunteer_attendance";`);
    this.addSql(`drop type "volunteer_swap_state";`);
    this.addSql(`drop type "volunteer_hours_kind";`);
    this.addSql(`drop type "volunteer_hours_state";`);
    this.addSql(`drop type "volunteer_token_purpose";`);
  }
}
