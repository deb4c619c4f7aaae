import { data, Link, useLoaderData } from 'react-router';
import type { Route } from './+types/event';
import { whenText } from '../../components/bookings/booking-format';
import { PageTitle } from '../../components/page-title';
import { publicEventRoute } from '@talkoot/events/schemas';
import { listTasksRoute } from '@talkoot/volunteering/schemas';
import { ShiftFacts, TaskFacts } from '../../components/volunteering/task-facts';
import { toTaskCards } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { loadFromApi } from '../../lib/api.server';
import { pickLocalisedText } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';
import type { RouteHandle } from '../../lib/page-cache';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

// Read without JavaScript: every button is a link to the shift's own sign-up page.
export const handle = { hydrate: false, pageCache: { shows: ['volunteering', 'events', 'organisations'] } } satisfies RouteHandle;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ context, params }: Route.LoaderArgs) {
  if (!uuid.test(params.id)) throw data({ code: 'not_found' }, { status: 404 });
  const state = getRequestState(context);
  const [{ event }, { tasks }] = await Promise.all([
    loadFromApi(state, publicEventRoute, { params: { eventId: params.id } }),
    loadFromApi(state, listTasksRoute, { query: { eventId: params.id } }),
  ]);
  const title = pickLocalisedText(event.title, state.language)?.text ?? '';
  return { eventId: event.id, title, tasks: toTaskCards(tasks, state.language, Date.now()) };
}

// Page 1: every co-organiser's tasks for one event in one list; each shift says how many places
// are free and leads to its sign-up page (or the waiting list when full).
export default function EventVolunteering() {
  const { t, language } = useI18n();
  const { eventId, title, tasks } = useLoaderData<typeof loader>();
  const pageTitle = t('volunteering.event.title', { event: title });
  return (
    <>
      <PageTitle title={pageTitle} />
      <p className="breadcrumb">
        <Link to={`/events/${eventId}`}>{t('volunteering.event.back', { event: title })}</Link>
      </p>
      <h1>{pageTitle}</h1>
      <p className="lead">{t('volunteering.event.intro')}</p>
      {tasks.length === 0 ? <p>{t('volunteering.event.none')}</p> : null}
      {tasks.map((task) => (
        <section key={task.id} className="vol-task" aria-labelledby={`task-${task.id}`}>
          <h2 id={`task-${task.id}`}>{task.title}</h2>
          <TaskFacts task={task} />
          <ul className="vol-shifts">
            {task.shifts.map((shift) => (
              <li key={shift.id} className="vol-shift">
                <ShiftFacts shift={shift} />
                {shift.offer === 'over' ? (
                  <span>{t('volunteering.shift.over')}</span>
                ) : (
                  <Link
                    to={`/volunteering/tasks/${task.id}/shifts/${shift.id}`}
                    className={shift.offer === 'claim' ? 'button' : 'button button--secondary'}
                  >
                    {t(shift.offer === 'claim' ? 'volunteering.shift.claim' : 'volunteering.shift.wait')}
                    <span className="visually-hidden">
                      : {task.title}, {whenText(shift.startsAt, shift.endsAt, language)}
                    </span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
