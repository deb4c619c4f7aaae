import { Migration } from '@mikro-orm/migrations';

// The lending tables announce each committed change on `content_changed` as the area 'lending', so
// every portal drops its kept lending pages: the search, an item's days, the give-away list (ADR 020).

export class Migration20261204230000_LendingContentChangeNotify extends Migration {
  override name = 'Migration20261204230000_LendingContentChangeNotify';

  override up(): void | Promise<void> {
    this.addSql(
      `create or replace function "items_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'lending'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "items" for each STATEMENT execute function "items_content_changed_fn"();`,
    );
    this.addSql(
      `create or replace function "kit_parts_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'lending'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "kit_parts" for each STATEMENT execute function "kit_parts_content_changed_fn"();`,
    );
    this.addSql(
      `create or replace function "out_of_service_periods_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'lending'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "out_of_service_periods" for each STATEMENT execute function "out_of_service_periods_content_changed_fn"();`,
    );
    this.addSql(
      `create or replace function "loans_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'lending'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "loans" for each STATEMENT execute function "loans_content_changed_fn"();`,
    );
    this.addSql(
      `create or replace function "loan_lines_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'lending'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "loan_lines" for each STATEMENT execute function "loan_lines_content_changed_fn"();`,
    );
    this.addSql(
      `create or replace function "give_away_offers_content_changed_fn"() returns trigger as $$ begin perform pg_notify('content_changed', 'lending'); return null; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "content_changed" AFTER INSERT OR UPDATE OR DELETE on "give_away_offers" for each STATEMENT execute function "give_away_offers_content_changed_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "content_changed" on "items";`);
    this.addSql(`drop function if exists "items_content_changed_fn"();`);
    this.addSql(`drop trigger if exists "content_changed" on "kit_parts";`);
    this.addSql(`drop function if exists "kit_parts_content_changed_fn"();`);
    this.addSql(`drop trigger if exists "content_changed" on "out_of_service_periods";`);
    this.addSql(`drop function if exists "out_of_service_periods_content_changed_fn"();`);
    this.addSql(`drop trigger if exists "content_changed" on "loans";`);
    this.addSql(`drop function if exists "loans_content_changed_fn"();`);
    this.addSql(`drop trigger if exists "content_changed" on "loan_lines";`);
    this.addSql(`drop function if exists "loan_lines_content_changed_fn"();`);
    this.addSql(`drop trigger if exists "content_changed" on "give_away_offers";`);
    this.addSql(`drop function if exists "give_away_offers_content_changed_fn"();`);
  }
}
