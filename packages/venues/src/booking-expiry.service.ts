import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '@talkoot/platform';
import { Booking } from './booking.entity.js';
import { notifyBookingUpdate } from './booking-notifications.js';

// Runs in the worker: requests whose time to answer has passed become `expired` and stop
// holding their slot, in one statement per table inside one transaction.
@Injectable()
export class BookingExpiryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BookingExpiry');
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.current) return;
      this.current = this.expireDue()
        .catch((error: Error) => this.logger.warn(`expiry skipped: ${error.message}`))
        .finally(() => (this.current = undefined));
    }, Math.max(this.config.OUTBOX_POLL_MS, 1000) * 30);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.current;
  }

  async expireDue(now = new Date()): Promise<string[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const expired = await em.execute<{ id: string }[]>(
        `update bookings set status = 'expired', expires_at = null where status = 'requested' and expires_at <= ? returning id`,
        [now],
      );
      const ids = expired.map((row) => row.id);
      if (ids.length) {
        await em.execute(`update booking_occupancies set is_blocking = false where booking_id in (${ids.map(() => '?').join(', ')})`, ids);
        for (const booking of await em.find(Booking, { id: { $in: ids } })) {
          await notifyBookingUpdate(em, booking, 'expired', { publicOrigin: this.config.publicOrigin });
        }
        this.logger.log(`${ids.length} unanswered booking request(s) expired`);
      }
      return ids;
    });
  }
}
