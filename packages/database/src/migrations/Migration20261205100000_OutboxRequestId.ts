import { Migration } from '@mikro-orm/migrations';

export class Migration20261205100000_OutboxRequestId extends Migration {
  override name = 'Migration20261205100000_OutboxRequestId';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbox_messages" add column "request_id" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbox_messages" drop column "request_id";`);
  }
}
