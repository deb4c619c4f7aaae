import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organisation, User } from '@talkoot/identity';
import { helsinkiDayOf, helsinkiToday } from '@talkoot/platform';
import {
  builtInTemplates,
  type BuiltInTemplateKey,
  templateShiftTimes,
  VolunteerClaim,
  VolunteerHours,
  VolunteerShift,
  VolunteerTask,
} from '@talkoot/volunteering';
import type { DemoEventRef } from './demo-events.js';
import { helsinkiTime } from './demo-venues.js';

// Volunteer tasks on demo events (the winter market with the full market template, the ski track
// work day with the talkoot day template), standing work ("mow the village hall yard"), and past
// shifts with confirmed hours. helmi@example.org volunteers for two organisations (Kotalahti and
// Sorsakoski); aino and juhani have hours too.
export function seedDemoVolunteering(
  em: EntityManager,
  input: { organisations: Map<string, Organisation>; users: Map<string, User>; events: DemoEventRef[]; now?: Date },
): void {
  const now = input.now ?? new Date();
  const organisation = (key: string) => {
    const found = input.organisations.get(key);
    if (!found) throw new Error(`demo volunteering: unknown organisation ${key}`);
    return found;
  };
  const user = (email: string) => {
    const found = input.users.get(email);
    if (!found) throw new Error(`demo volunteering: unknown user ${email}`);
    return found;
  };
  const event = (titleFi: string) => {
    const found = input.events.find((e) => e.titleFi === titleFi);
    if (!found) throw new Error(`demo volunteering: unknown event ${titleFi}`);
    return found;
  };

  const fromTemplate = (
    key: BuiltInTemplateKey,
    ownerKey: string,
    target: DemoEventRef,
    place: string,
    contact: [string, string],
  ) => {
    const tasks: { task: VolunteerTask; shifts: VolunteerShift[] }[] = [];
    for (const templateTask of builtInTemplates[key].tasks) {
      const task = em.create(VolunteerTask, {
        organisation: organisation(ownerKey),
        eventId: target.id,
        title: templateTask.title,
        description: templateTask.description,
        place,
        contactName: contact[0],
        contactPhone: contact[1],
        requirements: templateTask.requirements,
        createdAt: now,
      });
      const shifts = templateTask.shifts.map((shift) =>
        em.create(VolunteerShift, {
          task,
          ...templateShiftTimes(helsinkiDayOf(target.startsAt), shift),
          capacity: shift.capacity,
        }),
      );
      tasks.push({ task, shifts });
    }
    return tasks;
  };
  const place = (
    shift: VolunteerShift,
    placeNo: number,
    who: User | { name: string; phone: string },
    origin: 'self' | 'behalf' = 'self',
  ) =>
    em.create(VolunteerClaim, {
      shift,
      state: 'placed',
      origin,
      placeNo,
      user: 'id' in who ? who : null,
      name: who.name,
      email: 'id' in who ? who.email : null,
      emailNormalised: 'id' in who ? who.email.toLowerCase() : null,
      phone: 'id' in who ? null : who.phone,
      language: 'id' in who ? who.language : 'fi',
      confirmedRequirements: shift.task.requirements,
      confirmedAt: now,
      createdAt: now,
    });

  // The winter market (the municipality's) with the whole market template; Kotalahti co-organises a task of its own.
  const market = event('Talvimarkkinat');
  const marketTasks = fromTemplate('summer-market', 'municipality', market, 'Rautalammin tori', ['Sari Salonen', '040 555 0101']);
  const cafe = marketTasks.find((t) => t.task.title.en === 'Café')!;
  place(cafe.shifts[0]!, 1, user('helmi@example.org'));
  place(cafe.shifts[0]!, 2, user('liisa@example.org'));
  place(marketTasks[0]!.shifts[0]!, 1, user('juhani@example.org'));
  place(marketTasks[0]!.shifts[0]!, 2, { name: 'Pentti Puhelin', phone: '040 555 0199' }, 'behalf');
  const raffle = em.create(VolunteerTask, {
    organisation: organisation('kotalahti'),
    eventId: market.id,
    title: { fi: 'Arpajaiset', sv: 'Lotteri', en: 'Raffle' },
    description: { fi: 'Kotalahden kyläyhdistyksen arpapöytä.' },
    place: 'Rautalammin tori, teltta 3',
    contactName: 'Aino Aaltonen',
    contactPhone: '040 555 0102',
    requirements: ['adult'],
    createdAt: now,
  });
  em.create(VolunteerShift, {
    task: raffle,
    startsAt: templateShiftTimes(helsinkiDayOf(market.startsAt), {
      dayOffset: 0,
      startMinutes: 600,
      endMinutes: 840,
      capacity: 2,
    }).startsAt,
    endsAt: templateShiftTimes(helsinkiDayOf(market.startsAt), { dayOffset: 0, startMinutes: 600, endMinutes: 840, capacity: 2 })
      .endsAt,
    capacity: 2,
  });

  // The ski track work day with the talkoot day template.
  const skiDay = event('Latutalkoot');
  const skiTasks = fromTemplate('talkoot-day', 'oravikoski', skiDay, 'Oravikosken laavu', ['Kalle Korhonen', '040 555 0103']);
  place(skiTasks[0]!.shifts[0]!, 1, user('kalle@example.org'));

  // Standing work with no event.
  const yard = em.create(VolunteerTask, {
    organisation: organisation('kotalahti'),
    eventId: null,
    title: { fi: 'Kylätalon pihan niitto', sv: 'Klippa gräset vid byagården', en: 'Mow the village hall yard' },
    description: { fi: 'Ruohonleikkuri on kylätalon varastossa. Kirjaa tuntisi Talkoot-palveluun.' },
    place: 'Kotalahden kylätalo',
    contactName: 'Aino Aaltonen',
    contactPhone: '040 555 0102',
    deadline: helsinkiDayOf(helsinkiTime(now, 6, 5, 12)),
    createdAt: now,
  });
  em.create(VolunteerShift, {
    task: yard,
    startsAt: helsinkiTime(now, 0, 1, 17),
    endsAt: helsinkiTime(now, 0, 1, 20),
    capacity: 3,
  });

  // Past shifts with confirmed hours, in two organisations.
  const past = (
    ownerKey: string,
    title: VolunteerTask['title'],
    weeksAgo: number,
    from: number,
    to: number,
    people: string[],
  ) => {
    const task = em.create(VolunteerTask, {
      organisation: organisation(ownerKey),
      eventId: null,
      title,
      place: '',
      contactName: 'Aino Aaltonen',
      createdAt: now,
    });
    const startsAt = helsinkiTime(now, -weeksAgo, 6, from);
    const endsAt = helsinkiTime(now, -weeksAgo, 6, to);
    const shift = em.create(VolunteerShift, { task, startsAt, endsAt, capacity: Math.max(people.length, 4) });
    people.forEach((email, index) => {
      const who = user(email);
      const claim = place(shift, index + 1, who);
      claim.attendance = 'came';
      em.create(VolunteerHours, {
        organisation: organisation(ownerKey),
        task,
        claim,
        user: who,
        volunteerName: who.name,
        emailNormalised: who.email.toLowerCase(),
        kind: 'shift',
        state: 'approved',
        hours: to - from,
        workDate: helsinkiDayOf(startsAt),
        decidedAt: now,
        createdAt: now,
      });
    });
  };
  past('kotalahti', { fi: 'Kylätalon syyssiivous', en: 'Autumn clean-up of the village hall' }, 3, 10, 14, [
    'helmi@example.org',
    'aino@example.org',
    'juhani@example.org',
  ]);
  past('sorsakoski', { fi: 'Rantasaunan talkoot', sv: 'Talko vid strandbastun', en: 'Lakeside sauna work day' }, 5, 9, 12, [
    'helmi@example.org',
    'eeva@example.org',
  ]);
  // Standing hours waiting for the coordinator's approval.
  em.create(VolunteerHours, {
    organisation: organisation('kotalahti'),
    task: yard,
    user: user('helmi@example.org'),
    volunteerName: user('helmi@example.org').name,
    emailNormalised: 'helmi@example.org',
    kind: 'standing',
    state: 'pending',
    hours: 1.5,
    workDate: helsinkiToday(now),
    note: 'Niitin etupihan.',
    createdAt: now,
  });
}
