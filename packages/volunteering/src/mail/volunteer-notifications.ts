import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueMail, renderTemplate } from '@talkoot/outbox/mail';
import { type Language, pickLocalized } from '@talkoot/platform/schemas';
import type { LockedShift } from '../shift-lock.js';
import { coordinatorsOf } from '../views.js';
import { type VolunteerUpdateKind, volunteerUpdateTemplate } from './volunteer-update.template.js';

export interface MailLinks {
  link: string;
  secondLink?: string | null;
}

function contactLine(shift: LockedShift): string {
  return [shift.contact_name, shift.contact_phone, shift.contact_email].filter(Boolean).join(', ');
}

// One volunteer mail, rendered in the reader's language (what mailVolunteer writes to the outbox).
export function volunteerMail(
  shift: LockedShift,
  kind: VolunteerUpdateKind,
  to: { email: string; name: string; language: Language },
  input: MailLinks & { volunteerName?: string; otherName?: string; daysBefore?: number },
) {
  const rendered = renderTemplate(
    'volunteer-update',
    volunteerUpdateTemplate,
    {
      kind,
      taskTitle: pickLocalized(shift.title, to.language) ?? '—',
      organisationName: shift.organisation_name,
      startsAt: new Date(shift.starts_at).toISOString(),
      endsAt: new Date(shift.ends_at).toISOString(),
      place: shift.place,
      volunteerName: input.volunteerName ?? to.name,
      otherName: input.otherName ?? '',
      contact: contactLine(shift),
      requirements: shift.requirements,
      link: input.link,
      secondLink: input.secondLink ?? null,
      daysBefore: input.daysBefore ?? 0,
    },
    to.language,
    { recipientName: to.name },
  );
  return {
    to: to.email,
    toName: to.name,
    language: to.language,
    template: `volunteer.${kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
    rendered,
  };
}

// One volunteer mail into the caller's transaction (the outbox), in the reader's language.
export function mailVolunteer(
  em: EntityManager,
  shift: LockedShift,
  kind: VolunteerUpdateKind,
  to: { email: string; name: string; language: Language },
  input: MailLinks & { volunteerName?: string; otherName?: string; daysBefore?: number },
): void {
  enqueueMail(em, volunteerMail(shift, kind, to, input));
}

// The organisation's admins and coordinators hear at once (late withdrawal, "can't come", swap).
export async function mailCoordinators(
  em: EntityManager,
  shift: LockedShift,
  kind: VolunteerUpdateKind,
  input: { publicOrigin: string; volunteerName: string; otherName?: string },
): Promise<void> {
  const link = `${input.publicOrigin}/organisations/${shift.organisation_id}/volunteering/tasks/${shift.task_id}`;
  const recipients = await coordinatorsOf(em, shift.organisation_id);
  // The task's contact person too, when they are not among them.
  if (shift.contact_email && !recipients.some((r) => r.email === shift.contact_email))
    recipients.push({ email: shift.contact_email, name: shift.contact_name, language: 'fi' });
  for (const recipient of recipients)
    mailVolunteer(em, shift, kind, recipient, { link, volunteerName: input.volunteerName, otherName: input.otherName ?? '' });
}
