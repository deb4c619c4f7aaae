import { Migration } from '@mikro-orm/migrations';

// Tables that public pages show announce each committed change on the channel `content_changed`
// with their data area, so every portal drops the kept pages that show it (ADR 020).

export class Migration20261204215136_ContentChangeNotify extends Migration {
  override name = 'Migration20261204215136_ContentChangeNotify';

  override up(): void | Promise<void> {
    this.addSql(
      `create or replace function "regions_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'places'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "regions" for each STATEMENT execute function "regions_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "municipalities_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'places'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "municipalities" for each STATEMENT execute function "municipalities_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "villages_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'places'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "villages" for each STATEMENT execute function "villages_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "organisations_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'organisations'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "organisations" for each STATEMENT execute function "organisations_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "venues_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'venues'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "venues" for each STATEMENT execute function "venues_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "venue_photos_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'venues'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "venue_photos" for each STATEMENT execute function "venue_photos_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "spaces_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'venues'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "spaces" for each STATEMENT execute function "spaces_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "bookings_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'venues'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "bookings" for each STATEMENT execute function "bookings_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "booking_occupancies_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'venues'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "booking_occupancies" for each STATEMENT execute function "booking_occupancies_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "events_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'events'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "events" for each STATEMENT execute function "events_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "event_occurrences_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'events'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "event_occurrences" for each STATEMENT execute function "event_occurrences_content_changed_fn"();`,
    );

    this.addSql(
      `create or replace function "event_co_organisers_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'events'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "event_co_organisers" for each STATEMENT execute function "event_co_organisers_content_changed_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "content_changed" on "booking_occupancies";`);
    this.addSql(`drop function if exists "booking_occupancies_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "bookings";`);
    this.addSql(`drop function if exists "bookings_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "event_co_organisers";`);
    this.addSql(`drop function if exists "event_co_organisers_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "event_occurrences";`);
    this.addSql(`drop function if exists "event_occurrences_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "events";`);
    this.addSql(`drop function if exists "events_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "municipalities";`);
    this.addSql(`drop function if exists "municipalities_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "organisations";`);
    this.addSql(`drop function if exists "organisations_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "regions";`);
    this.addSql(`drop function if exists "regions_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "spaces";`);
    this.addSql(`drop function if exists "spaces_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "venue_photos";`);
    this.addSql(`drop function if exists "venue_photos_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "venues";`);
    this.addSql(`drop function if exists "venues_content_changed_fn"();`);

    this.addSql(`drop trigger if exists "content_changed" on "villages";`);
    this.addSql(`drop function if exists "villages_content_changed_fn"();`);
  }
}
