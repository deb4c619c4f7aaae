import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { generateToken, hashToken, Organisation, type SignedInUser, User } from '@talkoot/identity';
import { DomainError, helsinkiToday, notFound } from '@talkoot/platform';
import { type Language, type LocalizedText, pickLocalized } from '@talkoot/platform/schemas';
import ical from 'ical-generator';
import { normaliseEmail } from './claim.rules.js';
import { VolunteerFeed, VolunteerHours } from './hours.entity.js';
import { hoursCsv, sumHours } from './hours.rules.js';
import type { HoursEntry, HoursSummary, MyVolunteering } from './hours.schemas.js';
import { SwapService } from './swap.service.js';
import { VolunteerTask } from './task.entity.js';
import { hoursErrors } from './volunteering.errors.js';
import { loadClaimPeople, toClaimView } from './views.js';

interface HoursRow {
  id: string;
  kind: HoursEntry['kind'];
  state: HoursEntry['state'];
  hours: string | number;
  work_date: string | Date;
  note: string;
  volunteer_name: string;
  email_normalised: string | null;
  task_id: string;
  title: LocalizedText;
  organisation_id: string;
  organisation_name: string;
}

const HOURS_SELECT = `select h.id, h.kind, h.state, h.hours, h.work_date, h.note, h.volunteer_name, h.email_normalised, h.task_id, t.title,
       o.id as organisation_id, o.name as organisation_name
  from volunteer_hours h join volunteer_tasks t on t.id = h.task_id join organisations o on o.id = h.organisation_id`;

const dateText = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

function toEntry(row: HoursRow): HoursEntry {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    hours: Number(row.hours),
    date: dateText(row.work_date),
    note: row.note,
    volunteerName: row.volunteer_name,
    task: { id: row.task_id, title: row.title },
    organisation: { id: row.organisation_id, name: row.organisation_name },
  };
}

// A person is the same volunteer by account or by the normalised email of their claims.
const MINE = '(h.user_id = ? or h.email_normalised = ?)';

const csvWords: Record<Language, { header: string[]; shift: string; standing: string }> = {
  fi: { header: ['Päivä', 'Talkoolainen', 'Sähköposti', 'Tehtävä', 'Laji', 'Tunnit'], shift: 'vuoro', standing: 'jatkuva työ' },
  sv: { header: ['Datum', 'Talkoarbetare', 'E-post', 'Uppgift', 'Typ', 'Timmar'], shift: 'pass', standing: 'fortlöpande arbete' },
  en: { header: ['Date', 'Volunteer', 'Email', 'Task', 'Kind', 'Hours'], shift: 'shift', standing: 'standing work' },
};

// Hours volunteered, my tasks across organisations, the personal calendar feed.
@Injectable()
export class HoursService {
  constructor(
    private readonly orm: MikroORM,
    private readonly swaps: SwapService,
  ) {}

  async mine(user: SignedInUser): Promise<MyVolunteering> {
    const em = this.orm.em.fork();
    const email = normaliseEmail(user.email);
    const claims = await loadClaimPeople(em, `(c.user_id = ? or c.email_normalised = ?)`, [user.id, email]);
    const rows = await em.execute<HoursRow[]>(
      `${HOURS_SELECT} where ${MINE} order by h.work_date desc, h.created_at desc limit 500`,
      [user.id, email],
    );
    const hours = rows.map(toEntry);
    const approved = hours.filter((entry) => entry.state === 'approved');
    const byOrganisation = new Map<string, { organisation: { id: string; name: string }; values: number[] }>();
    for (const entry of approved) {
      const current = byOrganisation.get(entry.organisation.id) ?? { organisation: entry.organisation, values: [] };
      current.values.push(entry.hours);
      byOrganisation.set(entry.organisation.id, current);
    }
    return {
      claims: claims.map(toClaimView),
      hours,
      hoursByOrganisation: [...byOrganisation.values()]
        .map(({ organisation, values }) => ({ organisation, hours: sumHours(values) }))
        .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'fi')),
      totalHours: sumHours(approved.map((entry) => entry.hours)),
      swapsForMe: await this.swaps.forUser(em, user),
    };
  }

  // Hours of standing work (a task with no event); pending until the task's coordinator approves.
  async log(input: { taskId: string; date: string; hours: number; note: string }, user: SignedInUser): Promise<HoursEntry> {
    return this.orm.em.fork().transactional(async (em) => {
      const task = await em.findOne(VolunteerTask, { id: input.taskId, cancelledAt: null });
      if (!task) throw notFound('The task');
      if (task.eventId !== null)
        throw new DomainError(hoursErrors.not_standing_work, 'Hours are logged on standing work; the coordinator marks shifts', {
          taskId: 'Choose standing work',
        });
      if (input.date > helsinkiToday())
        throw new DomainError(hoursErrors.in_future, 'Log hours already done', { date: 'Give a day that has passed' });
      const entry = em.create(
        VolunteerHours,
        {
          id: randomUUID(),
          organisation: em.getReference(Organisation, task.organisation.id),
          task,
          user: em.getReference(User, user.id),
          volunteerName: user.name,
          emailNormalised: normaliseEmail(user.email),
          kind: 'standing',
          state: 'pending',
          hours: input.hours,
          workDate: input.date,
          note: input.note,
          createdAt: new Date(),
        },
        { persist: false },
      );
      await em.insert(entry);
      return this.entry(em, entry.id);
    });
  }

  async decide(organisationId: string, hoursId: string, approve: boolean, coordinator: SignedInUser): Promise<HoursEntry> {
    return this.orm.em.fork().transactional(async (em) => {
      const [row] = await em.execute<{ id: string; state: string }[]>(
        `select id, state from volunteer_hours where id = ? and organisation_id = ?`,
        [hoursId, organisationId],
      );
      if (!row) throw notFound('The hours');
      const changed = await em.nativeUpdate(
        VolunteerHours,
        { id: hoursId, state: 'pending' },
        { state: approve ? 'approved' : 'rejected', decidedBy: em.getReference(User, coordinator.id), decidedAt: new Date() },
      );
      if (changed === 0) throw new DomainError(hoursErrors.wrong_state, 'These hours were decided already');
      return this.entry(em, hoursId);
    });
  }

  async summary(organisationId: string, range: { from?: string | undefined; to?: string | undefined }): Promise<HoursSummary> {
    const em = this.orm.em.fork();
    const [organisation] = await em.execute<{ id: string; name: string }[]>(`select id, name from organisations where id = ?`, [
      organisationId,
    ]);
    const rows = await this.rows(em, organisationId, range);
    const approved = rows.filter((row) => row.state === 'approved').map(toEntry);
    const volunteers = new Map<string, { name: string; email: string | null; values: number[]; shifts: number }>();
    const tasks = new Map<string, { id: string; title: LocalizedText; values: number[] }>();
    for (const [index, entry] of approved.entries()) {
      const email = rows.filter((row) => row.state === 'approved')[index]!.email_normalised;
      const key = email ?? `name:${entry.volunteerName}`;
      const volunteer = volunteers.get(key) ?? { name: entry.volunteerName, email, values: [], shifts: 0 };
      volunteer.values.push(entry.hours);
      if (entry.kind === 'shift') volunteer.shifts += 1;
      volunteers.set(key, volunteer);
      const task = tasks.get(entry.task.id) ?? { id: entry.task.id, title: entry.task.title, values: [] };
      task.values.push(entry.hours);
      tasks.set(entry.task.id, task);
    }
    return {
      organisation: organisation ?? { id: organisationId, name: '' },
      from: range.from ?? null,
      to: range.to ?? null,
      totalHours: sumHours(approved.map((entry) => entry.hours)),
      volunteers: [...volunteers.values()]
        .map((v) => ({ name: v.name, email: v.email, hours: sumHours(v.values), shifts: v.shifts }))
        .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name, 'fi')),
      tasks: [...tasks.values()]
        .map((t) => ({ id: t.id, title: t.title, hours: sumHours(t.values) }))
        .sort((a, b) => b.hours - a.hours),
      pending: rows.filter((row) => row.state === 'pending').map(toEntry),
    };
  }

  async csv(
    organisationId: string,
    range: { from?: string | undefined; to?: string | undefined },
    language: Language,
  ): Promise<string> {
    const words = csvWords[language];
    const rows = (await this.rows(this.orm.em.fork(), organisationId, range)).filter((row) => row.state === 'approved');
    return hoursCsv(
      words.header,
      rows.map((row) => ({
        date: dateText(row.work_date),
        volunteer: row.volunteer_name,
        email: row.email_normalised,
        task: pickLocalized(row.title, language) ?? '',
        kind: row.kind === 'shift' ? words.shift : words.standing,
        hours: Number(row.hours),
      })),
    );
  }

  private rows(
    em: EntityManager,
    organisationId: string,
    range: { from?: string | undefined; to?: string | undefined },
  ): Promise<HoursRow[]> {
    const conditions = ['h.organisation_id = ?'];
    const params: unknown[] = [organisationId];
    if (range.from) {
      conditions.push('h.work_date >= ?');
      params.push(range.from);
    }
    if (range.to) {
      conditions.push('h.work_date <= ?');
      params.push(range.to);
    }
    return em.execute<HoursRow[]>(
      `${HOURS_SELECT} where ${conditions.join(' and ')} order by h.work_date, h.volunteer_name, h.id limit 20000`,
      params,
    );
  }

  private async entry(em: EntityManager, id: string): Promise<HoursEntry> {
    const [row] = await em.execute<HoursRow[]>(`${HOURS_SELECT} where h.id = ?`, [id]);
    return toEntry(row!);
  }

  // ---- the personal calendar feed behind a secret address ----

  async feedState(user: SignedInUser): Promise<{ url: null; createdAt: string | null }> {
    const feed = await this.orm.em.fork().findOne(VolunteerFeed, { user: user.id });
    return { url: null, createdAt: feed ? feed.createdAt.toISOString() : null };
  }

  // A new secret: the old address stops working at once.
  async rotateFeed(user: SignedInUser, apiOrigin: string): Promise<{ url: string; createdAt: string }> {
    const secret = generateToken();
    const now = new Date();
    await this.orm.em.fork().execute(
      `insert into volunteer_feeds (id, user_id, secret_hash, created_at) values (?, ?, ?, ?)
       on conflict (user_id) do update set secret_hash = excluded.secret_hash, created_at = excluded.created_at`,
      [randomUUID(), user.id, hashToken(secret), now],
    );
    return { url: `${apiOrigin}/feeds/volunteering/${secret}.ics`, createdAt: now.toISOString() };
  }

  async revokeFeed(user: SignedInUser): Promise<void> {
    await this.orm.em.fork().nativeDelete(VolunteerFeed, { user: user.id });
  }

  // The user's places (placed) as VEVENTs; null when the secret is unknown or revoked.
  async feed(secret: string, publicOrigin: string): Promise<string | null> {
    const em = this.orm.em.fork();
    const [owner] = await em.execute<{ user_id: string; email: string; language: Language }[]>(
      `select f.user_id, u.email, u.language from volunteer_feeds f join users u on u.id = f.user_id where f.secret_hash = ?`,
      [hashToken(secret)],
    );
    if (!owner) return null;
    const claims = await loadClaimPeople(em, `(c.user_id = ? or c.email_normalised = ?) and c.state = 'placed'`, [
      owner.user_id,
      normaliseEmail(owner.email),
    ]);
    const places = new Map(
      claims.length
        ? (
            await em.execute<{ id: string; place: string }[]>(
              `select c.id, t.place from volunteer_claims c join volunteer_shifts s on s.id = c.shift_id
                 join volunteer_tasks t on t.id = s.task_id where c.id in (${claims.map(() => '?').join(', ')})`,
              claims.map((claim) => claim.id),
            )
          ).map((row) => [row.id, row.place])
        : [],
    );
    const calendar = ical({ prodId: { company: 'Talkoot', product: 'volunteering', language: 'FI' }, name: 'Talkoot' });
    for (const claim of claims)
      calendar.createEvent({
        location: places.get(claim.id) || null,
        id: `volunteer-claim-${claim.id}@talkoot`,
        start: new Date(claim.shift.startsAt),
        end: new Date(claim.shift.endsAt),
        summary: `${pickLocalized(claim.task.title, owner.language) ?? ''} (${claim.task.organisation.name})`,
        description: `${publicOrigin}/me/volunteering`,
      });
    return calendar.toString();
  }
}
