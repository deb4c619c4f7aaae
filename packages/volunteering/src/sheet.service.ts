import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { SignedInUser } from '@talkoot/identity';
import { DomainError, helsinkiDayOf, notFound } from '@talkoot/platform';
import { ClaimService } from './claim.service.js';
import { freePlaces, shiftHours } from './claim.rules.js';
import type { ClaimPerson, SheetView } from './claim.schemas.js';
import { lockShift, takenPlaces } from './shift-lock.js';
import { claimErrors } from './volunteering.errors.js';
import { loadClaimPeople, loadTasks } from './views.js';

type SheetEntry = { shiftId: string; name: string; phone: string | null; email: string | null; language: 'fi' | 'sv' | 'en' };

// The paper sheet on the wall (its data, and its names entered back all at once) and attendance.
@Injectable()
export class SheetService {
  constructor(
    private readonly orm: MikroORM,
    private readonly claims: ClaimService,
  ) {}

  async sheet(organisationId: string, eventId: string): Promise<SheetView> {
    const em = this.orm.em.fork();
    const tasks = await loadTasks(em, 't.organisation_id = ? and t.event_id = ?', [organisationId, eventId]);
    const [organisation] = await em.execute<{ id: string; name: string }[]>(`select id, name from organisations where id = ?`, [
      organisationId,
    ]);
    const people = tasks.length
      ? await loadClaimPeople(em, `t.organisation_id = ? and t.event_id = ? and c.state = 'placed'`, [organisationId, eventId])
      : [];
    return {
      eventId,
      organisation: organisation ?? { id: organisationId, name: '' },
      tasks: tasks.map((task) => ({
        id: task.id,
        title: task.title,
        place: task.place,
        requirements: task.requirements,
        contact: task.contact,
        shifts: task.shifts.map((shift) => ({
          id: shift.id,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          capacity: shift.capacity,
          places: Array.from({ length: shift.capacity }, (_, index) => {
            const holder = people.find((person) => person.shiftId === shift.id && person.placeNo === index + 1);
            return { placeNo: index + 1, name: holder?.name ?? null, phone: holder?.phone ?? null };
          }),
        })),
      })),
    };
  }

  // All or nothing: every shift must be the organisation's for this event, and each shift must have
  // room for all the names given for it (the capacity rule still holds, under each shift's lock).
  async enterResults(
    organisationId: string,
    eventId: string,
    entries: SheetEntry[],
    coordinator: SignedInUser,
  ): Promise<ClaimPerson[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const byShift = new Map<string, { index: number; entry: SheetEntry }[]>();
      entries.forEach((entry, index) => byShift.set(entry.shiftId, [...(byShift.get(entry.shiftId) ?? []), { index, entry }]));
      const ids: string[] = [];
      // In a fixed order, so two coordinators entering at once never wait for each other in a circle.
      for (const shiftId of [...byShift.keys()].sort()) {
        const group = byShift.get(shiftId)!;
        const shift = await lockShift(em, shiftId);
        if (!shift || shift.organisation_id !== organisationId || shift.event_id !== eventId || shift.cancelled_at)
          throw new DomainError(
            claimErrors.shift_not_in_event,
            'The shift is not one of this event’s tasks of the organisation',
            {
              [`entries.${group[0]!.index}.shiftId`]: 'Choose a shift of this event',
            },
          );
        const free = freePlaces(await takenPlaces(em, shiftId), shift.capacity);
        if (group.length > free.length)
          throw new DomainError(
            claimErrors.sheet_over_capacity,
            `The shift has ${free.length} free places but ${group.length} names were given: nothing was entered`,
            { [`entries.${group[free.length]!.index}.name`]: `Only ${free.length} places are free on this shift` },
            { shiftId, free: free.length },
          );
        for (const { entry } of group)
          ids.push(
            await this.claims.place(
              em,
              shift,
              {
                userId: null,
                name: entry.name,
                email: entry.email,
                phone: entry.phone,
                language: entry.language,
                confirmedRequirements: shift.requirements,
                origin: 'sheet',
                enteredBy: coordinator.id,
                isConfirmed: true,
              },
              false,
            ),
          );
      }
      return loadClaimPeople(em, `c.id in (${ids.map(() => '?').join(', ')})`, ids);
    });
  }

  // After the shift has started: who came (their hours accrue, approved) and who did not (recorded quietly).
  async markAttendance(
    organisationId: string,
    shiftId: string,
    input: { came: string[]; noShow: string[] },
    coordinator: SignedInUser,
  ): Promise<ClaimPerson[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const shift = await lockShift(em, shiftId);
      if (!shift || shift.organisation_id !== organisationId) throw notFound('The shift');
      const now = new Date();
      if (new Date(shift.starts_at).getTime() > now.getTime())
        throw new DomainError(claimErrors.attendance_too_early, 'Mark who came once the shift has started');
      const all = [...input.came, ...input.noShow];
      const placed = new Set(
        (
          await em.execute<{ id: string }[]>(`select id from volunteer_claims where shift_id = ? and state = 'placed'`, [shiftId])
        ).map((row) => row.id),
      );
      const stranger = all.find((id) => !placed.has(id));
      if (stranger)
        throw new DomainError(claimErrors.claim_not_on_shift, 'Someone named does not hold a place on this shift', {
          [input.came.includes(stranger) ? 'came' : 'noShow']: `Not on this shift: ${stranger}`,
        });
      const hours = shiftHours(new Date(shift.starts_at), new Date(shift.ends_at));
      const workDate = helsinkiDayOf(shift.starts_at);
      for (const claimId of input.came) {
        await em.execute(`update volunteer_claims set attendance = 'came' where id = ?`, [claimId]);
        await em.execute(
          `insert into volunteer_hours (id, organisation_id, task_id, claim_id, user_id, volunteer_name, email_normalised, kind, state,
                                        hours, work_date, note, decided_by_id, decided_at, created_at)
           select gen_random_uuid(), ?, ?, c.id, c.user_id, c.name, c.email_normalised, 'shift', 'approved', ?, ?, '', ?, ?, ?
             from volunteer_claims c where c.id = ?
           on conflict (claim_id) do nothing`,
          [organisationId, shift.task_id, Math.min(24, Math.max(0.25, hours)), workDate, coordinator.id, now, now, claimId],
        );
      }
      for (const claimId of input.noShow) {
        await em.execute(`update volunteer_claims set attendance = 'noShow' where id = ?`, [claimId]);
        await em.execute(`delete from volunteer_hours where claim_id = ?`, [claimId]);
      }
      return loadClaimPeople(em, `c.shift_id = ? and c.state = 'placed'`, [shiftId]);
    });
  }
}
