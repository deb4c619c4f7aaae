import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '@talkoot/platform';
import { notifyLoansById } from './mail/loan-notifications.js';
import type { LoanUpdateKind } from './mail/loan-update.template.js';

const DAY_MS = 86_400_000;

// The worker's periodic pass over loans. Each step marks its loans and writes their mails in one
// transaction, and picks only unmarked rows (skip locked): a sweep that runs twice, or on two
// workers at once, sends each mail once.
@Injectable()
export class LoanSweepService {
  private readonly logger = new Logger('LoanSweepService');

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now = new Date()): Promise<void> {
    await this.expireRequests(now);
    await this.remindPickUps(now);
    await this.remindReturns(now);
    await this.noticeOverdue(now);
  }

  // Unanswered requests let go of their units.
  async expireRequests(now = new Date()): Promise<string[]> {
    return this.mark(
      `update loans set state = 'expired', expires_at = null where id in (
         select id from loans where state = 'requested' and expires_at <= ? order by expires_at limit 200 for update skip locked)
       returning id`,
      [now],
      ['expired'],
      'unanswered loan request(s) expired',
    );
  }

  // The day before the loan starts, once.
  async remindPickUps(now = new Date()): Promise<string[]> {
    return this.mark(
      `update loans set pick_up_reminded_at = ? where id in (
         select id from loans where state = 'approved' and pick_up_reminded_at is null and starts_at > ? and starts_at <= ?
         order by starts_at limit 200 for update skip locked)
       returning id`,
      [now, now, new Date(now.getTime() + DAY_MS)],
      ['pickUpReminder'],
    );
  }

  // The day before the loan ends, once.
  async remindReturns(now = new Date()): Promise<string[]> {
    return this.mark(
      `update loans set return_reminded_at = ? where id in (
         select id from loans where state = 'pickedUp' and return_reminded_at is null and ends_at > ? and ends_at <= ?
         order by ends_at limit 200 for update skip locked)
       returning id`,
      [now, now, new Date(now.getTime() + DAY_MS)],
      ['returnReminder'],
    );
  }

  // Picked up and not all back after the end: the borrower and the owner hear of it, once.
  async noticeOverdue(now = new Date()): Promise<string[]> {
    return this.mark(
      `update loans set overdue_notified_at = ? where id in (
         select id from loans where state = 'pickedUp' and overdue_notified_at is null and ends_at <= ?
         order by ends_at limit 200 for update skip locked)
       returning id`,
      [now, now],
      ['overdue', 'overdueOwner'],
      'loan(s) overdue',
    );
  }

  private async mark(sql: string, params: unknown[], kinds: LoanUpdateKind[], logLine?: string): Promise<string[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const ids = (await em.execute<{ id: string }[]>(sql, params)).map((row) => row.id);
      for (const kind of kinds) await notifyLoansById(em, ids, kind, { publicOrigin: this.config.publicOrigin });
      if (ids.length && logLine) this.logger.log(`${ids.length} ${logLine}`);
      return ids;
    });
  }
}
