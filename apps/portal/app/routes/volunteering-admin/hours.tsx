import { Form, Link, useLoaderData } from 'react-router';
import type { Route } from './+types/hours';
import { PageTitle } from '../../components/page-title';
import { approveHoursRoute, organisationHoursRoute } from '@talkoot/volunteering/schemas';
import { requireCoordinator } from '../../components/volunteering/coordinator.server';
import { localText } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { callApi, loadFromApi } from '../../lib/api.server';
import { readFormValues } from '../../lib/forms';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

const isDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireCoordinator(state, params.id);
  const query = new URL(request.url).searchParams;
  const from = isDay(query.get('from'));
  const to = isDay(query.get('to'));
  const summary = await loadFromApi(state, organisationHoursRoute, { params: { id: params.id }, query: { from, to } });
  const csv = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}), language: state.language });
  return {
    organisationId: params.id,
    summary,
    from: from ?? '',
    to: to ?? '',
    csvHref: `/organisations/${params.id}/volunteering/hours.csv?${csv}`,
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireCoordinator(state, params.id);
  const values = readFormValues(await request.formData());
  await callApi(state, approveHoursRoute, {
    params: { id: params.id, hoursId: values.hoursId ?? '' },
    body: { approve: values.intent === 'approve' },
  });
  return redirectWithCookies(`/organisations/${params.id}/volunteering/hours`);
}

// Hours per volunteer and per task (printable), standing hours to approve, and the CSV.
export default function VolunteerHours() {
  const { t, language } = useI18n();
  const { organisationId, summary, from, to, csvHref } = useLoaderData<typeof loader>();
  const title = t('volunteeringAdmin.hours.pageTitle', { name: summary.organisation.name });
  const number = (n: number) => n.toLocaleString(language);
  return (
    <div className="vol-sheet">
      <PageTitle title={title} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/volunteering`}>
          {t('volunteeringAdmin.title', { name: summary.organisation.name })}
        </Link>
      </p>
      <h1>{title}</h1>
      <Form method="get" className="no-print actions">
        <label htmlFor="hours-from">{t('volunteeringAdmin.hours.from')}</label>
        <input id="hours-from" name="from" type="date" defaultValue={from} />
        <label htmlFor="hours-to">{t('volunteeringAdmin.hours.to')}</label>
        <input id="hours-to" name="to" type="date" defaultValue={to} />
        <button type="submit" className="button button--secondary">
          {t('volunteeringAdmin.hours.show')}
        </button>
        <a href={csvHref} className="button button--secondary" download>
          {t('volunteeringAdmin.hours.csv')}
        </a>
      </Form>
      <p className="lead">{t('volunteering.mine.total', { n: number(summary.totalHours) })}</p>
      <table>
        <caption>{t('volunteeringAdmin.hours.perVolunteer')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('volunteering.claim.name')}</th>
            <th scope="col">{t('volunteeringAdmin.hours.shifts')}</th>
            <th scope="col">{t('volunteeringAdmin.hours.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.volunteers.map((volunteer, index) => (
            <tr key={index}>
              <td>{volunteer.name}</td>
              <td>{volunteer.shifts}</td>
              <td>{number(volunteer.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{t('volunteeringAdmin.hours.perTask')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('volunteeringAdmin.hours.task')}</th>
            <th scope="col">{t('volunteeringAdmin.hours.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.tasks.map((task) => (
            <tr key={task.id}>
              <td>{localText(task.title, language)}</td>
              <td>{number(task.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="section no-print" aria-labelledby="hours-pending">
        <h2 id="hours-pending">{t('volunteeringAdmin.hours.pending')}</h2>
        {summary.pending.length === 0 ? <p>{t('volunteeringAdmin.hours.nonePending')}</p> : null}
        <ul className="card-list">
          {summary.pending.map((entry) => (
            <li key={entry.id} className="card">
              <p>
                <strong>{entry.volunteerName}</strong>: {localText(entry.task.title, language)},{' '}
                {entry.date.split('-').toReversed().join('.')}, {t('volunteering.mine.hoursN', { n: number(entry.hours) })}
              </p>
              {entry.note ? <p>{entry.note}</p> : null}
              <Form method="post" className="actions">
                <input type="hidden" name="hoursId" value={entry.id} />
                <button type="submit" name="intent" value="approve" className="button">
                  {t('volunteeringAdmin.hours.approve')}
                  <span className="visually-hidden">: {entry.volunteerName}</span>
                </button>
                <button type="submit" name="intent" value="reject" className="button button--secondary">
                  {t('volunteeringAdmin.hours.reject')}
                  <span className="visually-hidden">: {entry.volunteerName}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
