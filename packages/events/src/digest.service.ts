import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  APP_CONFIG,
  type AppConfig,
  DomainError,
  RateLimitedError,
  addDays,
  dayText,
  helsinkiDayStart,
  helsinkiToday,
  notFound,
  parseCalendarDay,
} from '@talkoot/platform';
import type { Language } from '@talkoot/platform/schemas';
import { enqueueMail, renderTemplate } from '@talkoot/outbox/mail';
import { type CalendarFilter, canonicalFilterQuery, parseCalendarFilter } from './calendar-filter.js';
import { queryCalendar } from './calendar.service.js';
import { DigestSubscription } from './digest-subscription.entity.js';
import { digestConfirmTemplate } from './mail/digest-confirm.template.js';
import { type EventDigestMailData, eventDigestTemplate } from './mail/event-digest.template.js';
import { calendarErrors } from './events.errors.js';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');
const newToken = () => randomBytes(32).toString('base64url');

function pick(text: { fi?: string; sv?: string; en?: string } | null | undefined, language: Language): string {
  return text?.[language] || text?.fi || text?.sv || text?.en || '';
}

// The period a digest sent today covers: the coming seven days (the weekly one goes out on
// Mondays), or today up to the same date next month (the monthly one goes out on the 1st).
export function digestPeriod(frequency: 'weekly' | 'monthly', now: Date): { start: Date; end: Date } {
  const today = helsinkiToday(now);
  const start = helsinkiDayStart(today);
  if (frequency === 'weekly') return { start, end: helsinkiDayStart(addDays(today, 7)) };
  // 31 January + one month rolls over to early March, as Date.UTC does.
  const { year, month, day } = parseCalendarDay(today);
  return { start, end: helsinkiDayStart(dayText(year, month + 1, day)) };
}

// Residents get the calendar by email without an account: double opt-in, and every digest has a
// one-click unsubscribe (List-Unsubscribe + List-Unsubscribe-Post) that needs no sign-in.
// At most this many confirmation mails to one address in a day.
export const CONFIRMATION_MAILS_PER_WINDOW = 3;
const CONFIRMATION_WINDOW_MS = 24 * 3_600_000;

@Injectable()
export class DigestService {
  private readonly logger = new Logger('Digests');

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Always the same answer, whether or not the address already subscribes: nothing leaks.
  async subscribe(input: {
    email: string;
    language: Language;
    frequency: 'weekly' | 'monthly';
    filter: Record<string, unknown>;
  }): Promise<void> {
    const parsed = parseCalendarFilter(
      Object.fromEntries(
        Object.entries(input.filter).map(([key, value]) => [
          key,
          typeof value === 'boolean' ? (value ? '1' : '') : (value as string | string[]),
        ]),
      ),
    );
    if (!parsed.success)
      throw new DomainError(
        calendarErrors.filter_invalid,
        'Check the filter',
        Object.fromEntries(parsed.error.issues.map((issue) => [`filter.${issue.path.join('.')}`, issue.message])),
      );
    const email = input.email.trim().toLowerCase();
    await this.orm.em.fork().transactional(async (em) => {
      await this.limitConfirmationMails(em, email);
      const confirmToken = newToken();
      em.create(DigestSubscription, {
        email,
        language: input.language,
        filter: parsed.data,
        frequency: input.frequency,
        confirmTokenHash: hash(confirmToken),
        unsubscribeTokenHash: hash(newToken()),
      });
      const data = {
        link: `${this.config.publicOrigin}/calendar/digest/confirm?token=${confirmToken}`,
        frequency: input.frequency,
        filterText: await this.filterText(em, parsed.data, input.language),
      };
      enqueueMail(em, {
        to: input.email.trim().toLowerCase(),
        language: input.language,
        template: 'digest-confirm',
        rendered: renderTemplate('digest-confirm', digestConfirmTemplate, data, input.language),
      });
    });
  }

  // Anyone may ask for a letter to any address without an account, so the confirmation mails to
  // one address are limited: a stranger cannot fill someone's inbox with them. Serialised per
  // address, so parallel requests cannot slip past the count.
  private async limitConfirmationMails(em: EntityManager, email: string): Promise<void> {
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`digest-subscribe:${email}`]);
    const since = new Date(Date.now() - CONFIRMATION_WINDOW_MS);
    const recent = await em.find(
      DigestSubscription,
      { email, createdAt: { $gt: since } },
      { fields: ['createdAt'], orderBy: { createdAt: 'asc' } },
    );
    if (recent.length < CONFIRMATION_MAILS_PER_WINDOW) return;
    const opensAt = recent[recent.length - CONFIRMATION_MAILS_PER_WINDOW]!.createdAt.getTime() + CONFIRMATION_WINDOW_MS;
    const seconds = Math.max(1, Math.ceil((opensAt - Date.now()) / 1000));
    throw new RateLimitedError(
      `Too many letters asked for this address. Try again in ${Math.ceil(seconds / 3600)} hours.`,
      seconds,
      calendarErrors.confirmations_limited,
    );
  }

  async confirm(token: string): Promise<{ frequency: 'weekly' | 'monthly' }> {
    const em = this.orm.em.fork();
    const subscription = await em.findOne(DigestSubscription, { confirmTokenHash: hash(token), unsubscribedAt: null });
    if (!subscription) throw notFound('The subscription');
    subscription.confirmedAt ??= new Date();
    await em.flush();
    return { frequency: subscription.frequency };
  }

  async unsubscribe(token: string): Promise<void> {
    const em = this.orm.em.fork();
    const subscription = await em.findOne(DigestSubscription, { unsubscribeTokenHash: hash(token) });
    if (!subscription) throw notFound('The subscription');
    subscription.unsubscribedAt ??= new Date();
    await em.flush();
  }

  // The scheduled job: one digest per confirmed subscription and period. The new unsubscribe token
  // and `lastSentAt` commit with the outbox row, so a retried job sends nothing twice.
  async sendDigests(frequency: 'weekly' | 'monthly', now = new Date()): Promise<number> {
    const period = digestPeriod(frequency, now);
    let sent = 0;
    for (;;) {
      const batch = await this.orm.em.fork().transactional(async (em) => {
        const due = await em.execute<{ id: string }[]>(
          `select id from digest_subscriptions
            where frequency = ? and confirmed_at is not null and unsubscribed_at is null and (last_sent_at is null or last_sent_at < ?)
            order by id limit 50 for update skip locked`,
          [frequency, period.start],
        );
        for (const { id } of due) await this.sendOne(em, id, period, now);
        return due.length;
      });
      sent += batch;
      if (batch < 50) break;
    }
    if (sent) this.logger.log(`${sent} ${frequency} digest(s) queued`);
    return sent;
  }

  private async sendOne(em: EntityManager, id: string, period: { start: Date; end: Date }, now: Date): Promise<void> {
    const subscription = await em.findOneOrFail(DigestSubscription, { id });
    const rows = await queryCalendar(em, subscription.filter, { from: period.start, to: period.end }, 300);
    const since = subscription.lastSentAt ?? subscription.confirmedAt ?? now;
    const unsubscribeToken = newToken();
    subscription.unsubscribeTokenHash = hash(unsubscribeToken);
    subscription.lastSentAt = period.start;
    const language = subscription.language;
    const origin = this.config.publicOrigin;
    const unsubscribeLink = `${origin}/calendar/digest/unsubscribe?token=${unsubscribeToken}`;
    const data: EventDigestMailData = {
      frequency: subscription.frequency,
      periodStart: period.start.toISOString(),
      periodEnd: period.end.toISOString(),
      filterText: await this.filterText(em, subscription.filter, language),
      items: rows
        .filter(
          (row) =>
            !(row.is_cancelled || row.status === 'cancelled') ||
            new Date(row.updated_at) >= since ||
            new Date(row.event_updated_at) >= since,
        )
        .map((row) => ({
          title: pick(row.title, language),
          startsAt: new Date(row.starts_at).toISOString(),
          endsAt: new Date(row.ends_at).toISOString(),
          isAllDay: row.is_all_day,
          place: [row.place_name, row.village_name].filter(Boolean).join(', '),
          organisers: row.organisers.map((organiser) => organiser.name).join(', '),
          link: `${origin}/events/${row.event_id}`,
          isCancelled: row.is_cancelled || row.status === 'cancelled',
          // Changed since the last digest (published before it): subscribers hear about edits.
          isChanged:
            !row.is_cancelled &&
            row.status !== 'cancelled' &&
            Math.max(new Date(row.updated_at).getTime(), new Date(row.event_updated_at).getTime()) > since.getTime() &&
            Boolean(subscription.lastSentAt),
        })),
      calendarLink: `${origin}/calendar?${canonicalFilterQuery(subscription.filter)}`,
      unsubscribeLink,
    };
    enqueueMail(em, {
      to: subscription.email,
      language,
      template: 'event-digest',
      unsubscribe: { url: `${origin}/api/digest-subscriptions/one-click-unsubscribe?token=${unsubscribeToken}` },
      rendered: renderTemplate('event-digest', eventDigestTemplate, data, language),
    });
  }

  // The filter in words for the mail: place and organiser names, category codes as they are.
  private async filterText(em: EntityManager, filter: CalendarFilter, _language: Language): Promise<string> {
    const names = async (table: string, ids: string[]) =>
      ids.length
        ? (
            await em.execute<{ name: string }[]>(
              `select name from ${table} where id::text in (select jsonb_array_elements_text(?::jsonb)) order by name`,
              [JSON.stringify(ids)],
            )
          ).map((row) => row.name)
        : [];
    const parts = [
      ...(await names('municipalities', filter.municipality)),
      ...(await names('villages', filter.village)),
      ...(await names('organisations', filter.organiser)),
      ...filter.category,
      ...filter.audience,
      ...(filter.free ? ['free'] : []),
      ...(filter.accessible ? ['step-free'] : []),
      ...(filter.q ? [`"${filter.q}"`] : []),
    ];
    return parts.join(' · ') || 'Talkoot';
  }
}
