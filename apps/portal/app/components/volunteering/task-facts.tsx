import { whenText } from '../bookings/booking-format';
import { useI18n } from '../../lib/root-data';
import { requirementNameKeys, type ShiftLine, type TaskCard } from './volunteering-view';

// Who organises, what it is, where, what is required and whom to ask: the same facts on the
// list and on a shift's sign-up page.
export function TaskFacts({ task }: { task: TaskCard }) {
  const { t } = useI18n();
  return (
    <>
      {task.description ? <p>{task.description}</p> : null}
      <dl className="vol-facts">
        <dt>{t('volunteering.task.organiser')}</dt>
        <dd>{task.organisation.name}</dd>
        {task.place ? (
          <>
            <dt>{t('volunteering.task.place')}</dt>
            <dd>{task.place}</dd>
          </>
        ) : null}
        <dt>{t('volunteering.task.requirements')}</dt>
        <dd>
          {task.requirements.length === 0
            ? t('volunteering.task.noRequirements')
            : task.requirements.map((code) => t(requirementNameKeys[code])).join(', ')}
        </dd>
        <dt>{t('volunteering.task.contact')}</dt>
        <dd>
          {task.contact.name}
          {task.contact.phone ? (
            <>
              {', '}
              <a href={`tel:${task.contact.phone.replace(/\s/g, '')}`}>{task.contact.phone}</a>
            </>
          ) : null}
          {task.contact.email ? (
            <>
              {', '}
              <a href={`mailto:${task.contact.email}`}>{task.contact.email}</a>
            </>
          ) : null}
        </dd>
      </dl>
    </>
  );
}

export function ShiftFacts({ shift }: { shift: ShiftLine }) {
  const { t, language } = useI18n();
  return (
    <div>
      <p className="vol-shift__when">{whenText(shift.startsAt, shift.endsAt, language)}</p>
      <p>
        {t('volunteering.shift.places', { free: shift.free, taken: shift.taken, capacity: shift.capacity })}
        {shift.waiting > 0 ? ` · ${t('volunteering.shift.waiting', { count: shift.waiting })}` : ''}
      </p>
    </div>
  );
}
