import { Migration } from '@mikro-orm/migrations';

export class Migration20261123170206_BookingExpiry extends Migration {
  override name = 'Migration20261123170206_BookingExpiry';

  override up(): void | Promise<void> {
    this.addSql(`alter table "bookings" add "expires_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "bookings" drop column "expires_at";`);
  }
}
