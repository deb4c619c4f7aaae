import { Migration } from '@mikro-orm/migrations';

// When the running attempt of a mail began, committed before the send and cleared with its outcome:
// a later run that finds it set knows an attempt was interrupted and the mail was possibly sent.
export class Migration20261204190000_MailAttemptStarted extends Migration {
  override name = 'Migration20261204190000_MailAttemptStarted';

  override up(): void | Promise<void> {
    this.addSql(`alter table "mail_deliveries" add column "attempt_started_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "mail_deliveries" drop column "attempt_started_at";`);
  }
}
