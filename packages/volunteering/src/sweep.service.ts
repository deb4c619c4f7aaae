import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '@talkoot/platform';
import type { Language } from '@talkoot/platform/schemas';
import { ClaimService } from './claim.service.js';
import { dueReminder, reminderInstant } from './claim.rules.js';
import { mailVolunteer } from './mail/volunteer-notifications.js';
import { readShift } from './shift-lock.js';

const DAY_MS = 86_400_000;

// The periodic pass: unconfirmed holds expire (the place goes to the next in line), and reminders
// go three days and one day before each shift, once per volunteer and shift and kind however often
// this runs (the unique key of volunteer_reminders decides), each with its own link tokens.
@Injectable()
export class VolunteerSweepService {
  private readonly logger = new Logger('VolunteerSweepService');

  constructor(
    private readonly orm: MikroORM,
    private readonly claims: ClaimService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now = new Date()): Promise<{ sent: number; expired: number }> {
    const expired = await this.expireHolds(now);
    const sent = await this.sendReminders(now);
    return { sent, expired };
  }

  async expireHolds(now = new Date()): Promise<number> {
    const due = await this.orm.em.fork().execute<{ id: string }[]>(
      `select id from volunteer_claims where state in ('placed', 'waiting') and confirmed_at is null
          and hold_expires_at is not null and hold_expires_at <= ? order by hold_expires_at limit 200`,
      [now],
    );
    let count = 0;
    for (const { id } of due) {
      await this.orm.em.fork().transactional(async (em) => {
        try {
          await this.claims.release(em, id, 'expired', now);
          count++;
        } catch {
          // Confirmed or withdrawn in between: nothing to let go.
        }
      });
    }
    if (count) this.logger.log(`${count} unconfirmed place(s) let go`);
    return count;
  }

  async sendReminders(now = new Date()): Promise<number> {
    // Shifts starting within three days and a bit (a DST day is 25 hours), placed claims with an email.
    const candidates = await this.orm.em.fork().execute<
      {
        id: string;
        shift_id: string;
        starts_at: Date;
        ends_at: Date;
        created_at: Date;
        email: string;
        name: string;
        language: Language;
        user_id: string | null;
      }[]
    >(
      `select c.id, c.shift_id, s.starts_at, s.ends_at, c.created_at, c.email, c.name, c.language, c.user_id
         from volunteer_claims c join volunteer_shifts s on s.id = c.shift_id join volunteer_tasks t on t.id = s.task_id
        where c.state = 'placed' and c.email is not null and t.cancelled_at is null
          and s.starts_at > ? and s.starts_at <= ?
          and (c.confirmed_at is not null)
        order by s.starts_at limit 2000`,
      [now, new Date(now.getTime() + 3 * DAY_MS + DAY_MS / 12)],
    );
    let sent = 0;
    for (const claim of candidates) {
      const kind = dueReminder(new Date(claim.starts_at), new Date(claim.created_at), now);
      if (!kind) continue;
      await this.orm.em.fork().transactional(async (em) => {
        const inserted = await em.execute<{ id: string }[]>(
          `insert into volunteer_reminders (id, claim_id, kind, sent_at) values (gen_random_uuid(), ?, ?, ?)
           on conflict (claim_id, kind) do nothing returning id`,
          [claim.id, kind, now],
        );
        if (inserted.length === 0) return;
        // Withdrawn or handed over since it was read: no reminder (the row keeps it from coming later).
        const [still] = await em.execute<{ state: string }[]>(`select state from volunteer_claims where id = ?`, [claim.id]);
        if (still?.state !== 'placed') return;
        const shift = await readShift(em, claim.shift_id);
        if (!shift) return;
        const until = new Date(claim.ends_at);
        const coming = await this.claims.issueToken(em, claim.id, 'coming', until);
        const cannotCome = await this.claims.issueToken(em, claim.id, 'cannotCome', until);
        mailVolunteer(
          em,
          shift,
          'reminder',
          { email: claim.email, name: claim.name, language: claim.language },
          {
            link: this.claims.tokenLink(coming),
            secondLink: this.claims.tokenLink(cannotCome),
            daysBefore: kind === 'threeDays' ? 3 : 1,
          },
        );
        sent++;
      });
    }
    if (sent) this.logger.log(`${sent} shift reminder(s) sent`);
    return sent;
  }

  // When the next reminder of a shift falls (for tests and the dev route's answer).
  nextReminder(startsAt: Date): Date {
    return reminderInstant(startsAt, 3);
  }

  get publicOrigin(): string {
    return this.config.publicOrigin;
  }
}
