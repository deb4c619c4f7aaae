import { Migration } from '@mikro-orm/migrations';

// Each outbox row names its queue (from the message's declaration), so the relay needs no table of
// topics. Rows written before this knew only their topic.
export class Migration20261204160000_OutboxQueues extends Migration {
  override name = 'Migration20261204160000_OutboxQueues';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbox_messages" add column "queue" text null;`);
    this.addSql(`update "outbox_messages" set "queue" = case "topic" when 'feeds.rebuild' then 'feeds' else 'mail' end;`);
    this.addSql(`alter table "outbox_messages" alter column "queue" set not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbox_messages" drop column "queue";`);
  }
}
