import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig, addMinutes } from '@talkoot/platform';
import { Booking } from './booking.entity.js';
import { notifyBookingUpdate } from './booking-notifications.js';
import { WaitlistService } from './waitlist.service.js';

// Requests and waiting-list offers whose time to answer has passed become `expired` and stop
// holding their slot; freed slots go to the waiting list; bookings two days ahead get their
// reminder. The worker runs a sweep every half minute (BookingSweepProcessor).
@Injectable()
export class BookingExpiryService {
  private readonly logger = new Logger('BookingExpiry');

  constructor(
    private readonly orm: MikroORM,
    private readonly waitlist: WaitlistService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now = new Date()): Promise<void> {
    await this.expireDue(now);
    await this.waitlist.offerFreedSlots(now);
    await this.sendReminders(now);
  }

  // In one statement per table inside one transaction.
  async expireDue(now = new Date()): Promise<string[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const expired = await em.execute<{ id: string }[]>(
        `update bookings set status = 'expired', expires_at = null where status in ('requested', 'offered') and expires_at <= ? returning id`,
        [now],
      );
      const ids = expired.map((row) => row.id);
      if (ids.length) {
        const list = ids.map(() => '?').join(', ');
        await em.execute(`update booking_occupancies set is_blocking = false where booking_id in (${list})`, ids);
        await em.execute(`update waitlist_entries set status = 'lapsed' where status = 'offered' and offer_id in (${list})`, ids);
        for (const booking of await em.find(Booking, { id: { $in: ids } })) {
          await notifyBookingUpdate(em, booking, 'expired', { publicOrigin: this.config.publicOrigin });
        }
        this.logger.log(`${ids.length} unanswered booking request(s) expired`);
      }
      return ids;
    });
  }

  // Confirmed bookings starting within two days get one reminder; the mark is set in the same
  // transaction as the outbox row, so a crash never sends it twice or not at all.
  async sendReminders(now = new Date()): Promise<string[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const due = await em.execute<{ id: string }[]>(
        `update bookings set reminder_sent_at = ? where id in (
           select id from bookings where status = 'approved' and reminder_sent_at is null and starts_at > ? and starts_at <= ?
           order by starts_at limit 200 for update skip locked) returning id`,
        [now, now, addMinutes(now, REMINDER_HOURS * 60)],
      );
      const ids = due.map((row) => row.id);
      for (const booking of ids.length ? await em.find(Booking, { id: { $in: ids } }) : []) {
        await notifyBookingUpdate(em, booking, 'reminder', { publicOrigin: this.config.publicOrigin });
      }
      return ids;
    });
  }
}

export const REMINDER_HOURS = 48;
