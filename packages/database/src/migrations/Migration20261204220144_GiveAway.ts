import { Migration } from '@mikro-orm/migrations';

export class Migration20261204220144_GiveAway extends Migration {
  override name = 'Migration20261204220144_GiveAway';

  override up(): void | Promise<void> {
    this.addSql(`create type "give_away_state" as enum ('offered', 'claimed', 'given', 'withdrawn');`);
    this.addSql(
      `create table "give_away_offers" ("id" uuid not null, "item_id" uuid not null, "owner_id" uuid not null, "units" int not null, "note" text not null default '', "state" "give_away_state" not null default 'offered', "claimer_id" uuid null, "claimed_by_id" uuid null, "claim_message" text not null default '', "decline_reason" text null, "received_item_id" uuid null, "created_by_id" uuid null, "created_at" timestamptz not null, "claimed_at" timestamptz null, "given_at" timestamptz null, "withdrawn_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "give_away_offers_owner_id_index" on "give_away_offers" ("owner_id");`);
    this.addSql(`create index "give_away_offers_claimer_id_index" on "give_away_offers" ("claimer_id");`);
    this.addSql(`create index "give_away_offers_state_created_at_index" on "give_away_offers" ("state", "created_at");`);
    this.addSql(`create index "give_away_offers_item_id_state_index" on "give_away_offers" ("item_id", "state");`);

    this.addSql(`alter table "items" drop constraint "items_quantity_check";`);
    this.addSql(`alter table "items" add "retired_at" timestamptz null;`);
    this.addSql(
      `alter table "items" add constraint "items_quantity_check" check (quantity >= 1 or (quantity = 0 and retired_at is not null));`,
    );

    this.addSql(
      `alter table "give_away_offers" add constraint "give_away_offers_item_id_foreign" foreign key ("item_id") references "items" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "give_away_offers" add constraint "give_away_offers_owner_id_foreign" foreign key ("owner_id") references "organisations" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "give_away_offers" add constraint "give_away_offers_claimer_id_foreign" foreign key ("claimer_id") references "organisations" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "give_away_offers" add constraint "give_away_offers_claimed_by_id_foreign" foreign key ("claimed_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "give_away_offers" add constraint "give_away_offers_received_item_id_foreign" foreign key ("received_item_id") references "items" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "give_away_offers" add constraint "give_away_offers_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null;`,
    );
    this.addSql(`alter table "give_away_offers" add constraint "give_away_offers_units_check" check (units >= 1);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "give_away_offers" cascade;`);

    this.addSql(`alter table "items" drop constraint "items_quantity_check";`);
    this.addSql(`alter table "items" drop column "retired_at";`);
    this.addSql(`alter table "items" add constraint "items_quantity_check" check (quantity >= 1);`);

    this.addSql(`drop type "give_away_state";`);
  }
}
