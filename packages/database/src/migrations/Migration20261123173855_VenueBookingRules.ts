import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173855_VenueBookingRules extends Migration {
  override name = 'Migration20261123173855_VenueBookingRules';

  override up(): void | Promise<void> {
    this.addSql(`create type "space_price_unit" as enum ('free', 'hour', 'day', 'fixed');`);
    this.addSql(`create type "booking_price_tier" as enum ('members', 'region', 'private');`);
    this.addSql(`create type "waitlist_status" as enum ('waiting', 'offered', 'booked', 'lapsed', 'withdrawn');`);
    this.addSql(
      `create table "venue_photos" ("id" uuid not null, "venue_id" uuid not null, "alt_text" text not null, "position" int not null default 0, "content_type" text not null, "width" int not null, "height" int not null, "data" bytea not null, "thumbnail" bytea not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "venue_photos_venue_id_index" on "venue_photos" ("venue_id");`);

    this.addSql(
      `create table "booking_series" ("id" uuid not null, "space_id" uuid not null, "requester_id" uuid null, "organisation_id" uuid null, "title" text not null, "rule" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "booking_series_space_id_index" on "booking_series" ("space_id");`);

    this.addSql(
      `create table "waitlist_entries" ("id" uuid not null, "space_id" uuid not null, "user_id" uuid not null, "organisation_id" uuid null, "title" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" "waitlist_status" not null default 'waiting', "offer_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "waitlist_entries_user_id_index" on "waitlist_entries" ("user_id");`);
    this.addSql(
      `create index "waitlist_entries_space_id_status_created_at_index" on "waitlist_entries" ("space_id", "status", "created_at");`,
    );

    this.addSql(
      `alter table "venues" add "key_instructions" text null, add "contact_name" text null, add "contact_phone" text null, add "contact_email" text null, add "payment_iban" text null, add "feed_token" text null;`,
    );
    // Existing venues get a feed token and an empty closed-dates list before the columns turn not null.
    this.addSql(`update "venues" set "feed_token" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');`);
    this.addSql(`alter table "venues" alter column "feed_token" set not null;`);
    this.addSql(`alter table "venues" add constraint "venues_feed_token_unique" unique ("feed_token");`);

    this.addSql(
      `alter table "spaces" add "min_notice_hours" int not null default 24, add "max_days_ahead" int not null default 365, add "opening_hours" jsonb null, add "closed_dates" jsonb not null default '[]', add "price_unit" "space_price_unit" not null default 'free', add "price_members_cents" int not null default 0, add "price_region_cents" int not null default 0, add "price_private_cents" int not null default 0, add "deposit_cents" int not null default 0, add "free_cancellation_hours" int not null default 48, add "cancellation_fee_percent" int not null default 0;`,
    );
    this.addSql(`alter table "spaces" alter column "closed_dates" drop default;`);
    // Bank reference numbers (viitenumero) are this number plus a check digit.
    this.addSql(`create sequence if not exists "booking_reference_seq" start 1000;`);

    this.addSql(`alter type "booking_status" add value if not exists 'offered' after 'expired';`);
    this.addSql(
      `alter table "bookings" add "series_id" uuid null, add "booked_by_id" uuid null, add "guest_name" text null, add "guest_phone" text null, add "guest_email" text null, add "guest_consent_at" timestamptz null, add "is_free_event" boolean not null default false, add "price_tier" "booking_price_tier" null, add "price_cents" int not null default 0, add "deposit_cents" int not null default 0, add "reference_number" text null, add "paid_at" timestamptz null, add "cancelled_at" timestamptz null, add "cancellation_fee_cents" int not null default 0, add "reminder_sent_at" timestamptz null;`,
    );
    this.addSql(
      `alter table "bookings" add constraint "bookings_series_id_foreign" foreign key ("series_id") references "booking_series" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "bookings" add constraint "bookings_booked_by_id_foreign" foreign key ("booked_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(`create index "bookings_series_id_index" on "bookings" ("series_id");`);
    this.addSql(`create index "bookings_reference_number_index" on "bookings" ("reference_number");`);

    this.addSql(
      `alter table "venue_photos" add constraint "venue_photos_venue_id_foreign" foreign key ("venue_id") references "venues" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "booking_series" add constraint "booking_series_space_id_foreign" foreign key ("space_id") references "spaces" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "booking_series" add constraint "booking_series_requester_id_foreign" foreign key ("requester_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "booking_series" add constraint "booking_series_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "waitlist_entries" add constraint "waitlist_entries_space_id_foreign" foreign key ("space_id") references "spaces" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "waitlist_entries" add constraint "waitlist_entries_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "waitlist_entries" add constraint "waitlist_entries_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "waitlist_entries" add constraint "waitlist_entries_offer_id_foreign" foreign key ("offer_id") references "bookings" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists "booking_reference_seq";`);
    this.addSql(`alter table "bookings" drop constraint "bookings_series_id_foreign";`);

    this.addSql(`drop table if exists "venue_photos" cascade;`);
    this.addSql(`drop table if exists "booking_series" cascade;`);
    this.addSql(`drop table if exists "waitlist_entries" cascade;`);

    this.addSql(`alter table "bookings" drop constraint "bookings_booked_by_id_foreign";`);

    this.addSql(`drop index "bookings_series_id_index";`);
    this.addSql(`drop index "bookings_reference_number_index";`);
    this.addSql(
      `alter table "bookings" drop column "series_id", drop column "booked_by_id", drop column "guest_name", drop column "guest_phone", drop column "guest_email", drop column "guest_consent_at", drop column "is_free_event", drop column "price_tier", drop column "price_cents", drop column "deposit_cents", drop column "reference_number", drop column "paid_at", drop column "cancelled_at", drop column "cancellation_fee_cents", drop column "reminder_sent_at";`,
    );

    this.addSql(
      `alter table "spaces" drop column "min_notice_hours", drop column "max_days_ahead", drop column "opening_hours", drop column "closed_dates", drop column "price_unit", drop column "price_members_cents", drop column "price_region_cents", drop column "price_private_cents", drop column "deposit_cents", drop column "free_cancellation_hours", drop column "cancellation_fee_percent";`,
    );

    this.addSql(`alter table "venues" drop constraint "venues_feed_token_unique";`);
    this.addSql(
      `alter table "venues" drop column "key_instructions", drop column "contact_name", drop column "contact_phone", drop column "contact_email", drop column "payment_iban", drop column "feed_token";`,
    );

    this.addSql(`drop type "space_price_unit";`);
    this.addSql(`drop type "booking_price_tier";`);
    this.addSql(`drop type "waitlist_status";`);
  }
}
