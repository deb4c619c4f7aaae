import { Migration } from '@mikro-orm/migrations';

export class Migration20261123153026_Initial extends Migration {
  override name = 'Migration20261123153026_Initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "mail_delivery_status" as enum ('sending', 'sent', 'failed');`);
    this.addSql(`create type "language" as enum ('fi', 'sv', 'en');`);
    this.addSql(
      `create type "organisation_kind" as enum ('association', 'parish', 'municipality', 'company', 'informal_group');`,
    );
    this.addSql(`create type "membership_role" as enum ('admin', 'coordinator', 'member');`);
    this.addSql(
      `create table "mail_deliveries" ("outbox_message_id" bigint not null, "status" "mail_delivery_status" not null default 'sending', "recipient" text not null, "template" text not null, "message_id" text null, "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, primary key ("outbox_message_id"));`,
    );

    this.addSql(
      `create table "outbox_messages" ("id" bigserial primary key, "topic" text not null, "payload" jsonb not null, "created_at" timestamptz not null, "available_at" timestamptz not null, "relayed_at" timestamptz null, "relay_attempts" int not null default 0, "last_error" text null);`,
    );
    this.addSql(`create index "outbox_messages_unrelayed_idx" on "outbox_messages" ("id") where "relayed_at" is null;`);

    this.addSql(`create table "regions" ("id" uuid not null, "name" text not null, primary key ("id"));`);
    this.addSql(`alter table "regions" add constraint "regions_name_unique" unique ("name");`);

    this.addSql(
      `create table "municipalities" ("id" uuid not null, "region_id" uuid not null, "name" text not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "municipalities" add constraint "municipalities_region_id_name_unique" unique ("region_id", "name");`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null, "name" text not null, "email" text not null, "phone" text null, "language" "language" not null default 'fi', "is_platform_admin" boolean not null default false, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "sign_in_tokens" ("id" uuid not null, "user_id" uuid null, "email" text not null, "token_hash" text null, "code_hash" text null, "failed_attempts" smallint not null default 0, "ip" text not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "sign_in_tokens" add constraint "sign_in_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sign_in_tokens_ip_created_at_index" on "sign_in_tokens" ("ip", "created_at");`);
    this.addSql(`create index "sign_in_tokens_email_created_at_index" on "sign_in_tokens" ("email", "created_at");`);

    this.addSql(
      `create table "sessions" ("id" uuid not null, "user_id" uuid not null, "token_hash" text not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "villages" ("id" uuid not null, "municipality_id" uuid not null, "name" text not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "villages" add constraint "villages_municipality_id_name_unique" unique ("municipality_id", "name");`,
    );

    this.addSql(
      `create table "organisations" ("id" uuid not null, "name" text not null, "kind" "organisation_kind" not null, "business_id" text null, "village_id" uuid not null, "contact_email" text null, "contact_phone" text null, "description" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "organisations" add constraint "organisations_business_id_unique" unique ("business_id");`);

    this.addSql(
      `create table "memberships" ("id" uuid not null, "user_id" uuid not null, "organisation_id" uuid not null, "role" "membership_role" not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "memberships_organisation_id_index" on "memberships" ("organisation_id");`);
    this.addSql(
      `alter table "memberships" add constraint "memberships_user_id_organisation_id_unique" unique ("user_id", "organisation_id");`,
    );

    this.addSql(
      `create table "invitations" ("id" uuid not null, "organisation_id" uuid not null, "email" text not null, "role" "membership_role" not null, "token_hash" text not null, "invited_by_id" uuid null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "invitations_organisation_id_index" on "invitations" ("organisation_id");`);
    this.addSql(`alter table "invitations" add constraint "invitations_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `alter table "municipalities" add constraint "municipalities_region_id_foreign" foreign key ("region_id") references "regions" ("id") on delete restrict;`,
    );

    this.addSql(`alter table "users" add constraint "users_email_lower_check" check (email = lower(email));`);

    this.addSql(
      `alter table "sign_in_tokens" add constraint "sign_in_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "villages" add constraint "villages_municipality_id_foreign" foreign key ("municipality_id") references "municipalities" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "organisations" add constraint "organisations_village_id_foreign" foreign key ("village_id") references "villages" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "memberships" add constraint "memberships_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "memberships" add constraint "memberships_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "invitations" add constraint "invitations_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "invitations" add constraint "invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "municipalities" drop constraint "municipalities_region_id_foreign";`);
    this.addSql(`alter table "villages" drop constraint "villages_municipality_id_foreign";`);
    this.addSql(`alter table "sign_in_tokens" drop constraint "sign_in_tokens_user_id_foreign";`);
    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);
    this.addSql(`alter table "memberships" drop constraint "memberships_user_id_foreign";`);
    this.addSql(`alter table "invitations" drop constraint "invitations_invited_by_id_foreign";`);
    this.addSql(`alter table "organisations" drop constraint "organisations_village_id_foreign";`);
    this.addSql(`alter table "memberships" drop constraint "memberships_organisation_id_foreign";`);
    this.addSql(`alter table "invitations" drop constraint "invitations_organisation_id_foreign";`);

    this.addSql(`drop table if exists "mail_deliveries" cascade;`);
    this.addSql(`drop table if exists "outbox_messages" cascade;`);
    this.addSql(`drop table if exists "regions" cascade;`);
    this.addSql(`drop table if exists "municipalities" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "sign_in_tokens" cascade;`);
    this.addSql(`drop table if exists "sessions" cascade;`);
    this.addSql(`drop table if exists "villages" cascade;`);
    this.addSql(`drop table if exists "organisations" cascade;`);
    this.addSql(`drop table if exists "memberships" cascade;`);
    this.addSql(`drop table if exists "invitations" cascade;`);

    this.addSql(`drop type "mail_delivery_status";`);
    this.addSql(`drop type "language";`);
    this.addSql(`drop type "organisation_kind";`);
    this.addSql(`drop type "membership_role";`);
  }
}
